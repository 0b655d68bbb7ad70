"""The queue of heavy builds (outputs/builds.py) and the server's roomy thread pool (dashboard/run.py)."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import plotly.graph_objects as go
import pytest

from dashboard import run
from dashboard.outputs import builds, images


def slow(seconds: float, log: list[str], name: str) -> str:
    log.append(f"start {name}")
    time.sleep(seconds)
    log.append(f"end {name}")
    return name


def test_the_server_builds_at_most_its_slots_at_once_and_every_build_returns() -> None:
    queue = builds.BuildQueue(slots=2, per_session=1)
    log: list[str] = []
    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(queue.run, f"reader-{n}", lambda n=n: slow(0.05, log, str(n))) for n in range(6)]
        results = sorted(f.result() for f in futures)
    assert results == [str(n) for n in range(6)]
    assert queue.peak == 2
    assert queue.waiting() == 0


def test_one_reader_builds_one_file_at_a_time() -> None:
    queue = builds.BuildQueue(slots=2, per_session=1)
    log: list[str] = []
    with ThreadPoolExecutor(max_workers=3) as pool:
        for future in [pool.submit(queue.run, "one-reader", lambda n=n: slow(0.03, log, str(n))) for n in range(3)]:
            future.result()
    assert queue.peak == 1
    assert [entry.split()[0] for entry in log] == ["start", "end"] * 3


def test_a_readers_queue_does_not_hold_up_another_reader() -> None:
    queue = builds.BuildQueue(slots=2, per_session=1)
    log: list[str] = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        first = [pool.submit(queue.run, "busy", lambda n=n: slow(0.2, log, f"busy{n}")) for n in range(3)]
        time.sleep(0.05)  # the busy reader's second and third wait for the first
        other = pool.submit(queue.run, "other", lambda: slow(0.01, log, "other"))
        assert other.result(timeout=1) == "other"
        for future in first:
            future.result()
    ends = [entry for entry in log if entry.startswith("end")]
    assert ends[0] == "end other"  # it did not wait for any of the busy reader's files


def test_a_failed_build_frees_its_slot() -> None:
    queue = builds.BuildQueue(slots=1, per_session=1)

    def broken() -> str:
        raise RuntimeError("Chromium crashed")

    with pytest.raises(RuntimeError):
        queue.run("reader", broken)
    assert queue.run("reader", lambda: "next") == "next"


def test_a_build_inside_a_build_uses_the_slot_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    queue = builds.BuildQueue(slots=1, per_session=1)
    monkeypatch.setattr(builds, "QUEUE", queue)
    done = threading.Event()

    def deck() -> str:  # a deck draws its images, each of which is queued too
        images = [builds.queued(lambda n=n: f"image{n}") for n in range(3)]
        done.set()
        return ",".join(images)

    with builds.as_reader("briefer"):
        assert builds.queued(deck) == "image0,image1,image2"  # would wait for itself forever without the rule
    assert done.is_set() and queue.peak == 1


def test_the_server_loop_has_threads_to_spare_for_small_downloads() -> None:
    loop = run.RoomyLoops().new_event_loop()
    try:

        async def threads_used() -> int:
            started = threading.Barrier(run.THREADS // 2 + 1, timeout=5)
            waits = [asyncio.to_thread(started.wait) for _ in range(run.THREADS // 2)]
            gathered = asyncio.gather(*waits)
            await asyncio.to_thread(started.wait)  # only returns once half the pool runs at once
            await gathered
            return run.THREADS // 2 + 1

        with ThreadPoolExecutor(max_workers=1) as own_thread:  # Playwright's sync API may hold this thread's loop
            assert own_thread.submit(loop.run_until_complete, threads_used()).result() > 6  # stock: min(32, cores + 4)
    finally:
        loop.close()


def test_the_same_figure_is_drawn_once_for_every_file_that_shows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    monkeypatch.setattr(images, "_render", lambda fig, options: drawn.append(options["format"]) or b"picture")
    monkeypatch.setattr(images, "_drawn", type(images._drawn)())
    chart = go.Figure(go.Bar(x=["KFOR", "SFOR"], y=[50000, 32000]), layout={"title": {"text": "Peak strength"}})
    assert images.image(chart, "png") == images.image(go.Figure(chart), "png") == b"picture"  # PPTX, then PDF
    images.image(chart, "svg")
    chart.update_layout(title_text="Peak strength, 1995-2025")
    images.image(chart, "png")
    assert drawn == ["png", "svg", "png"]  # a changed figure or format is drawn again, the same one is not


def test_a_clear_cache_message_clears_only_its_senders_state(monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st
    from streamlit.runtime.app_session import AppSession

    monkeypatch.setattr(AppSession, "_handle_clear_cache_request", AppSession._handle_clear_cache_request)
    built: list[str] = []

    @st.cache_resource(show_spinner=False)
    def shared_dataset() -> str:
        built.append("dataset")
        return "dataset"

    shared_dataset()
    run.guard_shared_caches()
    cleared: list[str] = []
    sender = type("Session", (), {"_session_state": type("State", (), {"clear": lambda self: cleared.append("own")})()})
    AppSession._handle_clear_cache_request(sender())
    shared_dataset()
    assert cleared == ["own"]
    assert built == ["dataset"]  # Streamlit's own handler empties every cache on the server: built twice
