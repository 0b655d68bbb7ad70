"""A chart's phone layout (about 390 px wide): what a laptop's figure becomes when a phone draws it."""

from __future__ import annotations

import math
import textwrap
from typing import Any

import plotly.graph_objects as go

from dashboard.charts import labels
from dashboard.charts.frame import BAND_LABEL, END_LABEL, bare, plain_text

PHONE_AXIS_TITLE = 18  # characters a line of an axis title on a phone: beneath a narrow plot, it is centred
PHONE_LOG_TICKS = 6  # at most, on a phone's logarithmic axis (more stood on their sides, or overlapped)
MAP_BAR_GAP = 0.06  # of the width, between a map's colour scales side by side beneath it on a phone
PHONE_HEADER_CHAR = 6.5  # px a character of a column header takes when turned on its side


def for_phone(fig: go.Figure) -> tuple[go.Figure, str, str, str]:
    """A copy of the figure laid out for a phone (about 390 px wide), and the title, subtitle and source line it
    no longer draws (bare): plotly does not wrap text, so on a phone they ran off the screen; the page writes
    them as text around the chart instead, where they wrap. The legend beside the plot goes too (it took the
    plot's width, then lay over it; the page shows legend_key beneath the chart). Axis labels get the margin
    they need, a date axis fewer ticks, a logarithmic one its powers of ten, and a category axis on top is turned
    on its side. A chart of named rows writes the names above the rows (names_above_rows); a map puts its colour
    scales beneath it."""
    small, title, subtitle, footer = bare(fig)
    layout = small.layout
    layout.showlegend = False
    layout.margin.l, layout.margin.r = 4, 8
    # no room beside lines, nor for a band's name in a plot a fifth of the screen wide (it lay over the row names)
    layout.annotations = [note for note in layout.annotations if note.name not in (END_LABEL, BAND_LABEL)]
    for axis in (layout.xaxis, layout.yaxis):
        axis.automargin = True
        if axis.title.text:
            axis.title.text = "<br>".join(textwrap.wrap(plain_text(axis.title.text), PHONE_AXIS_TITLE))
    if layout.xaxis.type == "date":
        layout.xaxis.nticks = 5
        if layout.xaxis.dtick:  # a tick every ten years, not five: the plot is a third of a laptop's
            layout.xaxis.dtick = "M120"
    for axis in (layout.xaxis, layout.yaxis):  # a logarithmic axis: its powers of ten, not its 1-2-5 ticks
        ticks = list(axis.tickvals or ())
        if axis.type == "log" and len(ticks) > PHONE_LOG_TICKS:
            tens = [t for t in ticks if t > 0 and math.log10(t) == round(math.log10(t))]
            axis.tickvals = tens if len(tens) >= 2 else ticks[::2]
    named_rows = has_named_rows(small)
    top_axis = getattr(layout, "xaxis2", None)
    if top_axis is not None and top_axis.overlaying:
        if named_rows:  # a timeline of names above bars is several screens long: its years on top too, as beneath
            top_axis.update(nticks=layout.xaxis.nticks, dtick=layout.xaxis.dtick)
        else:  # the years once, at the bottom
            top_axis.visible = False
    if layout.xaxis.side == "top":  # a grid's column headers, turned on their side on one line each
        layout.xaxis.tickangle = -90
        for trace in small.data:
            if trace.type == "heatmap" and trace.x is not None:
                longest = max(len(plain_text(str(x))) for x in trace.x)
                trace.x = [str(x).replace("-<br>", "-").replace("<br>", " ") for x in trace.x]
                layout.height = (layout.height or 450) + round(PHONE_HEADER_CHAR * longest) - (layout.margin.t or 0)
    if named_rows:
        names_above_rows(small)
    labels.replaced_for(small, labels.PHONE_PLOT_PX)  # a third of the width: the names placed again, or fewer
    if any(trace.type in ("choropleth", "scattergeo") for trace in small.data):  # a map: the whole width for it
        bar = {"orientation": "h", "xanchor": "left", "y": 0, "yanchor": "top", "thickness": 12, "title_side": "top"}
        layout.coloraxis.colorbar.update(bar | {"x": 0, "len": 1})
        scaled = [t for t in small.data if t.type == "choropleth" and t.showscale is not False]
        width = (1 - MAP_BAR_GAP * (len(scaled) - 1)) / max(1, len(scaled))  # side by side beneath the map
        lines = max((str(t.colorbar.title.text or "").count("<br>") for t in scaled), default=0)
        for number, trace in enumerate(scaled):  # (on one spot, the sea areas' scale hid the countries')
            title = str(trace.colorbar.title.text or "")  # as many lines each, so that the scales line up
            trace.colorbar.title.text = title + "<br>&nbsp;" * (lines - title.count("<br>"))
            trace.colorbar.update(bar | {"x": number * (width + MAP_BAR_GAP), "len": width})
        layout.height = 380
        layout.margin.b = 90
    return small, title, subtitle, footer


PHONE_ROW_PX = 30  # px between rows on a phone once each name sits above its bar (more for a name of two lines)
PHONE_BAR = 0.4  # a bar's thickness on a phone, in rows: the name above it fits in the gap to the row before
PHONE_NAME_CHARS = 52  # characters a line of a row's name above its bar, across a phone's plot
PHONE_WIDE_TITLE = 36  # characters a line of the value axis's title beneath that plot (its type is larger)
ROW_NAME = "row-name"  # an annotation naming a row above its bar (a phone's timeline and bar charts)
PHONE_WIDE_PLOT_PX = 345  # px across a phone's plot once the row names are above their bars


def has_named_rows(fig: go.Figure) -> bool:
    """A chart of named rows along a value axis: horizontal bars or boxes, or dots on rows of categories (peak
    strength by type); not a grid of categories both ways (the judgements), whose columns are named too."""
    if any(trace.type in ("bar", "box") and trace.orientation == "h" for trace in fig.data):
        return True
    layout = fig.layout
    return (layout.yaxis.categoryarray is not None and layout.xaxis.ticktext is None
            and layout.xaxis.type != "category" and all(trace.type == "scatter" for trace in fig.data))  # fmt: skip


def _rows(fig: go.Figure) -> tuple[list[Any], list[str]]:
    """The positions and names of a chart's rows (has_named_rows): its labelled ticks (the timeline), or its
    categories in their order (bottom first, as plotly places them)."""
    axis = fig.layout.yaxis
    if axis.tickvals is not None or axis.ticktext is not None:
        values, texts = list(axis.tickvals or ()), [str(t) for t in axis.ticktext or ()]
        return (values, texts) if len(values) == len(texts) else ([], [])
    if axis.categoryarray is not None:
        names = [str(name) for name in axis.categoryarray]
    else:
        names = list(dict.fromkeys(str(y) for t in fig.data if t.orientation == "h" for y in (t.y or ())))
    return list(range(len(names))), names


def names_above_rows(fig: go.Figure) -> None:
    """On a phone, a chart of named rows (has_named_rows: the timeline, the comparisons by type) writes each
    row's name above its bar or dots, from the plot's left edge, instead of beside the plot: there the names
    took half the screen or more (four fifths on the timeline, leaving the years about 75 px)."""
    layout = fig.layout
    values, texts = _rows(fig)
    if not values:
        return
    # across the plot now: wrapped again for its width (the laptop's names beside the plot break at 24 characters)
    texts = ["<br>".join(textwrap.wrap(text.replace("<br>", " "), PHONE_NAME_CHARS)) for text in texts]
    lines = max(text.count("<br>") + 1 for text in texts)
    size = (layout.font.size or 12) if layout.font else 12
    # px a row: its name's lines in the gap between two bars, then its own bar
    pitch = max(PHONE_ROW_PX, math.ceil((lines * size * 1.2 + 1) / (1 - PHONE_BAR)))
    for trace in fig.data:
        if trace.type in ("bar", "box") and trace.orientation == "h":
            trace.width = PHONE_BAR
    make_room_for_bar_texts(fig, size)
    first, last = min(values), max(values)
    if layout.yaxis.autorange == "reversed":  # the first row on top, room above it for its name
        layout.yaxis.update(autorange=False, range=[last + 0.5, first - 1.2])
    else:  # plotly draws the last category on top
        layout.yaxis.update(autorange=False, range=[first - 0.5, last + 1.2])
    layout.yaxis.update(showticklabels=False, title={"text": ""})
    layout.annotations = [*layout.annotations, *(
        {"name": ROW_NAME, "text": text, "x": 0, "xref": "paper", "xanchor": "left", "y": value, "yref": "y",
         "showarrow": False, "font": {"size": size}, "align": "left", "yanchor": "bottom", "borderpad": 0,
         "bgcolor": "rgba(255, 255, 255, 0.8)",  # a handover's dotted line runs behind the name, not through it
         "yshift": round(PHONE_BAR * pitch / 2) + 1}  # just above the bar (a theatre's row has none)
        for value, text in zip(values, texts, strict=True)
    )]  # fmt: skip
    layout.margin.l = 4
    title = plain_text(layout.xaxis.title.text or "")  # across the whole plot now, so on fewer lines
    title_lines = textwrap.wrap(title, PHONE_WIDE_TITLE)
    layout.xaxis.title.text = "<br>".join(title_lines)
    axis_px = 24 + 20 * len(title_lines)  # the years or values, and their title
    low, high = sorted(layout.yaxis.range)
    layout.height = (layout.margin.t or 0) + (layout.margin.b or 0) + axis_px + round((high - low) * pitch)


def make_room_for_bar_texts(fig: go.Figure, size: float) -> None:
    """Widen the value axis of bars whose texts stand beyond their ends ("at least 30 (to 2025)"), so that the
    longest still ends inside a phone's plot: the laptop's range leaves room for them in a plot three times wider."""
    bars = [t for t in fig.data if t.type == "bar" and t.orientation == "h" and t.textposition == "outside"]
    longest = max((len(plain_text(str(text))) for t in bars for text in (t.text or ())), default=0)
    ends = [float(x) for t in bars if t.base is None for x in (t.x or ())]  # bars from zero
    axis = fig.layout.xaxis
    if not longest or not ends or axis.range is None:
        return
    char_px = labels.CHAR_PX * size / 12  # CHAR_PX is a 12 px character's width
    share = min(0.6, (longest * char_px + 8) / PHONE_WIDE_PLOT_PX)  # of the plot's width, for the text
    log = axis.type == "log"  # its range is in powers of ten
    low, high = axis.range
    end = math.log10(max(ends)) if log else max(ends)
    axis.range = [low, max(high, (end - share * low) / (1 - share))]  # the longest end, then `share` to the right
