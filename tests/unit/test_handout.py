"""Lesson handouts: two printed pages per lesson and language, with every step's chart at a readable size, its
question and the sources; a map printed once."""

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
from dashboard.outputs import handout, images, printing
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
            """() => { const pictures = [...document.querySelectorAll('.step img')];
                       return {narrowest: Math.min(...pictures.map(p => p.getBoundingClientRect().width)),
                               widest: document.documentElement.scrollWidth}; }"""
        )
        browser.close()
    return box


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("lesson_id", ["bosnia", "afghanistan", "deterrence"])
def test_each_lesson_fits_two_pages_with_nothing_cut_off_and_charts_half_a_page_wide(
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
    assert box["narrowest"] >= 330, "each chart about 90 mm wide (a third of the page was illegible)"
    assert box["widest"] <= 794, "nothing wider than the page"
    pdf, _png = printing.print_page(html, pdf={})
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2, "two pages at most"


def test_a_handout_is_a_two_page_pdf_with_the_questions_the_sources_and_each_map_once(
    data: Dataset, content: Learn
) -> None:
    lesson = content.lesson("bosnia")
    assert lesson is not None
    with i18n.using("fr"):
        pdf = handout.handout(data, lesson, "http://localhost:8501/learn?lesson=bosnia&lang=fr", date(2026, 11, 21))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert lesson.title.fr in text
    assert lesson.steps[0].question.fr.split("?")[0][:40] in text
    assert "Créé le 21 novembre 2026" in text
    repeats = handout.repeated_maps(handout.lesson_panels(data, lesson))
    pictures = [picture for page in reader.pages for picture in page.images]
    assert len(pictures) == len(lesson.steps) - len(repeats), "one chart a step, a repeated map once"
    for step, earlier in repeats.items():
        assert f"La carte est la même qu\u2019à l\u2019étape {earlier}." in text, step
