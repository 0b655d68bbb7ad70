"""Lesson handouts: one printed page per lesson and language, with every step's chart, question and the sources."""

from __future__ import annotations

import io
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from dashboard import i18n
from dashboard.dataset.loading import Dataset
from dashboard.learn.content import Learn
from dashboard.outputs import handout, images
from dashboard.outputs.printing import CHROMIUM_FLAGS


def laid_out(html: str) -> dict[str, float]:
    """Where the steps end and the sources begin on the printed page, and whether anything is cut off.

    In a thread of its own: the browser tests' Playwright session may hold an event loop in this one.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_laid_out, html).result(timeout=60)


def _laid_out(html: str) -> dict[str, float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 794, "height": 1123})
        page.set_content(html)
        box: dict[str, float] = page.evaluate(
            """() => { const main = document.querySelector('main'), footer = document.querySelector('footer');
                       const steps = [...document.querySelectorAll('.step')];
                       return {stepsBottom: Math.max(...steps.map(s => s.getBoundingClientRect().bottom)),
                               footerTop: footer.getBoundingClientRect().top,
                               footerBottom: footer.getBoundingClientRect().bottom,
                               pageBottom: document.querySelector('.page').getBoundingClientRect().bottom,
                               hidden: main.scrollHeight - main.clientHeight}; }"""
        )
        browser.close()
    return box


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("lesson_id", ["bosnia", "afghanistan", "deterrence"])
def test_each_lesson_fits_one_page_with_nothing_cut_off(
    data: Dataset, content: Learn, lesson_id: str, language: str
) -> None:
    lesson = content.lesson(lesson_id)
    assert lesson is not None
    panels = handout.lesson_panels(data, lesson)
    # a small placeholder picture stands in for each chart: the layout gives every picture the same box
    picture = images.thumbnail(panels[0].figure) if panels[0].figure is not None else None
    with i18n.using(language):
        html = handout.handout_html(
            lesson, panels, [picture] * len(panels), "http://localhost:8501/learn", date(2026, 11, 21)
        )
    box = laid_out(html)
    assert box["hidden"] <= 0, "steps are cut off at the bottom"
    assert box["stepsBottom"] <= box["footerTop"], "the steps run into the sources"
    assert box["footerBottom"] <= box["pageBottom"] + 0.5, "the sources run off the page"


def test_a_handout_is_a_one_page_pdf_with_the_questions_and_the_sources(data: Dataset, content: Learn) -> None:
    lesson = content.lesson("bosnia")
    assert lesson is not None
    with i18n.using("fr"):
        pdf = handout.handout(data, lesson, "http://localhost:8501/learn?lesson=bosnia&lang=fr", date(2026, 11, 21))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert lesson.title.fr in text
    assert lesson.steps[0].question.fr.split("?")[0][:40] in text
    assert "Créé le 21 novembre 2026" in text
    pictures = list(reader.pages[0].images)
    assert len(pictures) == len(lesson.steps), "one chart a step"
