"""Every page and every mission profile rendered, each figure's JSON fingerprinted against a committed reference.

A change to the data, a chart builder or a page shows here as the list of views whose figures changed.
When the change is deliberate, look at those views, then rewrite the reference with `make fingerprints`.
Render times go to artifacts/bench/render_times.json, so a slowdown shows too.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard import navigation
from dashboard.dataset.comparisons import QUESTIONS
from dashboard.dataset.files import DATA_DIR
from tests.app.conftest import open_page

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests" / "reference" / "figures.json"
TIMES = ROOT / "artifacts" / "bench" / "render_times.json"
PINNED_DAY = "2026-11-21"
VIEWS: list[tuple[str, dict[str, str]]] = [
    *[(page.script, {}) for page in navigation.PAGES],
    ("views/timeline.py", {"partners": "1", "strength": "kfor,isaf"}),
    ("views/map.py", {"view": "europe", "year": "1999", "shade": "years"}),
    *[("views/compare.py", {"question": question}) for question in list(QUESTIONS)[1:]],
    ("views/compare.py", {"decades": "active"}),
    ("views/compare.py", {"question": "how-large", "log": "1"}),
    ("views/compare.py", {"question": "human-cost", "log": "1", "against": "years"}),
    ("views/learn.py", {"lesson": "bosnia", "step": "6"}),
    ("views/learn.py", {"part": "quiz", "seed": "42", "teacher": "1"}),
    ("views/compare.py", {"lang": "fr"}),
    *[("views/compare.py", {"lang": "fr", "question": question}) for question in list(QUESTIONS)[1:]],
    *[("views/mission.py", {"id": path.stem}) for path in sorted((DATA_DIR / "missions").glob("*.yaml"))],
]


def view_name(page: str, params: dict[str, str]) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return page.removeprefix("views/").removesuffix(".py") + (f"?{query}" if query else "")


def digest(spec: dict[str, object]) -> str:
    """A short SHA-256 of the figure's JSON with its keys sorted: the order plotly writes keys in is not drawn."""
    canonical = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def fingerprints() -> tuple[dict[str, list[str]], dict[str, float]]:
    """Each view's figures as short SHA-256 digests of their JSON, and each view's first render time in seconds."""
    os.environ["NPOE_TODAY"] = PINNED_DAY
    digests: dict[str, list[str]] = {}
    times: dict[str, float] = {}
    for page, params in VIEWS:
        started = time.perf_counter()
        app = open_page(page, **params)
        times[view_name(page, params)] = round(time.perf_counter() - started, 3)
        assert not app.exception, (page, params, [e.value for e in app.exception])
        specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
        for spec in specs:
            # the charts skip plotly's validation when they add their frame (charts.relayout, for speed):
            # here every figure the app draws passes it
            go.Figure(spec)
        digests[view_name(page, params)] = [digest(spec) for spec in specs]
    return digests, times


def test_every_view_draws_the_figures_of_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPOE_TODAY", PINNED_DAY)
    digests, times = fingerprints()
    TIMES.parent.mkdir(parents=True, exist_ok=True)
    TIMES.write_text(json.dumps({"pinned_day": PINNED_DAY, "seconds": times}, indent=2), encoding="utf-8")
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    changed = sorted(name for name in digests.keys() | reference.keys() if digests.get(name) != reference.get(name))
    assert not changed, (
        f"{len(changed)} view(s) draw different figures from tests/reference/figures.json: {', '.join(changed)}. "
        "If that is what you meant, look at them and run `make fingerprints`."
    )
    assert sum(len(v) for v in digests.values()) > 100, "the views drew their charts"


if __name__ == "__main__":  # make fingerprints
    found, _times = fingerprints()
    REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    REFERENCE.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{REFERENCE.relative_to(ROOT)}: {len(found)} views, {sum(len(v) for v in found.values())} figures",
        file=sys.stderr,
    )
