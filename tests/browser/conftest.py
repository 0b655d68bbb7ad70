"""Start the dashboard with `streamlit run` and drive Debian's Chromium through Playwright.

Never `playwright install`: it downloads a browser, which this project's machines cannot do. When
Chromium is missing the browser tests FAIL with the command to run; they never skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Download, Locator, Page, Playwright, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.outputs.printing import CHROMIUM_FLAGS
from dashboard.serve import environment, free_port, start_streamlit, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"


def start_server(data_dir: Path | None = None) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    process = start_streamlit(port, environment(data_dir), quiet=True)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, [process])
    return url, process


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    url, process = start_server()
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is missing: run `make chromium` (or apt-get install -y chromium as root)")
    launched = playwright_instance.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


class Recorder:
    """What a page asked the network for, and what went wrong in it."""

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def external(self) -> list[str]:
        local = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(local)]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def screenshot(page: Page, name: str) -> Path:
    """What the screen shows, into artifacts/screenshots/, to look at after a run.

    With NPOE_SCREENSHOTS=full, the whole page instead: Streamlit scrolls inside its main area, so the viewport
    grows to fit it and every chart redraws twice. That cost a fifth of the browser layer's CPU time (82 of 445
    core-seconds, measured 2026-12-07), so it is asked for, not the default.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if os.environ.get("NPOE_SCREENSHOTS") != "full":
        page.screenshot(path=str(path))
        return path
    size = page.viewport_size or {"width": 1400, "height": 1000}
    content = int(page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0"))
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(content, 8000))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the script and every chart has drawn."""
    page.wait_for_selector("[data-testid='stSidebar']", state="attached")  # a phone keeps it folded away
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && document.querySelector('[data-testid=\"stMain\"]')?.innerText.length > 0",
        timeout=30_000,
    )
    wait_for_charts(page)


def open_expander(expander: Locator, label: str) -> None:
    """Open an expander, wait for what it holds, and until its opening animation has ended.

    A "Show the data" expander is filled by the rerun its opening asks for. Seen once in CI under load:
    a click on a button inside, made while the expander still grew, never reached the button (no
    message left the browser).
    """
    expander.get_by_text(label).click()
    expander.locator("details[open]").wait_for()
    expander.locator("[data-testid='stExpanderDetails'] [data-testid='stElementContainer']").first.wait_for()
    expander.page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    expander.evaluate(  # a rerun may cancel an animation: settled is enough
        "element => Promise.allSettled(element.getAnimations({subtree: true}).map(animation => animation.finished))"
    )


def download(page: Page, button: Locator, timeout: float = 30_000) -> Download:
    """Press a download button and return the file, pressing once more if the first press was lost.

    Seen three times in CI under load (2 cores, the suite's own Chromium and kaleido beside the app):
    a press on a button that had just moved (a chart drawing above it, an expander growing) never reached
    it, and no message left the browser. A person presses again; so does this, once. A button that
    fails twice fails the test, with what the page showed.
    """
    for attempt in (1, 2):
        button.scroll_into_view_if_needed()
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
        try:
            with page.expect_download(timeout=timeout) as info:
                button.click()
            return info.value
        except PlaywrightTimeout as lost:
            if attempt == 2:
                shown = page.locator("[data-testid='stToast'], [data-testid='stException']").all_inner_texts()
                raise AssertionError(f"no download after two presses; the page showed {shown or 'nothing'}") from lost
    raise AssertionError("unreachable")


def wait_for_charts(page: Page) -> None:
    """Wait until every plotly chart on the page has drawn.

    Charts draw after the script has finished and change the page's height as they do; a click
    aimed at a button below them while they draw can miss it (seen: 1 CSV download in 6 never
    started before this wait, 0 in 25 with it).
    """
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(chart => chart.querySelector('.main-svg'))",
        timeout=30_000,
    )
    page.wait_for_timeout(300)


def assert_accessible(page: Page) -> None:
    """Run axe-core (from the npm registry, `make test` installs it) in the page: WCAG A and AA rules."""
    assert AXE.exists(), f"{AXE} is missing: run `make test` (it runs npm ci in tests/browser)"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'critical' || v.impact === 'serious')
            .map(v => `${v.id} (${v.impact}): ${v.help}: `
                 + v.nodes.slice(0, 3).map(n => n.html.slice(0, 120)).join(' | '))"""
    )
    assert violations == []


# every text of each chart's SVG (ticks, annotations, legend) that runs outside the chart's own box, in page pixels
OUTSIDE = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].flatMap(chart => {
    const box = chart.getBoundingClientRect();
    return [...chart.querySelectorAll('.main-svg text')].filter(text => text.textContent.trim()).map(text => {
        const r = text.getBoundingClientRect();
        return (r.left < box.left - 1 || r.right > box.right + 1) ? text.textContent : null;
    }).filter(Boolean);
})"""
# each chart's legend box against its plot area (the drag layer plotly lays over the axes), in page pixels
LEGEND_OVER_PLOT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].flatMap(chart => {
    const legend = chart.querySelector('.main-svg .legend'), plot = chart.querySelector('.nsewdrag');
    if (!legend || !plot) return [];
    const a = legend.getBoundingClientRect(), b = plot.getBoundingClientRect();
    const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2
                 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    return overlap ? [chart.querySelector('.gtitle')?.textContent || '?'] : [];
})"""


def assert_fits_the_screen(page: Page, width: int) -> None:
    """Nothing scrolls sideways, every chart's labels stay inside it, no legend lies over a plot, and the page
    shows no address of this server as something to cite."""
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width, "no sideways scroll"
    assert page.evaluate(OUTSIDE) == [], "every label of every chart stays inside its chart"
    assert page.evaluate(LEGEND_OVER_PLOT) == [], "no legend over a plot"
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "127.0.0.1" not in text and "localhost" not in text, "no local address to cite"


def assert_whole_map_on_screen(page: Page, viewport: dict[str, int]) -> None:
    """The map's figure is no taller than the screen and takes its width, and the world map ends above the fold
    (on a laptop under the page's controls; projected under the year and Play, the other controls beneath it)."""
    geo = page.locator(".geolayer .bg").first.bounding_box()
    chart = page.locator("[data-testid='stPlotlyChart']").first.bounding_box()
    assert geo is not None and chart is not None
    assert chart["height"] <= viewport["height"], "the map's figure is no taller than the screen"
    assert geo["y"] + geo["height"] <= viewport["height"], "the world map ends above the fold"
    assert geo["width"] >= 0.7 * chart["width"], "the map takes the width it is given, no blank bands beside it"
