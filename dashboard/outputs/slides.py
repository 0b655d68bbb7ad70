"""A briefing pack as a 16:9 PowerPoint deck and as a PDF: a title slide, then one chart per slide.

Streamlit-free. Each chart slide has the chart's question in PowerPoint's title placeholder (so the outline and
the accessibility checker see it), the chart's own title and the filters in force once beneath it, the chart as
a 16:9 picture drawn without the texts the slide carries, the source line once as a footnote, and speaker notes
in plain sentences: the key figures with their sources and the sources of the operations it rests on (no ids,
no markup, no server address).
"""

from __future__ import annotations

import io
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard import i18n
from dashboard.charts import frame
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
    """One chart ready for a deck: its panel, where it came from, its picture and the texts the slide writes."""

    panel: Panel
    origin: str  # e.g. "Compare" or "Mission profile: KFOR"
    link: str  # the page address that reopens the view (a path: the deck never names a server)
    png: bytes
    caption: str = ""  # the chart's own title and the filters in force, once
    source: str = ""  # the chart's source line, once


def slides_for(panels_and_origins: Sequence[tuple[Panel, str, str]]) -> list[Slide]:
    """Draw every chart that has something to draw (kaleido, one at a time), without the title, subtitle and
    source line that the slide writes itself."""
    slides = []
    for panel, origin, link in panels_and_origins:
        if panel.figure is None:
            continue
        parts = frame.row_parts(panel.figure)  # a long timeline over several slides, its labels readable on each
        for part in parts:
            figure, title, subtitle, footer = frame.bare(part, top=20, bottom=40)
            caption = " · ".join(text for text in (title, subtitle) if text)
            slides.append(Slide(panel, origin, path_of(link), images.image(figure, "png"), caption, footer))
    return slides


def path_of(link: str) -> str:
    """A link without its scheme and server: 'http://127.0.0.1:8501/brief?pack=..' -> '/brief?pack=..'. A deck
    is read on other machines, where the server that built it means nothing."""
    parts = urlsplit(link)
    path = parts.path if parts.netloc or parts.path.startswith("/") else f"/{parts.path}" if parts.path else ""
    return path + (f"?{parts.query}" if parts.query else "")


HIDDEN_COLUMNS = ("Id", "id", "mission_id", "missions", "details", "hover")  # ids and hover markup, not figures


def _figure(value: object) -> str:
    """A table cell in words: numbers to at most one decimal with the language's separators, text without markup."""
    if isinstance(value, numbers.Real):  # NumPy's numbers too (a bool is text here: no table holds one)
        rounded = round(float(value), 1)
        return i18n.format_number(int(rounded) if rounded.is_integer() else rounded)
    return frame.plain_text(str(value))


def key_figures(table: pd.DataFrame, rows: int = KEY_ROWS) -> list[str]:
    """The first rows of a chart's table as plain sentences ("Operation: ISAF; Peak personnel: 130,000."), for
    speaker notes: no ids, no internal columns, no markup."""
    shown = [c for c in table.columns if c not in HIDDEN_COLUMNS and not (str(c).islower() and "_" in str(c))]
    lines = []
    for _index, row in table[shown].head(rows).iterrows():
        cells = [f"{column}: {_figure(value)}" for column, value in row.items() if pd.notna(value) and str(value) != ""]
        if cells:
            lines.append("; ".join(cells) + ".")
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
        _("From: {origin} ({link})").format(origin=slide.origin, link=path_of(slide.link)),
        "",
        _("Key figures:"),
        *key_figures(panel.table),
        "",
        slide.source or frame.plain_text(panel.source),
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


def _placed(shape: object, left: int, top: int, width: int, height: int, size: int, colour: RGBColor = INK,
            bold: bool = True) -> None:  # fmt: skip
    """Put a placeholder where this deck wants it, its text left-aligned in the deck's type."""
    shape.left, shape.top, shape.width, shape.height = left, top, width, height  # type: ignore[attr-defined]
    for paragraph in shape.text_frame.paragraphs:  # type: ignore[attr-defined]
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
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
    return _("Rebuild this pack: {link}").format(link=path_of(link))


def deck(data: Dataset, title: str, slides: Sequence[Slide], link: str = "", built: date | None = None) -> bytes:
    """The pack as a .pptx file (16:9)."""
    built = built or date.today()
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    title_only = presentation.slide_layouts[5]
    margin = Inches(0.5)
    width = SLIDE_WIDTH - 2 * margin

    cover = presentation.slides.add_slide(presentation.slide_layouts[0])
    cover.shapes.title.text = title
    _placed(cover.shapes.title, margin, Inches(2.0), width, Inches(1.8), 40)
    subtitle = cover.placeholders[1]
    subtitle.text = f"{cover_line(data, built)}\n{chart_count(len(slides))}"
    _placed(subtitle, margin, Inches(4.0), width, Inches(1.2), 18, MUTED, bold=False)
    if link:
        cover.notes_slide.notes_text_frame.text = rebuild_line(link)

    picture_height = Inches(5.6)
    picture_width = Emu(int(picture_height * 16 / 9))
    for slide in slides:
        page = presentation.slides.add_slide(title_only)
        page.shapes.title.text = slide.panel.heading
        _placed(page.shapes.title, margin, Inches(0.15), width, Inches(0.6), 24)
        _text(page.shapes, margin, Inches(0.75), width, Inches(0.45), slide.caption, 13, MUTED)
        left = Emu(int((SLIDE_WIDTH - picture_width) / 2))
        page.shapes.add_picture(io.BytesIO(slide.png), left, Inches(1.2), picture_width, picture_height)
        _text(page.shapes, margin, Inches(6.85), width, Inches(0.5), slide.source, 10, MUTED)
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
                "caption": s.caption,
                "image": printing.data_uri(s.png, "image/png"),
                "source": s.source,
                "origin": s.origin,
                "sources": source_lines(data, s.panel.ids),
            }
            for s in slides
        ],
    )
    pdf, _png = printing.print_page(html, pdf={})
    return pdf
