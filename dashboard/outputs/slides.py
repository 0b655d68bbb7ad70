"""A briefing pack as a 16:9 PowerPoint deck and as a PDF: a title slide, then one chart per slide.

Streamlit-free. Each chart slide has the chart's question as its title, the chart as a 1920x1080
picture (with its own title, filters, source line and data date inside), the source line as a
footnote, and speaker notes with the key figures and the sources of the operations it rests on.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from dashboard import i18n
from dashboard.charts.panels import Panel
from dashboard.dataset.loading import PROJECT, Dataset
from dashboard.i18n import _
from dashboard.outputs import images, printing

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
INK, MUTED = RGBColor(0x1F, 0x29, 0x33), RGBColor(0x52, 0x60, 0x6D)
KEY_ROWS = 10  # rows of a chart's table quoted in its notes
NOTE_SOURCES = 12  # operations whose sources are quoted in a chart's notes


@dataclass(frozen=True)
class Slide:
    """One chart ready for a deck: its panel, where it came from and its picture."""

    panel: Panel
    origin: str  # e.g. "Compare" or "Mission profile: KFOR"
    link: str  # the page address that reopens the view
    png: bytes


def slides_for(panels_and_origins: Sequence[tuple[Panel, str, str]]) -> list[Slide]:
    """Draw every chart that has something to draw (kaleido, one at a time)."""
    return [
        Slide(panel, origin, link, images.image(panel.figure, "png"))
        for panel, origin, link in panels_and_origins
        if panel.figure is not None
    ]


def key_figures(table: pd.DataFrame, rows: int = KEY_ROWS) -> list[str]:
    """The first rows of a chart's table as plain lines ("Heading: value; ..."), for speaker notes."""
    lines = []
    for _index, row in table.head(rows).iterrows():
        cells = [f"{column}: {value}" for column, value in row.items() if pd.notna(value) and str(value) != ""]
        lines.append("; ".join(cells))
    if len(table) > rows:
        lines.append(
            _("... and {count} more rows: download the chart's table (CSV) for all of them.").format(
                count=len(table) - rows
            )
        )
    return lines


def source_lines(data: Dataset, ids: Sequence[str], limit: int = NOTE_SOURCES) -> list[str]:
    """The first cited source of each operation a chart rests on; every source is on each profile."""
    lines = []
    for mission_id in ids[:limit]:
        record = data.records.get(mission_id)
        if record is None or not record.sources:
            continue
        first = record.sources[0]
        cited = _('{publisher}, "{title}", {url} (read {date})').format(
            publisher=first.publisher, title=first.title, url=first.url, date=i18n.shown_date(first.accessed)
        )
        lines.append(f"{data.title_of(mission_id)}: {cited}")
    if len(ids) > limit:
        lines.append(
            _("... and {count} more operations: each profile lists all of its sources.").format(count=len(ids) - limit)
        )
    return lines


def speaker_notes(data: Dataset, slide: Slide) -> str:
    panel = slide.panel
    parts = [
        panel.heading,
        _("From: {origin} ({link})").format(origin=slide.origin, link=slide.link),
        "",
        _("Key figures:"),
        *key_figures(panel.table),
        "",
        panel.source,
        _("Sources of the operations drawn:"),
        *source_lines(data, panel.ids),
    ]
    return "\n".join(parts)


def _text(slide_shapes: object, left: int, top: int, width: int, height: int, text: str, size: int,
          colour: RGBColor, bold: bool = False) -> None:  # fmt: skip
    box = slide_shapes.add_textbox(left, top, width, height)  # type: ignore[attr-defined]
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour


def cover_line(data: Dataset, built: date) -> str:
    checked = i18n.shown_date(data.last_checked) if data.last_checked else _("not stated")
    return _("{project} · built {built} · data checked {checked}").format(
        project=PROJECT, built=i18n.shown_date(built.isoformat()), checked=checked
    )


def chart_count(count: int) -> str:
    if count == 1:
        return _("1 chart; every figure is traced to its public source.")
    return _("{count} charts; every figure is traced to its public source.").format(count=count)


def rebuild_line(link: str) -> str:
    return _("Rebuild this pack: {link}").format(link=link)


def deck(data: Dataset, title: str, slides: Sequence[Slide], link: str = "", built: date | None = None) -> bytes:
    """The pack as a .pptx file (16:9)."""
    built = built or date.today()
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    blank = presentation.slide_layouts[6]
    margin = Inches(0.5)
    width = SLIDE_WIDTH - 2 * margin

    cover = presentation.slides.add_slide(blank)
    _text(cover.shapes, margin, Inches(2.2), width, Inches(1.8), title, 40, INK, bold=True)
    _text(cover.shapes, margin, Inches(4.2), width, Inches(0.6), cover_line(data, built), 18, MUTED)
    _text(cover.shapes, margin, Inches(4.8), width, Inches(0.6), chart_count(len(slides)), 16, MUTED)
    if link:
        cover.notes_slide.notes_text_frame.text = rebuild_line(link)

    picture_height = Inches(6.0)
    picture_width = Emu(int(picture_height * 16 / 9))
    for slide in slides:
        page = presentation.slides.add_slide(blank)
        _text(page.shapes, margin, Inches(0.15), width, Inches(0.6), slide.panel.heading, 24, INK, bold=True)
        left = Emu(int((SLIDE_WIDTH - picture_width) / 2))
        page.shapes.add_picture(io.BytesIO(slide.png), left, Inches(0.8), picture_width, picture_height)
        _text(page.shapes, margin, Inches(6.85), width, Inches(0.5), slide.panel.source, 10, MUTED)
        page.notes_slide.notes_text_frame.text = speaker_notes(data, slide)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def deck_pdf(data: Dataset, title: str, slides: Sequence[Slide], link: str = "", built: date | None = None) -> bytes:
    """The pack as a PDF: the same slides, one 16:9 page each, then a page of sources."""
    built = built or date.today()
    html = printing.render(
        "deck.html",
        lang=i18n.language(),
        title=title,
        cover=cover_line(data, built),
        count=chart_count(len(slides)),
        rebuild=rebuild_line(link) if link else "",
        sources_heading=_("Sources"),
        sources_note=_("The first cited source of each operation drawn; every profile lists all of its sources."),
        from_label=_("From: {origin}."),
        slides=[
            {
                "heading": s.panel.heading,
                "image": printing.data_uri(s.png, "image/png"),
                "source": s.panel.source,
                "origin": s.origin,
                "sources": source_lines(data, s.panel.ids),
            }
            for s in slides
        ],
    )
    pdf, _png = printing.print_page(html, pdf={})
    return pdf
