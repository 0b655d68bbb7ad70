"""The speed benchmark: every page against a bare floor page, in one run, on this machine.

`make bench` runs it (`python -m bench.speed`; `--quick` for a short check) and writes
bench/results.json and bench/results.md (the README quotes the summary). Stages:

1. pages: each view opened on a freshly started server (cold) and then changed through the sidebar
   (warm): a filter combination not seen before, and one seen before; time per interaction at the
   protocol level, server CPU per rerun, bytes sent and the figures' share of them;
2. browser: each view opened in a freshly launched headless Chromium until every chart has drawn,
   with every byte it received (HTTP and websocket);
3. class: 30 sessions through the protocol, each opening the app at once and then making one
   interaction (a filter change, a page switch or a map click) after a random pause averaging 10 s
   for three minutes; then the same with no pause, for the capacity in reruns per second; errors,
   time per interaction and the server's memory; on one process and behind nginx (one process per
   core, `dashboard.serve`);
4. growth: the pages' warm interactions with the dataset multiplied 10x and 100x (bench.synthetic).

The floor is bench/floor_app.py, a bare Streamlit page with one small plotly chart, served with the
same settings and measured the same way in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import synthetic
from bench.protocol import ProtocolError, Run, Session
from dashboard import serve

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench"
LOGS = ROOT / "artifacts" / "bench"  # the servers' messages, to diagnose any error a run reports
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class View:
    label: str
    page: str  # url path; "" is the default page
    query: str = ""
    floor: bool = False


FLOOR = View("floor (bare page, one chart)", "", floor=True)
# measured again after the pages: on this shared machine the floor's own CPU per rerun moves by 10 ms or more
# from one minute to the next, so each page is compared with the floor on both sides of it
FLOOR_AGAIN = View("floor, again after the pages", "", floor=True)
VIEWS = [
    View("overview", ""),
    View("timeline", "timeline"),
    View("map", "map"),
    View("compare: when (the default question)", "compare"),
    View("compare: how large (two charts)", "compare", "question=how-large"),
    View("compare: side by side", "compare", "question=side-by-side"),
    View("mission profile (KFOR)", "mission", "id=kfor"),
    View("data", "data"),
    View("learn", "learn"),
    View("learn: lesson step", "learn", "lesson=bosnia&step=6"),
    View("learn: quiz, teacher view", "learn", "part=quiz&seed=42&teacher=1"),
    View("briefing", "brief"),
]
# pages a class session moves between, and the map places it clicks
CLASS_PAGES = [
    ("", ""),
    ("timeline", ""),
    ("map", ""),
    ("compare", ""),
    ("compare", "question=how-large"),
    ("compare", "question=side-by-side"),
    ("mission", "id=kfor"),
    ("mission", "id=isaf"),
    ("mission", "id=unified-protector"),
    ("mission", "id=sea-guardian"),
    ("data", ""),
    ("learn", ""),
    ("learn", "lesson=afghanistan&step=3"),
]
MAP_PLACES = ["AFG", "XKX", "BIH", "IRQ", "LBY", "SOM", "MKD", "TUR", "LVA", "USA", "PAK", "SRB"]


# ---- servers and the processes' resources -------------------------------------------------------


@contextmanager
def streamlit_server(script: str = "dashboard/app.py", data_dir: Path | None = None) -> Iterator[tuple[str, list[int]]]:
    port = serve.free_port()
    process = serve.start_streamlit(port, serve.environment(data_dir), LOGS / f"streamlit-{port}.log", script=script)
    try:
        url = f"http://127.0.0.1:{port}"
        serve.wait_healthy(url, [process])
        yield url, [process.pid]
    finally:
        process.terminate()
        process.wait(timeout=20)


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def rss_mb(pids: list[int]) -> float:
    pages = sum(int(Path(f"/proc/{pid}/statm").read_text().split()[1]) for pid in pids)
    return round(pages * PAGE_SIZE / 2**20, 1)


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "median": round(statistics.median(ordered), 3),
        "p95": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 3),
        "max": round(ordered[-1], 3),
    }


# ---- interactions -------------------------------------------------------------------------------


async def filter_change(session: Session, rng: random.Random, seen: dict[tuple[str, ...], None] | None = None) -> Run:
    """Change the sidebar's mission types (the floor: its one select box) to a random choice.

    With `seen`, the choice is one not made before (so no cache has it) and is remembered.
    """
    if "series" in session.widgets:
        options = ["a", "b", "c"]
        return await session.set_widget("series", rng.choice(options))
    options = session.widgets["type"].options
    for _ in range(1000):
        choice = tuple(sorted(rng.sample(options, rng.randint(1, len(options)))))
        if seen is None or choice not in seen:
            break
    if seen is not None:
        seen[choice] = None
    return await session.set_widget("type", list(choice))


async def class_interaction(session: Session, rng: random.Random, floor: bool) -> Run:
    if floor:
        return await filter_change(session, rng)
    on_map = session.page == "map" and "map" in session.widgets
    move = rng.choice(["filter", "click", "page"]) if on_map else rng.choice(["filter", "filter", "page"])
    if move == "click":
        return await session.click_point("map", {"location": rng.choice(MAP_PLACES)})
    if move == "page" or "type" not in session.widgets:
        page, query = rng.choice(CLASS_PAGES)
        return await session.open(page, query)
    return await filter_change(session, rng)


# ---- stage 1: pages ------------------------------------------------------------------------------


async def measure_view(url: str, pids: list[int], view: View, warm: int, rng: random.Random) -> dict[str, Any]:
    session = Session(url)
    await session.connect()
    try:
        before = cpu_seconds(pids)
        cold = await session.open(view.page, view.query)
        cold_cpu = cpu_seconds(pids) - before
        new_times: list[float] = []
        errors: list[str] = []
        seen: dict[tuple[str, ...], None] = {}  # the choices made, in order
        before = cpu_seconds(pids)
        for _ in range(warm):
            run = await filter_change(session, rng, seen)
            new_times.append(run.seconds)
            errors += run.errors
        new_cpu = (cpu_seconds(pids) - before) / warm
        # views seen before: go back and forth between the last two choices
        choices = list(seen)[-2:] if not view.floor else [("a",), ("b",)]
        seen_times: list[float] = []
        before = cpu_seconds(pids)
        for index in range(warm):
            choice = list(choices[index % len(choices)])
            run = await (session.set_widget("series", choice[0]) if view.floor else session.set_widget("type", choice))
            seen_times.append(run.seconds)
            errors += run.errors
        seen_cpu = (cpu_seconds(pids) - before) / warm
        # bytes of a first visit, in a new tab (nothing cached by the client)
        fresh = Session(url)
        await fresh.connect()
        first = await fresh.open(view.page, view.query)
        await fresh.close()
    finally:
        await session.close()
    return {
        "cold_s": round(cold.seconds, 3),
        "cold_cpu_s": round(cold_cpu, 3),
        "warm_new_filter": summary(new_times),
        "warm_new_filter_cpu_s": round(new_cpu, 3),
        "warm_seen_filter": summary(seen_times),
        "warm_seen_filter_cpu_s": round(seen_cpu, 3),
        "first_visit_kb": round(first.bytes / 1024, 1),
        "figure_kb": round(first.figure_bytes / 1024, 1),
        "charts": first.charts,
        "errors": cold.errors + first.errors + errors,
    }


def stage_pages(warm: int, views: list[View], data_dir: Path | None = None) -> dict[str, Any]:
    results = {}
    for view in [FLOOR, *views, FLOOR_AGAIN]:
        script = "bench/floor_app.py" if view.floor else "dashboard/app.py"
        with streamlit_server(script, None if view.floor else data_dir) as (url, pids):
            results[view.label] = asyncio.run(measure_view(url, pids, view, warm, random.Random(view.label)))
            results[view.label]["rss_mb"] = rss_mb(pids)
        print(f"  {view.label:32} {json.dumps(results[view.label]['warm_new_filter'])}", flush=True)
    return results


# ---- stage 2: a fresh browser ---------------------------------------------------------------------


async def charts_of(base: str, view: View) -> int:
    """How many charts the view draws, read at the protocol level (what the browser must show)."""
    session = Session(base)
    await session.connect()
    try:
        return (await session.open(view.page, view.query)).charts
    finally:
        await session.close()


def open_in_fresh_browser(url: str, charts: int) -> dict[str, Any]:
    """Launch Chromium, open the url and wait until `charts` plotly charts have drawn."""
    from playwright.sync_api import sync_playwright

    from dashboard.outputs.printing import CHROMIUM_FLAGS, chromium

    requests: list[Any] = []
    ws_bytes: list[int] = []
    with sync_playwright() as playwright:
        started = time.perf_counter()
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("requestfinished", lambda request: requests.append(request))
        page.on(
            "websocket",
            lambda socket: socket.on("framereceived", lambda payload: ws_bytes.append(len(payload))),
        )
        opened = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("[data-testid='stMain']", timeout=60_000)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
            " && document.querySelector('[data-testid=\"stMain\"]')?.innerText.length > 0"
            " && [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
            f".filter(chart => chart.querySelector('.main-svg')).length >= {charts}",
            timeout=60_000,
            polling=50,
        )
        drawn = time.perf_counter()
        charts = page.locator("[data-testid='stPlotlyChart']:has(.main-svg)").count()
        http_bytes = [request.sizes()["responseBodySize"] for request in requests]
        browser.close()
    return {
        "launch_s": round(opened - started, 3),
        "open_to_charts_s": round(drawn - opened, 3),
        "charts": charts,
        "http_kb": round(sum(http_bytes) / 1024, 1),
        "websocket_kb": round(sum(ws_bytes) / 1024, 1),
        "requests": len(http_bytes),
    }


def stage_browser(views: list[View], repeats: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with streamlit_server("bench/floor_app.py") as (floor_url, _), streamlit_server() as (app_url, _):
        for view in [FLOOR, *views]:
            base = floor_url if view.floor else app_url
            charts = asyncio.run(charts_of(base, view))  # this also warms the server's caches for the view
            url = f"{base}/{view.page}" + (f"?{view.query}" if view.query else "")
            runs = [open_in_fresh_browser(url, charts) for _ in range(repeats)]
            times = [run["open_to_charts_s"] for run in runs]
            results[view.label] = runs[-1] | {"open_to_charts": summary(times)}
            print(f"  {view.label:32} {json.dumps(results[view.label]['open_to_charts'])}", flush=True)
    with serve.class_server(port=serve.free_port(), address="127.0.0.1", log_dir=LOGS) as server:
        charts = asyncio.run(charts_of(server.url, VIEWS[0]))
        open_in_fresh_browser(server.url, charts)  # both processes' caches: the first may land on either
        open_in_fresh_browser(server.url, charts)
        runs = [open_in_fresh_browser(server.url, charts) for _ in range(repeats)]
        results["overview, behind nginx (gzip)"] = runs[-1] | {
            "open_to_charts": summary([run["open_to_charts_s"] for run in runs])
        }
    return results


# ---- stage 3: a class ------------------------------------------------------------------------------


async def class_session(
    url: str, seconds: float, pause: float, floor: bool, seed: int, log: dict[str, list[Any]], start: float
) -> None:
    rng = random.Random(seed)
    session = Session(url, timeout=120)
    try:
        began = time.perf_counter()
        await session.connect()
        first = await session.open("", "")
        log["open"].append(time.perf_counter() - began)
        log["errors"].extend(first.errors)
        while True:
            if pause:
                await asyncio.sleep(rng.expovariate(1 / pause))
            if time.perf_counter() - start >= seconds:
                break
            run = await class_interaction(session, rng, floor)
            log["times"].append(run.seconds)
            log["errors"].extend(run.errors)
    except (TimeoutError, ProtocolError, OSError, KeyError) as error:
        log["errors"].append(f"{type(error).__name__}: {error}")
    finally:
        await session.close()


async def class_run(url: str, sessions: int, seconds: float, pause: float, floor: bool) -> dict[str, Any]:
    log: dict[str, list[Any]] = {"open": [], "times": [], "errors": []}
    start = time.perf_counter()
    await asyncio.gather(*(class_session(url, seconds, pause, floor, seed, log, start) for seed in range(sessions)))
    elapsed = time.perf_counter() - start
    return {
        "sessions": sessions,
        "seconds": round(elapsed, 1),
        "open": summary(log["open"]),
        "interaction": summary(log["times"]),
        "interactions": len(log["times"]),
        "reruns_per_s": round(len(log["times"]) / elapsed, 2),
        "errors": len(log["errors"]),
        "error_examples": sorted(set(log["errors"]))[:5],
    }


def one_class(url: str, pids: list[int], seconds: float, capacity_seconds: float, floor: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"rss_after_start_mb": rss_mb(pids)}
    cpu = [cpu_seconds([pid]) for pid in pids]
    result["with_pauses"] = asyncio.run(class_run(url, 30, seconds, 10.0, floor))
    result["cpu_s_per_process"] = [round(cpu_seconds([pid]) - before, 1) for pid, before in zip(pids, cpu, strict=True)]
    result["rss_after_class_mb"] = rss_mb(pids)
    result["no_pause"] = asyncio.run(class_run(url, 30, capacity_seconds, 0.0, floor))
    result["rss_after_no_pause_mb"] = rss_mb(pids)
    print(f"  {json.dumps(result)}", flush=True)
    return result


def stage_class(seconds: float, capacity_seconds: float) -> dict[str, Any]:
    results = {}
    with streamlit_server("bench/floor_app.py") as (url, pids):
        results["floor, one process"] = one_class(url, pids, seconds, capacity_seconds, floor=True)
    with streamlit_server() as (url, pids):
        results["dashboard, one process"] = one_class(url, pids, seconds, capacity_seconds, floor=False)
    with serve.class_server(port=serve.free_port(), address="127.0.0.1", log_dir=LOGS) as server:
        results[f"dashboard, nginx + {len(server.backends)} processes"] = one_class(
            server.url, server.streamlit_pids, seconds, capacity_seconds, floor=False
        )
    return results


# ---- stage 4: growth -------------------------------------------------------------------------------


def stage_growth(warm: int, factors: list[int], views: list[View]) -> dict[str, Any]:
    results = {}
    with tempfile.TemporaryDirectory(prefix="npoe-synthetic-") as folder:
        for factor in factors:
            target = Path(folder) / f"x{factor}"
            records = synthetic.build(factor, target)
            print(f" {factor}x: {records} records", flush=True)
            results[f"{factor}x"] = {"records": records, "pages": stage_pages(warm, views, target)}
    return results


# ---- report ----------------------------------------------------------------------------------------


def write(results: dict[str, Any]) -> None:
    (RESULTS / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "results.md").write_text(report(results))
    print(f"written: {RESULTS / 'results.json'} and results.md")


def ms(value: float | None) -> str:
    return "" if value is None else f"{value * 1000:.0f}"


def report(results: dict[str, Any]) -> str:
    lines = [
        "# Speed benchmark results",
        "",
        f"Measured {results['date']} on {results['machine']} by `make bench` (`python -m bench.speed"
        f"{' --quick' if results['quick'] else ''}`); raw numbers in `results.json`. Times in milliseconds "
        "unless marked. The floor is a bare Streamlit page with one small plotly chart, measured the same way.",
        "",
        "Stages measured: "
        + ", ".join(f"{stage} {when}" for stage, when in results.get("measured", {}).items())
        + ". Each stage compares with a floor measured in the same stage.",
        "",
    ]
    if "pages" in results:
        lines += [
            "## Pages (protocol level, one session, full dataset)",
            "",
            "Cold: first run after the server starts. Warm: rerun after a sidebar filter change, to a "
            "combination not seen before (new) or seen before (seen). CPU: the server's CPU time per rerun "
            "(its mean over the reruns). The floor is measured first and again last.",
            "",
            "| view | cold | warm new: median | p95 | CPU | warm seen: median | p95 | CPU | first visit KB"
            " | figures KB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for label, r in results["pages"].items():
            new, seen = r["warm_new_filter"], r["warm_seen_filter"]
            lines.append(
                f"| {label} | {ms(r['cold_s'])} | {ms(new['median'])} | {ms(new['p95'])} | "
                f"{ms(r['warm_new_filter_cpu_s'])} | {ms(seen['median'])} | {ms(seen['p95'])} | "
                f"{ms(r['warm_seen_filter_cpu_s'])} | {r['first_visit_kb']} | {r['figure_kb']} |"
            )
        lines += ["", heaviest(results["pages"]), ""]
    if "browser" in results:
        lines += [
            "## A fresh Chromium: open to every chart drawn",
            "",
            "| view | median s | worst s | charts | HTTP KB | websocket KB | requests |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for label, r in results["browser"].items():
            o = r["open_to_charts"]
            lines.append(
                f"| {label} | {o['median']:.2f} | {o['max']:.2f} | {r['charts']} | {r['http_kb']} | "
                f"{r['websocket_kb']} | {r['requests']} |"
            )
        lines.append("")
    if "class" in results:
        lines += [
            "## A class of 30 sessions",
            "",
            "With pauses: each session opens the app at the same moment, then makes one interaction after a "
            "random pause (exponential, mean 10 s). No pause: each clicks again as soon as it is answered.",
            "",
            "| server | opening p50 / p95 s | with pauses: interactions | errors | p50 | p95 | max | no pause: reruns/s"
            " | p95 | RSS MB start / after class / after no pause | CPU s per process |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for label, r in results["class"].items():
            p, n = r["with_pauses"], r["no_pause"]
            lines.append(
                f"| {label} | {p['open']['median']:.2f} / {p['open']['p95']:.2f} | {p['interactions']} | "
                f"{p['errors'] + n['errors']} | {ms(p['interaction']['median'])} | {ms(p['interaction']['p95'])} | "
                f"{ms(p['interaction']['max'])} | {n['reruns_per_s']} | {ms(n['interaction']['p95'])} | "
                f"{r['rss_after_start_mb']} / {r['rss_after_class_mb']} / {r['rss_after_no_pause_mb']} | "
                f"{r['cpu_s_per_process']} |"
            )
        lines.append("")
    if "growth" in results:
        lines += [
            "## Growth: the dataset multiplied",
            "",
            "| data | view | cold s | warm new: median | p95 | warm seen: median | p95 | RSS MB |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for factor, g in results["growth"].items():
            for label, r in g["pages"].items():
                if label in (FLOOR.label, FLOOR_AGAIN.label):
                    continue
                new, seen = r["warm_new_filter"], r["warm_seen_filter"]
                lines.append(
                    f"| {factor} ({g['records']} records) | {label} | {r['cold_s']:.1f} | {ms(new['median'])} | "
                    f"{ms(new['p95'])} | {ms(seen['median'])} | {ms(seen['p95'])} | {r['rss_mb']} |"
                )
        lines.append("")
    return "\n".join(lines)


def heaviest(pages: dict[str, Any]) -> str:
    """The sentence that checks the target: the heaviest page's CPU per rerun against the floor's."""
    floors = [pages[view.label] for view in (FLOOR, FLOOR_AGAIN) if view.label in pages]
    others = {label: r for label, r in pages.items() if label not in (FLOOR.label, FLOOR_AGAIN.label)}
    if not floors or not others:
        return ""
    parts = []
    for kind, key in (
        ("a new combination", "warm_new_filter_cpu_s"),
        ("a combination seen before", "warm_seen_filter_cpu_s"),
    ):
        label, worst = max(((label, r[key]) for label, r in others.items()), key=lambda item: item[1])
        floor = [r[key] for r in floors]
        parts.append(
            f"for {kind}, {ms(worst)} ms ({label}) against the floor's {' and '.join(ms(f) for f in floor)} ms"
            f" ({'within' if worst <= sum(floor) / len(floor) else 'above'} the floor's mean)"
        )
    return "Heaviest page's server CPU per rerun: " + "; ".join(parts) + "."


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The speed benchmark (see the module's docstring).")
    parser.add_argument("--quick", action="store_true", help="a short run to check the benchmark itself")
    parser.add_argument("--stages", default="pages,browser,class,growth")
    parser.add_argument("--keep", action="store_true", help="keep the other stages' results from results.json")
    args = parser.parse_args(argv)
    quick = args.quick
    warm = 5 if quick else 40
    kept = json.loads((RESULTS / "results.json").read_text()) if args.keep else {}
    results: dict[str, Any] = kept | {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        "quick": quick,
    }
    growth_views = [view for view in VIEWS if view.page in ("", "timeline", "map", "compare", "mission")]
    runs = {
        "pages": lambda: stage_pages(warm, VIEWS),
        "browser": lambda: stage_browser(VIEWS, 1 if quick else 3),
        "class": lambda: stage_class(20 if quick else 180, 10 if quick else 60),
        "growth": lambda: stage_growth(3 if quick else 10, [10] if quick else [10, 100], growth_views),
    }
    for stage in args.stages.split(","):
        print(stage, flush=True)
        results[stage] = runs[stage]()
        results.setdefault("measured", {})[stage] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        write(results)  # after each stage, so a failure later keeps what was measured


if __name__ == "__main__":
    main()
