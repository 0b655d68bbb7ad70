"""Briefing packs: views survive a link, rebuild what the page drew, and come out as a deck, a PDF and fact cards."""

from __future__ import annotations

import io
import re
import time

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from dashboard.charts import briefing, questions
from dashboard.dataset.filters import Filters
from dashboard.dataset.loading import Dataset
from dashboard.outputs import cards, printing, slides

EIGHT = list(briefing.EXAMPLE_PACK)


def test_a_view_survives_encoding_and_leaves_out_display_parameters() -> None:
    view = briefing.view_of("compare", "peaks", [("log", "1"), ("type", "a b"), ("present", "1"), ("pack", "x")])
    assert view.params == (("log", "1"), ("type", "a b"))
    assert briefing.decode(view.encode()) == view
    assert view.link() == "compare?question=how-large&log=1&type=a+b", "the link opens the question that shows it"
    assert briefing.view_of("compare", "decades", [("question", "when")]).link() == "compare"


@pytest.mark.parametrize("text", ["compare/nothing", "nowhere/peaks", "", "compare", "mission/where-map/extra"])
def test_what_is_not_a_chart_decodes_to_none(text: str) -> None:
    assert briefing.decode(text) is None


def test_a_pack_link_keeps_good_entries_and_names_the_bad_ones() -> None:
    reading = briefing.read_pack_url({"pack": ["compare/peaks", "compare/bogus", "map/map"], "title": ["Balkans"]})
    assert [v.encode() for v in reading.views] == ["compare/peaks", "map/map"]
    assert reading.title == "Balkans"
    assert len(reading.notices) == 1 and "compare/bogus" in reading.notices[0]
    full = briefing.read_pack_url({"pack": ["map/map"] * (briefing.PACK_MAX + 3)})
    assert len(full.views) == briefing.PACK_MAX and "at most" in full.notices[-1]


@pytest.mark.parametrize(("page", "chart"), [(p, c) for p, charts in briefing.CHARTS.items() for c in charts])
def test_every_chart_a_page_can_add_is_rebuilt_with_its_key(data: Dataset, page: str, chart: str) -> None:
    panel = briefing.build(data, briefing.View(page, chart, (("id", "isaf"),) if page == "mission" else ()))
    assert panel.key == chart
    assert panel.figure is not None, f"{page}/{chart} draws nothing with default parameters"
    assert panel.source.startswith("Source: NATO Peace Operations Explorer")


def test_a_rebuilt_view_is_what_the_page_drew(data: Dataset) -> None:
    view = briefing.decode("compare/peaks?log=1&org=NATO&from=1995&to=2010")
    assert view is not None
    rebuilt = briefing.build(data, view)
    page = questions.compare_panels(data, Filters(organisations=("NATO",), year_from=1995, year_to=2010), log=True)[2]
    assert rebuilt.figure is not None and page.figure is not None
    assert rebuilt.figure.to_dict() == page.figure.to_dict()
    assert rebuilt.figure.layout.xaxis.type == "log"


def test_values_a_view_does_not_understand_fall_back_to_defaults(data: Dataset) -> None:
    panel = briefing.build(data, briefing.View("map", "map", (("year", "1850"), ("shade", "purple"))))
    assert panel.figure is not None and panel.figure.layout.title.text == "Where the operations deployed"


def deck_for(data: Dataset, texts: list[str]) -> tuple[list[slides.Slide], bytes]:
    views = [briefing.decode(t) for t in texts]
    built = [(briefing.build(data, v), briefing.describe(data, v), v.link()) for v in views if v is not None]
    pictures = slides.slides_for(built)
    return pictures, slides.deck(data, "Test pack", pictures, "http://localhost/brief?pack=x")


def test_a_pack_of_eight_charts_becomes_a_16_9_deck_in_under_15_seconds(data: Dataset) -> None:
    started = time.monotonic()
    pictures, deck = deck_for(data, EIGHT)
    elapsed = time.monotonic() - started
    assert elapsed < 15, f"building the deck took {elapsed:.1f} s"
    presentation = Presentation(io.BytesIO(deck))
    assert (presentation.slide_width, presentation.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(presentation.slides) == 1 + len(pictures) and len({id(p.panel) for p in pictures}) == 8
    parts = [p.caption for p in pictures if "(part " in p.caption]
    assert parts and f"(part {len(parts)} of {len(parts)})" in parts[-1], "the long timeline over slides"
    cover = presentation.slides[0]
    assert any("Test pack" in s.text_frame.text for s in cover.shapes if s.has_text_frame)
    for slide, picture in zip(list(presentation.slides)[1:], pictures, strict=True):
        images = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(images) == 1
        assert Image.open(io.BytesIO(images[0].image.blob)).size == (1920, 1080)
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert picture.panel.heading in texts
        assert any(t.startswith("Source: NATO Peace Operations Explorer") for t in texts), "footnote"
        notes = slide.notes_slide.notes_text_frame.text
        assert "Key figures:" in notes and "Sources of the operations drawn:" in notes
        assert re.search(r"https?://", notes), "notes name at least one source by its address"
        assert slide.shapes.title is not None and slide.shapes.title.text == picture.panel.heading, "a real title"
        assert sum(t.startswith("Source: NATO Peace") for t in texts) == 1, "one source line"
        assert "<br>" not in notes and not re.search(r"^(Id|id|missions|details): ", notes, re.M), notes[:300]
        assert not re.search(r"\b\d+\.0\b", notes.split("Sources of the operations drawn:")[0]), "no 130000.0"
        assert "127.0.0.1" not in notes and "localhost" not in notes
    assert cover.shapes.title.text == "Test pack"
    assert cover.notes_slide.notes_text_frame.text == "Rebuild this pack: /brief?pack=x"


def test_speaker_notes_quote_the_table_and_the_sources_of_the_operations(data: Dataset) -> None:
    pictures, _ = deck_for(data, ["mission/where-map?id=kfor"])
    notes = slides.speaker_notes(data, pictures[0])
    first = data.records["kfor"].sources[0]
    assert first.url in notes and "Kosovo" in notes
    assert "From: Mission profile: KFOR" in notes


def test_the_pdf_has_a_cover_a_page_per_chart_and_sources(data: Dataset) -> None:
    pictures, _ = deck_for(data, EIGHT[:3])
    pdf = slides.deck_pdf(data, "Test pack", pictures)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 1 + 3 + 1, pages


def test_a_fact_card_is_one_page_with_every_figure_numbered_to_its_source(data: Dataset) -> None:
    pdf, png = cards.fact_card(data, "isaf")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert Image.open(io.BytesIO(png)).size == (cards.PAGE_WIDTH * 2, cards.PAGE_HEIGHT * 2)
    record = data.records["isaf"]
    facts = cards.cited(record, cards.facts(data, record))
    listed = cards.card_sources(record, cards.facts(data, record))
    assert record.peak_personnel is not None
    assert any(f.label == "Peak strength" and n and listed[n - 1].url == record.peak_personnel.source for f, n in facts)


def test_a_card_says_not_published_and_escapes_what_a_record_holds(data: Dataset) -> None:
    without_peak = next(i for i, r in data.records.items() if r.peak_personnel is None)
    html = cards.card_html(data, without_peak, None)
    assert "Peak strength</dt>\n      <dd>not published" in html
    record = data.records["kfor"]
    data.records["kfor"] = record.model_copy(update={"summary": "<script>alert(1)</script>"})
    try:
        html = cards.card_html(data, "kfor", None)
    finally:
        data.records["kfor"] = record
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_printing_without_a_browser_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "")
    monkeypatch.setattr(printing.shutil, "which", lambda name: None)
    with pytest.raises(printing.PrintError, match="make chromium"):
        printing.print_page("<p>hi</p>", pdf={})
