"""What every chart shares: the template, the palette, the frame (title, subtitle, source line) and the
helpers that build traces quickly. Never imports streamlit, never reads files.

Each builder sets an explicit template and colours: importing streamlit changes plotly's default
template, and exported images would then come out with placeholder colours.
"""

from __future__ import annotations

import copy
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar, cast

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.basedatatypes import BaseTraceType

from dashboard import i18n
from dashboard.charts.colours import TYPE_PALETTE, in_order, type_colours
from dashboard.dataset.publishers import GRADE_LABELS
from dashboard.i18n import _

TraceT = TypeVar("TraceT", bound=BaseTraceType)


def _slim_template(name: str, traces: Sequence[str], layout: Sequence[str]) -> go.layout.Template:
    """A plotly template cut down to the trace types and layout parts these charts use.

    Every figure carries its template in its JSON: plotly_white whole is 7 KB per figure and takes
    13-17 ms to assign (plotly validates it each time); cut down it is 2.7 KB and about 3 ms, and
    draws these charts the same.
    """
    whole = pio.templates[name].to_plotly_json()
    return go.layout.Template(
        data={kind: value for kind, value in whole["data"].items() if kind in traces},
        layout={key: value for key, value in whole["layout"].items() if key in layout},
    )


TEMPLATE = _slim_template(
    "plotly_white",
    traces=("bar", "box", "choropleth", "heatmap", "scatter", "scattergeo"),
    layout=(
        "annotationdefaults", "autotypenumbers", "coloraxis", "colorscale", "colorway", "font", "geo",
        "hoverlabel", "hovermode", "paper_bgcolor", "plot_bgcolor", "shapedefaults", "title", "xaxis", "yaxis",
    ),
)  # fmt: skip
TEMPLATE_SPEC = TEMPLATE.to_plotly_json()
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 14, "color": "#1f2933"}
END_LABEL = "end-label"  # an annotation naming a line at its last point (dropped where there is no room)
BAND_LABEL = "band-label"  # an annotation naming a shaded band (on a phone, named in the key beneath instead)
PALETTE = TYPE_PALETTE  # the mission types' colours (colours.py says what every colour means)
MAP_SCALE = [[0.0, "#deebf7"], [1.0, "#08306b"]]
Context = tuple[str, str]  # what a chart says beyond its title: the filters in force and its source line


def columns(*values: Iterable[Any]) -> list[list[Any]]:
    """Per-point hover fields as lists, a row per point.

    Lists, not a NumPy object array: orjson (which plotly uses to write a figure's JSON when it is installed)
    writes lists directly but cannot write an object array, and plotly then walked the whole figure in Python
    first. The timeline's JSON took 3.2 ms on each rerun that drew it, and 0.3 ms with lists.
    """
    return [list(row) for row in zip(*values, strict=True)]


def groups(
    table: pd.DataFrame, by: str, fields: Sequence[str], order: Iterable[str] | None = None
) -> dict[str, dict[str, list[Any]]]:
    """The `fields` of the table's rows for each value of `by` (in order of first appearance, or in `order`, a
    vocabulary's, so that every chart's legend lists the values the same way), as lists.

    The builders draw a trace per group from these lists: pandas' groupby and a column selection per group
    cost several milliseconds a chart for a few dozen rows.
    """
    found = grouped(table[by].tolist(), {name: table[name].tolist() for name in fields})
    return found if order is None else cast(dict[str, dict[str, list[Any]]], in_order(found, order))


def grouped(keys: Sequence[Any], values: Mapping[str, Sequence[Any]]) -> dict[str, dict[str, list[Any]]]:
    """The rows of `values` (columns as lists, as long as `keys`) for each key, in order of first appearance."""
    rows_of: dict[str, list[int]] = {}
    for row, key in enumerate(keys):
        rows_of.setdefault(str(key), []).append(row)
    return {
        key: {name: [column[row] for row in rows] for name, column in values.items()} for key, rows in rows_of.items()
    }


def unchecked(kind: type[TraceT], **properties: Any) -> TraceT:
    """A trace for framed_figure, built without plotly's check of every property (framed_figure does not check
    its layout either): making the timeline's traces took 4.2 ms with the check and 0.5 ms without, the
    duration-and-peak scatter's 1.6 and 0.3. The fingerprint test validates every figure every view draws.
    """
    return cast(TraceT, kind(**properties, _validate=False))


class Unchanging(dict[str, Any]):
    """A dict that copies of a figure share instead of copying: for large data no code changes (the sea outlines).

    plotly deep-copies every trace each time a figure is built from another (frame, context, Streamlit's own
    to_dict): on the map that copied every sea outline's coordinates three times per new filter, about a
    third of the page's time.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> Unchanging:
        return self


def category_colours(values: Sequence[str]) -> dict[str, str]:
    """A stable colour for each mission type, in vocabulary order."""
    return type_colours(values)


def _merge(target: dict[str, Any], updates: Mapping[str, Any]) -> None:
    for key, value in updates.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def relayout(fig: go.Figure, updates: Mapping[str, Any], annotation: Mapping[str, Any] | None = None) -> go.Figure:
    """The figure with its layout updated (nested values merged, as update_layout does), built anew.

    On a figure that already has traces, plotly's update_layout goes through its relayout machinery
    and validates the figure again: 3-10 ms a call here, twice per chart (frame, then context). The
    traces were validated when they were added and these updates are fixed in code, so the new figure
    takes the traces as they are and a copy of the layout, without validating again; the fingerprint
    test validates every figure every view draws. Measured on /compare: building its seven charts for a
    new filter went from about 200 ms to 110 ms with this and the slim template. Taking the trace
    objects instead of a dict of the whole figure (which copied every trace twice) made a call on the
    timeline's figure 6.5 ms to 2 ms.
    """
    layout = _updated(fig.layout.to_plotly_json(), updates)  # to_plotly_json is a deep copy
    if annotation is not None:
        layout.setdefault("annotations", []).append(dict(annotation))
    return go.Figure(data=fig.data, layout=layout, _validate=False)


def _updated(layout: dict[str, Any], updates: Mapping[str, Any]) -> dict[str, Any]:
    """`layout` (a dict of its own) with `updates` merged in, as update_layout would."""
    _merge(layout, {key: value for key, value in updates.items() if key != "template"})
    if "template" in updates:
        layout["template"] = copy.deepcopy(updates["template"])  # never shared between figures
    return layout


def _frame_updates(title: str, height: int) -> dict[str, Any]:
    updates: dict[str, Any] = {
        "template": TEMPLATE_SPEC,
        "font": FONT,
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "height": height,
        "margin": {"l": 10, "r": 40, "t": 60, "b": 10},
    }
    if i18n.language() == "fr":  # decimal comma and spaced thousands in hovers and ticks
        updates["separators"] = ",\u202f"
    return updates


def frame_existing(fig: go.Figure, title: str, height: int) -> go.Figure:
    return relayout(fig, _frame_updates(title, height))


def framed_figure(
    traces: Sequence[BaseTraceType], layout: dict[str, Any], title: str, height: int, context: Context | None = None
) -> go.Figure:
    """A chart built in one go from its traces and its layout (written in code), with the frame.

    Each add_trace or update_* on a figure validates and copies the whole figure again; on the timeline
    and the map that was most of the time a new filter took. The traces are made with `unchecked` and the
    layout is not validated here either (as in relayout): the fingerprint test validates every figure
    every view draws. With `context`, the figure carries what with_context would add.
    """
    layout = _updated(layout, _frame_updates(title, height))
    if context is not None:  # what with_context adds, without building the figure a second time
        margin = layout.get("margin", {})
        updates, footer_note = _context_updates(margin.get("t"), margin.get("b"), layout.get("height"), *context)
        legend = layout.get("legend", {})
        if legend.get("orientation") == "h" and legend.get("yref") == "container":  # a legend over the plot stays
            updates.pop("legend")
            updates["margin"]["t"] += LEGEND_ON_TOP
            updates["height"] += LEGEND_ON_TOP
        layout = _updated(layout, updates)
        layout.setdefault("annotations", []).append(footer_note)
    return go.Figure(data=list(traces), layout=layout, _validate=False)


def wrap(text: str, width: int = 24) -> str:
    """Break a long label into lines for a legend or an axis (plotly does not wrap text itself)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


LONG_LABEL = 32  # the longest English mission type label: longer ones (some French labels) break into lines


def axis_label(text: str) -> str:
    """A category label for an axis, broken into lines when it is long enough to squeeze the plot."""
    return text if len(text) <= LONG_LABEL else wrap(text, 28)


def iso_days(values: pd.Series) -> list[str]:
    """Timestamps as plotly date strings (YYYY-MM-DD), in one NumPy call instead of pandas' strftime."""
    return cast(list[str], np.datetime_as_string(values.to_numpy(dtype="datetime64[s]"), unit="D").tolist())


TITLE_ROOM = 84  # px at the top of a chart with context: its title and subtitle
LEGEND_ON_TOP = 72  # px above the plot for a legend across it (two or three rows of entries)
def legend_under_title(fig: go.Figure, factor: float = 1.0) -> None:
    """Put a legend laid across the top (yref 'container', yanchor 'top') just under the title and subtitle, for
    the figure's height as it is now and type grown by `factor` (the title grows with it)."""
    legend = fig.layout.legend
    if legend.yref == "container" and legend.yanchor == "top":
        legend.y = 1 - (TITLE_ROOM * factor + 6) / (fig.layout.height or 1)


FOOTER_WIDTH = 120  # characters per line of a source line: about the width of a chart on a laptop screen


def log_ticks(values: Sequence[float]) -> list[float]:
    """1-2-5 tick values spanning the data, for a log axis that reads '500, 1,000, 2,000' not '5 6 7 8 9'."""
    positive = [v for v in values if v > 0]
    if not positive:
        return []
    ticks, magnitude = [], 10 ** math.floor(math.log10(min(positive)))
    while magnitude <= max(positive) * 10:
        ticks += [magnitude * step for step in (1, 2, 5)]
        magnitude *= 10
    low, high = min(positive), max(positive)
    inside = [t for t in ticks if low / 2 <= t <= high * 2]
    return inside


def value_axis(values: Sequence[float], log: bool) -> dict[str, Any]:
    """Axis settings for personnel: thousands separated, 1-2-5 ticks when logarithmic."""
    if log:
        return {"type": "log", "tickvals": log_ticks(values), "tickformat": ","}
    return {"type": "linear", "tickformat": ",", "rangemode": "tozero"}


FOOTER = "source-line"  # the name of the source-line annotation, so a print layout that lists sources can drop it


def with_context(fig: go.Figure, subtitle: str, footer: str) -> go.Figure:
    """Add the filters in force under the title and the source line with the record count beneath the plot.

    Both live in the figure itself, so an image saved from the chart carries them too. The builders take
    them as `context` instead, which frames the figure once (framed_figure) instead of building it twice.
    """
    updates, footer_note = _context_updates(
        fig.layout.margin.t, fig.layout.margin.b, fig.layout.height, subtitle, footer
    )
    return relayout(fig, updates, footer_note)


def _context_updates(
    top: float | None, bottom: float | None, height: float | None, subtitle: str, footer: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The layout updates and the source-line annotation that put a chart's context inside it."""
    lines = [line for part in footer.split("<br>") for line in textwrap.wrap(part, FOOTER_WIDTH)]
    updates = {
        "title": {
            "subtitle": {"text": subtitle, "font": {"size": 13, "color": "#52606d"}},
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 14},
        },
        "margin": {"t": max(top or 0, TITLE_ROOM), "b": max(bottom or 0, 64 + 16 * len(lines))},
        "height": (height or 400) + 78 + 16 * len(lines),
        # a legend beneath the plot would run into the source line; beside it, it never does
        "legend": {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"},
    }
    footer_note = {
        "name": FOOTER,
        "text": "<br>".join(lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "yshift": -62,
        "align": "left",
        "showarrow": False,
        "font": {"size": 12, "color": "#52606d"},
    }
    return updates, footer_note


def cited(publishers: list[Any], grades: list[Any]) -> list[str]:
    """'NATO · official': who published each value and the grade of that source, for a hover."""
    labels = {grade: _(label).lower() for grade, label in GRADE_LABELS.items()}
    return [f"{publisher} · {labels.get(grade, grade)}" for publisher, grade in zip(publishers, grades, strict=True)]


def plain_text(text: str | None) -> str:
    """A chart text without plotly's markup: line breaks become spaces, tags go."""
    return re.sub(r"<[^>]+>", "", (text or "").replace("<br>", " ")).strip()


def bare(fig: go.Figure, top: int = 16, bottom: int = 24) -> tuple[go.Figure, str, str, str]:
    """A copy of the figure without its title, subtitle and source line, and those three as plain text: for a
    surface that writes them itself (a phone's page, where they wrap; a slide, which has a title placeholder
    and a footnote). The room they took is given back to the plot."""
    copied = go.Figure(copy.deepcopy(fig.to_dict()))
    layout = copied.layout
    title, subtitle = plain_text(layout.title.text), plain_text(layout.title.subtitle.text)
    footer = next((plain_text(n.text) for n in layout.annotations if n.name == FOOTER), "")
    layout.annotations = [note for note in layout.annotations if note.name != FOOTER]
    layout.title = {"text": ""}
    removed = (layout.margin.t or 0) - top + (layout.margin.b or 0) - bottom
    layout.margin.t, layout.margin.b = top, bottom
    layout.height = max(260, (layout.height or 450) - removed)
    return copied, title, subtitle, footer


def miniature(fig: go.Figure, width: int = 240, height: int = 135) -> go.Figure:
    """A small, still copy of the figure for a list of charts (the briefing pack): its marks only, no title,
    subtitle, source line, legend, labels or axis titles, at `width` x `height` (16:9)."""
    small = bare(fig, top=4, bottom=4)[0]
    layout = small.layout
    layout.update(width=width, height=height, showlegend=False, margin={"l": 4, "r": 4, "t": 4, "b": 4},
                  font={"size": 7}, hovermode=False)  # fmt: skip
    layout.annotations = []
    for name in ("xaxis", "yaxis", "xaxis2"):
        axis = getattr(layout, name, None)
        if axis is not None:
            axis.update(showticklabels=False, title={"text": ""})
    for trace in small.data:
        if trace.type == "choropleth":
            trace.showscale = False
        if hasattr(trace, "text") and trace.type in ("scatter", "scattergeo", "bar"):
            trace.text = None
    return small


KEY_SQUARE, KEY_GLYPHS = "\u25a0", {"diamond": "\u25c6", "circle": "\u25cf", "triangle-right": "\u25b6"}
KEY_HOLLOW = {"diamond": "\u25c7", "circle": "\u25cb", "square": "\u25a1"}  # a white marker: its outline
KEY_DOTTED, KEY_LINE = "\u2504", "\u2501"  # a dotted or dashed line, a solid one


class KeyEntry(NamedTuple):
    name: str
    colour: str
    glyph: str  # the mark the chart draws: a square for bars and areas, a diamond for events, a dotted line...


def _key_mark(trace: BaseTraceType) -> tuple[str, str] | None:
    """The colour and glyph that stand for a trace in a key, or None when it has no single colour."""
    marker, line = getattr(trace, "marker", None), getattr(trace, "line", None)
    mode = getattr(trace, "mode", None) or ""
    if trace.type == "scatter" and "markers" not in mode and line is not None and isinstance(line.color, str):
        return line.color, KEY_DOTTED if line.dash not in (None, "solid") else KEY_LINE
    colour = getattr(marker, "color", None) or getattr(line, "color", None)
    if not isinstance(colour, str):
        return None
    symbol = str(getattr(marker, "symbol", None) or "square") if "markers" in mode else "square"
    outline = getattr(getattr(marker, "line", None), "color", None)
    if colour.lower() in ("#ffffff", "#fff", "white") and isinstance(outline, str):  # drawn by its outline
        return outline, KEY_HOLLOW.get(symbol, KEY_HOLLOW["square"])
    return colour, KEY_GLYPHS.get(symbol, KEY_SQUARE)


def legend_key(fig: go.Figure) -> list[KeyEntry]:
    """The legend's entries with their colours and marks, in the figure's order, once each, then the names of
    shaded bands: a key to show beneath a chart whose legend and band names are hidden (phone.for_phone)."""
    entries: dict[str, KeyEntry] = {}
    for trace in fig.data:
        if trace.showlegend is False or not trace.name or trace.name in entries:
            continue
        mark = _key_mark(trace)
        if mark is not None:
            entries[trace.name] = KeyEntry(trace.name, *mark)
    for note in fig.layout.annotations:  # shaded bands (the timeline's campaigns), by their names
        if note.name == BAND_LABEL and note.text and note.text not in entries:
            entries[note.text] = KeyEntry(note.text, note.bordercolor, KEY_SQUARE)  # the band's colour
    return list(entries.values())


SLIDE_ROWS = 24  # a chart's rows on one 1920x1080 slide, for labels of at least 18 px (images.readable_on_slide)


def row_chunks(fig: go.Figure, most: int = SLIDE_ROWS) -> list[list[tuple[float, str]]]:
    """The labelled rows (tick value, text) of a chart of many rows (the timeline) in groups of at most `most`,
    split where a theatre's heading (a bold tick label) begins when it can be; one group when they fit."""
    axis = fig.layout.yaxis
    values, texts = axis.tickvals or (), axis.ticktext or ()
    if len(values) != len(texts):  # ticks without their own labels (a logarithmic axis): no rows to split
        return [[]]
    ticks = sorted(zip(values, texts, strict=True))
    if len(ticks) <= most:
        return [ticks]
    groups: list[list[tuple[float, str]]] = []
    for tick in ticks:
        if not groups or str(tick[1]).startswith("<b>"):
            groups.append([])
        groups[-1].append(tick)
    parts: list[list[tuple[float, str]]] = [[]]
    for group in groups:
        if parts[-1] and len(parts[-1]) + len(group) > most:
            parts.append([])
        parts[-1].extend(group)
    return [part[start:start + most] for part in parts for start in range(0, len(part), most)]


def row_parts(fig: go.Figure, most: int = SLIDE_ROWS) -> list[go.Figure]:
    """The chart as one figure per group of row_chunks, each showing only its rows and saying which part it is
    in its title: on a slide, every part has labels large enough to read. A chart of fewer rows comes back whole."""
    chunks = row_chunks(fig, most)
    if len(chunks) <= 1:
        return [fig]
    reversed_axis = fig.layout.yaxis.autorange == "reversed"
    shown = []
    for number, chunk in enumerate(chunks, start=1):
        part = go.Figure(copy.deepcopy(fig.to_dict()))
        if part.layout.title.text:
            marker = _("(part {number} of {count})").format(number=number, count=len(chunks))
            part.layout.title.text = f"{part.layout.title.text} {marker}"
        low, high = chunk[0][0] - 0.6, chunk[-1][0] + 0.6
        part.layout.yaxis.update(tickvals=[t[0] for t in chunk], ticktext=[t[1] for t in chunk], autorange=False,
                                 range=[high, low] if reversed_axis else [low, high])  # fmt: skip
        part.layout.height = min(int(fig.layout.height or 1080), 1080)
        shown.append(part)
    return shown
