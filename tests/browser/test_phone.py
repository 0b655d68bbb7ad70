"""A student on a phone (390x844, a phone's browser): every chart page fits the screen, each chart's labels stay
inside it, no legend lies over a plot (a key beneath the chart names the colours), and the title, subtitle and
source line wrap as text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import OUTSIDE, screenshot, wait_for_app

PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.0 Mobile/15E148 Safari/604.1"
)
VIEWS = {
    "timeline": "/timeline?campaigns=1",
    "compare-judged": "/compare?question=judged",
    "compare-how-large": "/compare?question=how-large",
    "compare-human-cost": "/compare?question=human-cost",
    "map": "/map",
    "mission-isaf": "/mission?id=isaf",
}

ROWED = {"timeline": 0, "compare-human-cost": -1}  # a chart of named rows on the page: the first, the last


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_phone_sees_each_chart_whole_with_its_key_beneath(phone: Page, server_url: str, view: str) -> None:
    phone.goto(server_url + VIEWS[view])
    wait_for_app(phone)
    screenshot(phone, f"phone-{view}")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390, "nothing scrolls sideways"
    assert phone.locator("[data-testid='stException']").count() == 0
    assert phone.locator("[data-testid='stPlotlyChart'] .main-svg .legend").count() == 0, "no legend on a plot"
    assert phone.evaluate(OUTSIDE) == [], "every label of every chart stays inside its chart"
    assert phone.locator(".modebar-container .modebar").count() == 0, "no toolbar over the title"
    assert phone.get_by_text("Source: NATO Peace Operations Explorer").first.is_visible()
    if view == "map":  # the two colour scales beneath the map side by side, neither over the other
        boxes = phone.locator("[data-testid='stPlotlyChart'] .colorbar").evaluate_all(
            "bars => bars.map(b => { const r = b.getBoundingClientRect(); return [r.left, r.right]; })"
        )
        assert len(boxes) == 2 and min(boxes[0][1], boxes[1][1]) <= max(boxes[0][0], boxes[1][0]), boxes
    if view in ROWED:  # names above the bars: the plot takes the screen's width (a fifth of it before)
        chart = phone.locator("[data-testid='stPlotlyChart']").nth(ROWED[view])
        plot = chart.locator(".nsewdrag").first.bounding_box()
        assert plot is not None and plot["width"] >= 300, plot
        widths = chart.locator(".bars .point path").evaluate_all("bs => bs.map(b => b.getBoundingClientRect().width)")
        assert widths and max(widths) >= 0.5 * plot["width"], "drawn to scale: the longest bar across half the plot"
