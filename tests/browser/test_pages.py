"""Every page in a real browser: loads with no error, draws its charts and map, stays on 127.0.0.1."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Recorder, screenshot, wait_for_app

# path, name, charts the page draws
PAGES = [
    ("/", "overview", 1),
    ("/timeline", "timeline", 1),
    ("/map", "map", 1),
    ("/compare", "compare", 3),
    ("/mission?id=kfor", "mission-kfor", 1),
    ("/data", "data", 0),
]

pytestmark = pytest.mark.browser


def drawn_paths(page: Page, chart_index: int) -> int:
    return int(page.locator("[data-testid='stPlotlyChart']").nth(chart_index).locator("svg path").count())


@pytest.mark.parametrize(("path", "name", "charts"), PAGES, ids=[p[1] for p in PAGES])
def test_page_loads_draws_and_stays_offline(page: Page, server_url: str, path: str, name: str, charts: int) -> None:
    recorder = Recorder(page)
    page.goto(server_url + path)
    wait_for_app(page)
    if charts:
        page.wait_for_function(
            f"() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= {charts}"
        )
        page.wait_for_timeout(500)
    screenshot(page, name)
    assert page.locator("[data-testid='stException']").count() == 0
    assert recorder.errors == []
    assert page.locator("[data-testid='stPlotlyChart']").count() == charts
    for index in range(charts):
        assert drawn_paths(page, index) > 5, f"chart {index} on {path} drew nothing"
    assert recorder.external() == [], f"requests left the machine: {recorder.external()[:5]}"
