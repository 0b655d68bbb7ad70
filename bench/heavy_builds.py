"""Heavy downloads beside a light one: six briefers each ask for a deck of 20 charts at the same moment, and a
student on another session then downloads a CSV and changes a filter. Issue target: the student's CSV and
rerun each take under a second while the decks are built (outputs/builds.py queues them).

Usage: python -m bench.heavy_builds [--packs 6] [--charts 20]. Writes bench/heavy_builds.json and prints it.
Needs Chromium (kaleido draws the decks' images; Playwright drives the sessions).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.speed import streamlit_server, summary
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


async def ask_for_deck(browser: Any, base: str, pack: list[str]) -> float:
    """Open /brief with the pack and press the PowerPoint button; seconds until the deck arrived."""
    context = await browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.goto(f"{base}/brief?{urlencode([('pack', entry) for entry in pack])}")
    button = page.get_by_role("button", name="PowerPoint deck (.pptx)")
    await button.wait_for(timeout=120_000)
    started = time.perf_counter()
    async with page.expect_download(timeout=900_000) as info:
        await button.click()
    await (await info.value).path()
    await context.close()
    return time.perf_counter() - started


async def student(browser: Any, base: str, start: asyncio.Event, repeats: int) -> dict[str, list[float]]:
    """A reader with /data and /timeline open: once the decks are asked for, download the operations' CSV and
    switch the timeline's partner missions on or off (a rerun), `repeats` times each."""
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
    await start.wait()
    await asyncio.sleep(3)  # the decks are being built now
    times: dict[str, list[float]] = {"csv_s": [], "rerun_s": []}
    for n in range(repeats):
        started = time.perf_counter()
        async with data_page.expect_download(timeout=120_000) as info:
            await csv_button.click()
        await (await info.value).path()
        times["csv_s"].append(time.perf_counter() - started)
        started = time.perf_counter()
        await partners.click()
        await timeline.wait_for_function(
            f"() => location.search.includes('partners=1') === {'true' if n % 2 == 0 else 'false'}", polling=10
        )
        await wait_idle(timeline)
        times["rerun_s"].append(time.perf_counter() - started)
        await asyncio.sleep(2)
    await context.close()
    return times


async def measure(count: int, charts: int, repeats: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    with streamlit_server() as (base, _pids):
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
            start = asyncio.Event()
            watcher = asyncio.create_task(student(browser, base, start, repeats))
            await asyncio.sleep(5)
            decks = [asyncio.create_task(ask_for_deck(browser, base, pack)) for pack in packs(count, charts)]
            start.set()
            light = await watcher
            deck_seconds = await asyncio.gather(*decks)
            await browser.close()
    return {
        "packs": count,
        "charts_per_pack": charts,
        "deck_s": summary(list(deck_seconds)),
        "student_csv_s": summary(light["csv_s"]),
        "student_rerun_s": summary(light["rerun_s"]),
        "raw": {
            "deck_s": [round(s, 2) for s in deck_seconds],
            **{k: [round(s, 3) for s in v] for k, v in light.items()},
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
