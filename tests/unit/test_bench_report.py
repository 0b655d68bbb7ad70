"""The benchmark's report: the sentence that checks the heaviest page against the floor."""

from __future__ import annotations

from typing import Any

from bench.speed import FLOOR, FLOOR_AGAIN, heaviest


def run(new_ms: float, seen_ms: float) -> dict[str, Any]:
    return {"warm_new_filter_cpu_s": new_ms / 1000, "warm_seen_filter_cpu_s": seen_ms / 1000}


def test_the_heaviest_page_is_named_and_compared_with_both_floors() -> None:
    pages = {FLOOR.label: run(30, 32), "map": run(28, 20), "timeline": run(34, 25), FLOOR_AGAIN.label: run(40, 38)}
    sentence = heaviest(pages)
    assert "a new combination, 34 ms (timeline) against the floor's 30 and 40 ms (within the floor's mean)" in sentence
    assert "seen before, 25 ms (timeline) against the floor's 32 and 38 ms (within" in sentence


def test_a_page_above_the_floor_says_so() -> None:
    pages = {FLOOR.label: run(30, 30), "quiz": run(45, 44), FLOOR_AGAIN.label: run(31, 30)}
    assert heaviest(pages).count("(above the floor's mean)") == 2
