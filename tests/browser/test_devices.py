"""The main views at the projector (1920x1080, presentation mode), as test_phone.py does for a phone and
test_page_loads.py for a laptop (1400x900): nothing scrolls sideways, every chart's labels stay inside it, no legend
lies over a plot, no text outside the charts is smaller than the projector's large type (20 px), and no page shows
this server's address as something to cite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import assert_fits_the_screen, assert_whole_map_on_screen, screenshot, wait_for_app

PROJECTOR = {"width": 1920, "height": 1080}
VIEWS = {
    "timeline": "/timeline?campaigns=1",
    "compare-how-large": "/compare?question=how-large",
    "map": "/map?year=2005",
    "map-europe": "/map?view=europe&year=1999",
    "mission-isaf": "/mission?id=isaf",
    "learn-quiz-teacher": "/learn?part=quiz&seed=2024&teacher=1",
}
LARGE_TYPE = 20  # px: the smallest text a projected page shows outside its charts (Streamlit's own is 14 px)
# the text outside the charts that is smaller than the projector's large type
SMALL_TEXT = """min => [...document.querySelectorAll('[data-testid="stMain"] *')].filter(e => e.children.length == 0
    && e.innerText && e.innerText.trim() && !e.closest('.js-plotly-plot') && e.getClientRects().length
    && parseFloat(getComputedStyle(e).fontSize) < min).map(e => getComputedStyle(e).fontSize + ' ' + e.innerText)"""


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PROJECTOR)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("view", list(VIEWS))
def test_each_view_fits_the_projected_screen_with_labels_inside_and_no_legend_over_a_plot(
    projector: Page, server_url: str, view: str
) -> None:
    address = VIEWS[view] + ("&" if "?" in VIEWS[view] else "?") + "present=1"
    projector.goto(server_url + address)
    wait_for_app(projector)
    projector.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    assert projector.locator("[data-testid='stException']").count() == 0
    assert_fits_the_screen(projector, PROJECTOR["width"])
    assert projector.evaluate(SMALL_TEXT, LARGE_TYPE) == [], "large type everywhere outside the charts"
    if view == "learn-quiz-teacher":  # the answers a class chooses between, read from the back of the room
        sizes = projector.locator("[data-testid='stRadioOption'] p").evaluate_all(
            "ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))"
        )
        assert sizes and min(sizes) >= 28, sizes
    if view.startswith("map"):  # the year, Play and the whole map on the first screen, without scrolling
        if view == "map":
            assert_whole_map_on_screen(projector, PROJECTOR)
        geo = projector.locator(".geolayer .bg").first.bounding_box()
        assert geo is not None and geo["y"] + geo["height"] <= PROJECTOR["height"], "the map ends above the fold"
        play = projector.get_by_role("button", name="Play").bounding_box()
        assert play is not None and play["y"] + play["height"] <= PROJECTOR["height"], "Play is on the first screen"
    screenshot(projector, f"projector-{view}")
