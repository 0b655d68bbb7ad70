"""Heavy downloads beside a light one: six briefers each ask for a deck of 20 charts at the same moment, and a
student on another session then downloads a CSV and changes a filter. Issue target: the student's CSV and
rerun each take under a second while the decks are built (outputs/builds.py queues them).

The student's waits are timed in a browser (click to file saved or chart drawn) and, on another session, at the
protocol level (the server alone); each also with no deck building, in the same run.

Usage: python -m bench.heavy_builds [--packs 6] [--charts 20]. Writes bench/heavy_builds.json and prints it.
Needs Chromium (kaleido draws the decks' images; Playwright drives the sessions).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.protocol import Session
from bench.speed import cpu_seconds, streamlit_server, summary
from dashboard.outputs.printing import CHROMIUM_FLAGS, chromium

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "heavy_builds.json"


def packs(count: int, charts: int) -> list[list[str]]:
    """`count` different packs of `charts` views: maps of different years and views, strength lines, compare."""
    pool = [f"map/map?view={view}&year={year}" for view in ("europe", "world") for year in range(1990, 2026)]
    pool += [f"compare/peaks?org={org}" for org in ("NATO", "UN", "EU", "AU")]
    pool += [f"timeline/timeline?region={region}" for region in ("balkans", "middle-east", "africa", "europe")]
    return [[pool[(start * charts + i) % len(pool)] for i in range(charts)] for start in range(count)]


async def wait_idle(page: Any) -> None:
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", polling=20)


async def ask_for_deck(browser: Any, base: str, pack: list[str], asked: list[float]) -> float:
    """Open /brief with the pack and press the PowerPoint button (noted in `asked`); seconds until the deck
    arrived."""
    context = await browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.goto(f"{base}/brief?{urlencode([('pack', entry) for entry in pack])}")
    button = page.get_by_role("button", name="PowerPoint deck (.pptx)")
    await button.wait_for(timeout=120_000)
    started = time.perf_counter()
    async with page.expect_download(timeout=900_000) as info:
        await button.click()
        asked.append(started)
    await (await info.value).path()
    await context.close()
    return time.perf_counter() - started


async def student(browser: Any, base: str, start: asyncio.Event, decks: list[asyncio.Task[float]], repeats: int,
                  idle: dict[str, list[float]]) -> dict[str, list[float]]:  # fmt: skip
    """A reader with /data and /timeline open: download the operations' CSV and switch the timeline's partner
    missions on or off (a rerun), `repeats` times each, first with nothing else going on (into `idle`), then once
    every deck has been asked for (the briefers' pages opened and their buttons pressed).

    Each is timed twice: in the browser from click to file saved or chart drawn (what the reader waits, with the
    benchmark's own Chromium drawing on the same two cores), and by a protocol client on another session
    (bench/protocol.py), which times the server alone: from the download request to the file fetched, and from
    the rerun message to the script finished.
    """
    context = await browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    data_page, timeline = await context.new_page(), await context.new_page()
    await data_page.goto(f"{base}/data")
    await timeline.goto(f"{base}/timeline")
    csv_button = data_page.get_by_role("button", name="Download CSV")
    partners = timeline.get_by_text("Show partner missions")
    await csv_button.wait_for(timeout=120_000)
    await partners.wait_for(timeout=120_000)
    await wait_idle(data_page)
    await wait_idle(timeline)
    data_session, timeline_session = Session(base), Session(base)
    await data_session.connect()
    await timeline_session.connect()
    csv_file = (await data_session.open("data")).deferred["Download CSV"]
    await timeline_session.open("timeline")
    shown = False  # partner missions, in the browser's tab
    protocol_shown = False  # and in the protocol client's

    async def one_of_each(times: dict[str, list[float]]) -> None:
        nonlocal shown, protocol_shown
        times["building"].append(sum(not deck.done() for deck in decks))
        started = time.perf_counter()
        async with data_page.expect_download(timeout=120_000) as info:
            await csv_button.click()
        await (await info.value).path()
        times["csv_s"].append(time.perf_counter() - started)
        started = time.perf_counter()
        await partners.click()
        shown = not shown
        await timeline.wait_for_function(
            f"() => location.search.includes('partners=1') === {'true' if shown else 'false'}", polling=10
        )
        await wait_idle(timeline)
        times["rerun_s"].append(time.perf_counter() - started)
        seconds, _size = await data_session.download(csv_file)
        times["server_csv_s"].append(seconds)
        protocol_shown = not protocol_shown
        run = await timeline_session.set_widget("timeline-partners", protocol_shown)
        if run.errors:
            raise RuntimeError(f"the timeline rerun failed: {run.errors}")
        times["server_rerun_s"].append(run.seconds)

    for _ in range(repeats):
        await one_of_each(idle)
        await asyncio.sleep(2)
    times: dict[str, list[float]] = {key: [] for key in idle}
    await start.wait()  # every deck has been asked for: they are being built now
    for _ in range(repeats):
        await one_of_each(times)
        await asyncio.sleep(2)
    await data_session.close()
    await timeline_session.close()
    await context.close()
    return times


MEASURES = ("building", "csv_s", "rerun_s", "server_csv_s", "server_rerun_s")


async def measure(count: int, charts: int, repeats: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    load_before = os.getloadavg()
    with streamlit_server() as (base, pids):
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
            start = asyncio.Event()
            decks: list[asyncio.Task[float]] = []
            idle: dict[str, list[float]] = {key: [] for key in MEASURES}
            watcher = asyncio.create_task(student(browser, base, start, decks, repeats, idle))
            while len(idle["server_rerun_s"]) < repeats and not watcher.done():
                await asyncio.sleep(0.5)
            await asyncio.sleep(2)
            opened = time.perf_counter()
            asked: list[float] = []
            decks += [asyncio.create_task(ask_for_deck(browser, base, pack, asked)) for pack in packs(count, charts)]
            while len(asked) < count and not any(deck.done() for deck in decks):  # briefers open pages, then click
                await asyncio.sleep(0.1)
            opening = time.perf_counter() - opened
            cpu_before, wall_before = cpu_seconds(pids), time.perf_counter()
            start.set()
            light = await watcher
            deck_seconds = await asyncio.gather(*decks)
            server_cpu, wall = cpu_seconds(pids) - cpu_before, time.perf_counter() - wall_before
            await browser.close()
    return {
        "packs": count,
        "charts_per_pack": charts,
        "deck_s": summary(list(deck_seconds)),
        "pages_opened_and_decks_asked_s": round(opening, 1),
        "student_csv_s": summary(light["csv_s"]),
        "student_rerun_s": summary(light["rerun_s"]),
        "server_csv_s": summary(light["server_csv_s"]),
        "server_rerun_s": summary(light["server_rerun_s"]),
        "idle": {key: summary(idle[key]) for key in ("csv_s", "rerun_s", "server_csv_s", "server_rerun_s")},
        # the Streamlit process's own CPU (its threads, not the browsers or workers it starts), from the last deck
        # asked for to the last one received
        "server_process_cpu_share": round(server_cpu / wall, 2),
        # the machine is shared: anything else running shows here (1-minute load average, 2 cores)
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "raw": {
            "deck_s": [round(s, 2) for s in deck_seconds],
            **{k: [round(s, 3) for s in v] for k, v in light.items()},
            "idle": {k: [round(s, 3) for s in v] for k, v in idle.items() if k != "building"},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packs", type=int, default=6)
    parser.add_argument("--charts", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    results = asyncio.run(measure(args.packs, args.charts, args.repeats))
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
