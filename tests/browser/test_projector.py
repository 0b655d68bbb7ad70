"""At the projector (1920x1080, presentation mode): a lesson step and a pack slide each fit one screen, and Next
starts the next step at its title."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page

from dashboard.charts import briefing
from tests.browser.conftest import screenshot, wait_for_app

SCREEN = {"width": 1920, "height": 1080}


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    yield page
    context.close()


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"]


def test_a_projected_lesson_step_fits_one_screen_and_next_starts_at_the_top(projector: Page, server_url: str) -> None:
    projector.goto(server_url + "/learn?part=lessons&lesson=bosnia&step=3&present=1")
    wait_for_app(projector)
    projector.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    for step in (3, 4):
        heading = projector.get_by_role("heading", name=f"{step}.").first
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < 250, f"step {step}'s title at the top of the screen"
        assert bottom(projector, "[data-testid='stPlotlyChart']") <= SCREEN["height"], "the whole chart on screen"
        assert bottom(projector, ".st-key-step-question") <= SCREEN["height"], "the question on screen"
        next_button = projector.get_by_role("button", name="Next")
        assert bottom(projector, ".st-key-step-next") <= SCREEN["height"], "Next on screen"
        screenshot(projector, f"projector-lesson-step-{step}")
        if step == 3:
            projector.locator("[data-testid='stMain']").evaluate("main => main.scrollTo({top: 400})")
            next_button.click()
            projector.get_by_role("heading", name="4.").first.wait_for()
            wait_for_app(projector)
            projector.wait_for_function(
                "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop === 0", timeout=10_000
            )


def test_a_presented_pack_slide_fits_one_screen_map_included(projector: Page, server_url: str) -> None:
    pack = urlencode([("pack", view) for view in briefing.EXAMPLE_PACK])
    for slide in (1, 6):  # the peaks by type, then the Europe map that overflowed the screen
        projector.goto(f"{server_url}/brief?present=1&slide={slide}&{pack}")
        wait_for_app(projector)
        projector.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
        assert bottom(projector, "[data-testid='stPlotlyChart']") <= SCREEN["height"], f"slide {slide}'s chart"
        assert bottom(projector, ".st-key-present-next") <= SCREEN["height"], "Next on screen"
        screenshot(projector, f"projector-pack-slide-{slide}")
