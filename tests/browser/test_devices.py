"""The main views on a laptop (1400x900) and at the projector (1920x1080, presentation mode), as test_phone.py does
for a phone: nothing scrolls sideways, every chart's labels stay inside it, no legend lies over a plot, and no page
shows this server's address as something to cite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import screenshot, wait_for_app
from tests.browser.test_phone import OUTSIDE

DEVICES = {"laptop": ({"width": 1400, "height": 900}, ""), "projector": ({"width": 1920, "height": 1080}, "present=1")}
VIEWS = {
    "timeline": "/timeline?campaigns=1",
    "compare-how-large": "/compare?question=how-large",
    "map": "/map?year=2005",
    "mission-isaf": "/mission?id=isaf",
}
# each chart's legend box against its plot area (the drag layer plotly lays over the axes), in page pixels
LEGEND_OVER_PLOT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].flatMap(chart => {
    const legend = chart.querySelector('.main-svg .legend'), plot = chart.querySelector('.nsewdrag');
    if (!legend || !plot) return [];
    const a = legend.getBoundingClientRect(), b = plot.getBoundingClientRect();
    const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2
                 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    return overlap ? [chart.querySelector('.gtitle')?.textContent || '?'] : [];
})"""


@pytest.fixture(params=list(DEVICES))
def device(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    viewport, _query = DEVICES[request.param]
    context = browser.new_context(viewport=viewport)
    yield request.param, context.new_page()
    context.close()


@pytest.mark.parametrize("view", list(VIEWS))
def test_each_view_fits_its_screen_with_labels_inside_and_no_legend_over_a_plot(
    device: tuple[str, Page], server_url: str, view: str
) -> None:
    name, page = device
    viewport, query = DEVICES[name]
    address = VIEWS[view] + (("&" if "?" in VIEWS[view] else "?") + query if query else "")
    page.goto(server_url + address)
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"], "no sideways scroll"
    assert page.evaluate(OUTSIDE) == [], "every label of every chart stays inside its chart"
    assert page.evaluate(LEGEND_OVER_PLOT) == [], "no legend over a plot"
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "127.0.0.1" not in text and "localhost" not in text, "no local address to cite"
    if view == "map":  # the whole map on one screen: on a laptop with the page's top, projected once scrolled to it
        geo = page.locator(".geolayer .bg").first.bounding_box()
        chart = page.locator("[data-testid='stPlotlyChart']").first.bounding_box()
        assert geo is not None and chart is not None
        assert chart["height"] <= viewport["height"], "the map's figure is no taller than the screen"
        if name == "laptop":
            assert geo["y"] + geo["height"] <= viewport["height"], "the world map ends above the laptop's fold"
        assert geo["width"] >= 0.7 * chart["width"], "the map takes the width it is given, no blank bands beside it"
    screenshot(page, f"{name}-{view}")
