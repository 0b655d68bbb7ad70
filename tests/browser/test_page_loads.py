"""Every page in a real browser on a laptop's screen (1400x900), once each: loads with no error, draws its charts and
map, fits the screen (nothing scrolls sideways, labels inside their charts, no legend over a plot, the world map above
the fold), stays on 127.0.0.1 and passes axe-core's WCAG A and AA rules. (Apart from test_pages.py so that
`make test`'s two browser workers share the work evenly.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import (
    Recorder,
    assert_accessible,
    assert_fits_the_screen,
    assert_whole_map_on_screen,
    screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1400, "height": 900}

# path, name, charts the page draws
PAGES = [
    ("/", "overview", 1),
    ("/timeline?campaigns=1", "timeline", 2),
    ("/map?year=2005", "map", 1),
    ("/compare", "compare", 1),
    ("/compare?question=how-large", "compare-how-large", 2),
    ("/compare?question=side-by-side", "compare-side-by-side", 1),
    ("/mission?id=isaf", "mission-isaf", 2),
    ("/data", "data", 0),
    ("/brief?pack=compare%2Fpeaks%3Flog%3D1&pack=map%2Fmap%3Fview%3Deurope", "brief", 2),  # chart previews
    ("/learn?concept=risks", "learn-concept", 0),
    ("/learn?lesson=bosnia&step=6", "learn-lesson", 1),
    ("/learn?part=quiz&seed=42&teacher=1", "learn-quiz-teacher", 6),
    ("/learn?part=glossary&lang=fr", "learn-glossary-fr", 0),
    ("/compare?lang=fr&question=human-cost", "compare-fr", 2),
    ("/compare?question=peace", "compare-peace", 2),
    ("/compare?question=judged", "compare-judged", 1),
]


def drawn_paths(page: Page, chart_index: int) -> int:
    return int(page.locator("[data-testid='stPlotlyChart']").nth(chart_index).locator("svg path").count())


@pytest.mark.parametrize(("path", "name", "charts"), PAGES, ids=[p[1] for p in PAGES])
def test_page_loads_draws_stays_offline_and_is_accessible(
    page: Page, server_url: str, path: str, name: str, charts: int
) -> None:
    """Each page once: no error, every chart drawn, nothing fetched from outside, and axe-core finds no critical
    or serious violation (one load for both: the suite's time is mostly page loads)."""
    recorder = Recorder(page)
    page.set_viewport_size(LAPTOP)
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
    assert_fits_the_screen(page, LAPTOP["width"])
    if name == "map":
        assert_whole_map_on_screen(page, LAPTOP)
    assert_accessible(page)
