"""The queue of heavy builds (outputs/builds.py) and the server's roomy thread pool (dashboard/run.py)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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


def test_the_same_figure_is_drawn_once_for_every_file_that_shows_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    drawn: list[str] = []
    monkeypatch.setattr(images, "_render", lambda fig, options: drawn.append(options["format"]) or b"picture")
    monkeypatch.setattr(builds, "_shared", tmp_path)
    chart = go.Figure(go.Bar(x=["KFOR", "SFOR"], y=[50000, 32000]), layout={"title": {"text": "Peak strength"}})
    assert images.image(chart, "png") == images.image(go.Figure(chart), "png") == b"picture"  # PPTX, then PDF
    images.image(chart, "svg")
    chart.update_layout(title_text="Peak strength, 1995-2025")
    images.image(chart, "png")
    assert drawn == ["png", "svg", "png"]  # a changed figure or format is drawn again, the same one is not
    assert len(list((tmp_path / "images").iterdir())) == 3  # kept where the server's workers find them too


def test_the_images_kept_are_trimmed_oldest_first(tmp_path: Path) -> None:
    for age, name in enumerate(["newest", "middle", "oldest"]):
        kept = tmp_path / name
        kept.write_bytes(b"x" * 100)
        os.utime(kept, ns=(1_000_000_000 * (10 - age),) * 2)
    images._trim(tmp_path, limit=250)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["middle", "newest"]
    images._trim(tmp_path, limit=10)
    assert [path.name for path in tmp_path.iterdir()] == ["newest"]  # the newest always stays


def where_and_how_nice() -> tuple[int, int]:
    """A job: the process that ran it and its niceness."""
    return os.getpid(), os.nice(0)


def niceness_a_program_can_take() -> int:
    """A job: start a program that tries to raise its own priority to the server's, as Chromium does; its nice."""
    program = "import os\ntry:\n    os.setpriority(os.PRIO_PROCESS, 0, 0)\nexcept OSError:\n    pass\nprint(os.nice(0))"
    return int(subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout)


def sleep_in_worker(seconds: float) -> tuple[int, float, float]:
    """A job: which process ran it, and when it started and ended."""
    started = time.time()
    time.sleep(seconds)
    return os.getpid(), started, time.time()


def failing_export() -> None:
    raise images.ExportError("Chromium is missing")


@pytest.fixture(scope="module")
def workers() -> Iterator[None]:
    """The worker processes, started once for these tests (each start imports plotly, pandas, kaleido) and
    stopped after them."""
    yield
    builds.stop_workers()


@pytest.mark.usefixtures("workers")
def test_a_build_runs_in_another_process_below_the_servers_priority() -> None:
    pid, niceness = builds.in_worker(where_and_how_nice)
    assert pid != os.getpid()
    assert niceness >= min(19, os.nice(0) + builds.NICENESS)
    assert builds.in_worker(where_and_how_nice)[0] in {pid, *[p.pid for p in builds._pool()._processes.values()]}


@pytest.mark.usefixtures("workers")
def test_a_program_a_worker_starts_cannot_raise_itself_above_the_worker() -> None:
    assert builds.in_worker(niceness_a_program_can_take) >= min(19, os.nice(0) + builds.NICENESS)


def modules_loaded() -> list[str]:
    """A job: the modules the worker has imported."""
    return list(sys.modules)


@pytest.mark.usefixtures("workers")
def test_a_worker_does_not_run_the_page_streamlit_last_ran(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = tmp_path / "page.py"
    script.write_text(f"open({str(tmp_path / 'ran')!r}, 'w').close()\n")
    page = types.ModuleType("__main__")  # what Streamlit installs as __main__ for each run of a page
    page.__file__ = str(script)
    builds.stop_workers()  # a new worker, spawned while the page is __main__
    monkeypatch.setitem(sys.modules, "__main__", page)
    assert "streamlit" not in builds.in_worker(modules_loaded)
    assert not (tmp_path / "ran").exists()


@pytest.mark.usefixtures("workers")
def test_builds_in_workers_still_keep_the_queues_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    queue = builds.BuildQueue(slots=2, per_session=1)
    monkeypatch.setattr(builds, "QUEUE", queue)
    builds.in_worker(where_and_how_nice)  # the first worker started: its start-up is not timed below

    def one(reader: str) -> tuple[int, float, float]:
        with builds.as_reader(reader):
            return builds.in_worker(sleep_in_worker, 0.4)

    readers = ["a", "a", "b", "c", "d", "d"]
    with ThreadPoolExecutor(max_workers=len(readers)) as pool:
        runs = list(pool.map(one, readers))
    assert queue.peak == 2 and queue.waiting() == 0
    assert len({pid for pid, _start, _end in runs}) <= builds.SLOTS and os.getpid() not in {p for p, _s, _e in runs}
    edges = sorted([(start, 1) for _p, start, _e in runs] + [(end, -1) for _p, _s, end in runs])
    running = [sum(step for _t, step in edges[: n + 1]) for n in range(len(edges))]
    assert max(running) <= 2  # never more than the server's slots at once, in the workers themselves
    a_runs = [runs[0], runs[1]]
    assert a_runs[0][2] <= a_runs[1][1] or a_runs[1][2] <= a_runs[0][1]  # one reader's two files one after the other


@pytest.mark.usefixtures("workers")
def test_a_failed_build_in_a_worker_raises_its_own_error_in_the_server() -> None:
    with pytest.raises(images.ExportError, match="Chromium is missing"):
        builds.in_worker(failing_export)
    assert builds.QUEUE.waiting() == 0


@pytest.mark.usefixtures("workers")
def test_a_worker_that_dies_fails_its_build_and_the_next_build_gets_a_new_one() -> None:
    with pytest.raises(builds.BuildError, match="worker stopped"):
        builds.in_worker(os._exit, 1)
    pid, _niceness = builds.in_worker(where_and_how_nice)
    assert pid != os.getpid()


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
