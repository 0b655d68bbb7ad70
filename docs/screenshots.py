"""`make screenshots`: the README's gallery, taken from the running app in Debian's Chromium.

Starts the dashboard on a free local port with the day pinned (so the pictures match the tests' views), opens
each view at the size its user sees it on (a laptop, a projector in presentation mode, a phone), waits until
every chart has drawn and writes docs/images/<name>.png. Run it again whenever a page changes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import NamedTuple

from playwright.sync_api import Page, sync_playwright

from dashboard.outputs.printing import CHROMIUM_FLAGS
from dashboard.serve import environment, free_port, start_streamlit, wait_healthy

IMAGES = Path(__file__).resolve().parent / "images"
PINNED_DAY = "2026-11-21"  # the day tests/reference/figures.json was made with


class Shot(NamedTuple):
    name: str
    path: str  # the page's address with its parameters
    width: int
    height: int
    caption: str


LAPTOP, PROJECTOR, PHONE = (1400, 900), (1920, 1080), (390, 844)  # taller laptop shots show a chart whole
SHOTS = (
    Shot("overview", "/", *LAPTOP, "Overview: operations under way each year, by type"),
    Shot("timeline", "/timeline?region=balkans&partners=1", 1400, 1500, "Timeline: the Balkans, with partner missions"),
    Shot("map", "/map?view=europe&year=1999", 1400, 1250, "Map: Europe and the Balkans in 1999"),
    Shot("compare", "/compare?question=how-long", 1400, 1250, "Compare: how long each kind of operation lasted"),
    Shot("profile", "/mission?id=kfor", *LAPTOP, "A profile: KFOR, every figure with its source"),
    Shot("lesson-present", "/learn?lesson=bosnia&step=4&present=1", *PROJECTOR, "A lesson step, presented"),
    Shot("phone", "/mission?id=isaf", *PHONE, "On a phone: ISAF's profile"),
)


def wait_until_drawn(page: Page) -> None:
    """Streamlit has finished its run and every plotly chart has drawn its SVG."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && document.querySelector('[data-testid=\"stMain\"]')?.innerText.length > 0",
        timeout=60_000,
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(chart => chart.querySelector('.main-svg'))",
        timeout=60_000,
    )
    page.wait_for_timeout(800)  # plotly's transitions and Streamlit's fade-in


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("Debian's chromium is missing: run `make chromium`", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    env = environment() | {"NPOE_TODAY": PINNED_DAY}
    port = free_port()
    server = start_streamlit(port, env, quiet=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, [server])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            for shot in SHOTS:
                context = browser.new_context(viewport={"width": shot.width, "height": shot.height})
                page = context.new_page()
                page.goto(url + shot.path)
                wait_until_drawn(page)
                target = IMAGES / f"{shot.name}.png"
                page.screenshot(path=str(target))
                print(f"{target.relative_to(IMAGES.parent.parent)}: {shot.caption}")
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
