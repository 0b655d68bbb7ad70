"""Pure chart builders: tables in, plotly figures out. Never imports streamlit, never reads files.

Each builder sets an explicit template and colours: importing streamlit changes plotly's default
template, and exported images would then come out with placeholder colours.
"""

from __future__ import annotations

import copy
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.basedatatypes import BaseTraceType

from dashboard import i18n
from dashboard.i18n import N_, _, format_number, shown_date

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
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
MAP_SCALE = [[0.0, "#deebf7"], [1.0, "#08306b"]]
Context = tuple[str, str]  # what a chart says beyond its title: the filters in force and its source line


def columns(*values: Iterable[Any]) -> list[list[Any]]:
    """Per-point hover fields as lists, a row per point.

    Lists, not a NumPy object array: orjson (which plotly uses to write a figure's JSON when it is installed)
    writes lists directly but cannot write an object array, and plotly then walked the whole figure in Python
    first. The timeline's JSON took 3.2 ms on each rerun that drew it, and 0.3 ms with lists.
    """
    return [list(row) for row in zip(*values, strict=True)]


def _groups(table: pd.DataFrame, by: str, fields: Sequence[str]) -> dict[str, dict[str, list[Any]]]:
    """The `fields` of the table's rows for each value of `by` (in order of first appearance), as lists.

    The builders draw a trace per group from these lists: pandas' groupby and a column selection per group
    cost several milliseconds a chart for a few dozen rows.
    """
    return _grouped(table[by].tolist(), {name: table[name].tolist() for name in fields})


def _grouped(keys: Sequence[Any], values: Mapping[str, Sequence[Any]]) -> dict[str, dict[str, list[Any]]]:
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
    """A stable colour for each value of a vocabulary, in vocabulary order."""
    return {value: PALETTE[index % len(PALETTE)] for index, value in enumerate(values)}


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


def _frame(fig: go.Figure, title: str, height: int) -> go.Figure:
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
        layout = _updated(layout, updates)
        layout.setdefault("annotations", []).append(footer_note)
    return go.Figure(data=list(traces), layout=layout, _validate=False)


LINK_COLOUR = "#6b7280"


def wrap(text: str, width: int = 24) -> str:
    """Break a long label into lines for a legend or an axis (plotly does not wrap text itself)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


LONG_LABEL = 32  # the longest English mission type label: longer ones (some French labels) break into lines


def axis_label(text: str) -> str:
    """A category label for an axis, broken into lines when it is long enough to squeeze the plot."""
    return text if len(text) <= LONG_LABEL else wrap(text, 28)


def timeline_rows(missions: pd.DataFrame) -> tuple[dict[str, float], list[tuple[float, str]]]:
    """Row of each operation on the timeline, grouped by region (theatres in order of their first start).

    Returns the row of every mission id and the (row, region) of each group's heading. At most a few
    hundred operations reach here, so plain Python is faster than pandas' sort and groupby.
    """
    entries = list(zip(missions["region"].astype(str), missions["start_day"], missions.index.astype(str), strict=True))
    first_start: dict[str, Any] = {}
    for region, start, _id in entries:
        first_start[region] = min(first_start.get(region, start), start)
    entries.sort(key=lambda entry: (first_start[entry[0]], entry[0], entry[1], entry[2]))
    rows: dict[str, float] = {}
    headings: list[tuple[float, str]] = []
    row = 0.0
    for region, _start, mission_id in entries:
        if not headings or headings[-1][1] != region:
            if headings:
                row += 0.4
            headings.append((row, region))
            row += 1
        rows[mission_id] = row
        row += 1
    return rows, headings


def _days(values: pd.Series) -> list[str]:
    """Timestamps as plotly date strings (YYYY-MM-DD), in one NumPy call instead of pandas' strftime."""
    return cast(list[str], np.datetime_as_string(values.to_numpy(dtype="datetime64[s]"), unit="D").tolist())


def mission_timeline(
    missions: pd.DataFrame,
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    region_labels: Mapping[str, str] | None = None,
    events: pd.DataFrame | None = None,
    successors: Mapping[str, Sequence[str]] | None = None,
    title: str = "",
    context: Context | None = None,
) -> go.Figure:
    """One bar per operation from start to end (ongoing ones to today), coloured by mission type and
    grouped by theatre (region); succession drawn from each bar's end to its successor's start, and
    events as markers on their bars. Every bar and marker carries the mission id first in customdata.

    The columns are read once as Python lists: at most TIMELINE_MAX_BARS operations and their events
    reach here, and pandas' groupby, strftime and per-type selections took most of a new filter's time.
    """
    title = title or _("When each operation ran")
    region_labels = region_labels or {}
    rows, headings = timeline_rows(missions)
    ids = [str(i) for i in missions.index]
    start_days, end_days = _days(missions["start_day"]), _days(missions["bar_end"])
    lengths = missions["bar_end"].to_numpy(dtype="datetime64[ms]") - missions["start_day"].to_numpy(
        dtype="datetime64[ms]"
    )
    by_type = _grouped(
        missions["mission_type"].tolist(),
        {"id": ids, "status": missions["status"].tolist(), "start": missions["start"].tolist(),
         "end": missions["end"].tolist(), "start_day": start_days, "length": lengths.astype("int64").tolist(),
         "name": missions["name"].tolist(), "organisation": missions["organisation"].tolist()},
    )  # fmt: skip
    traces: list[BaseTraceType] = []
    for mission_type in colours:
        chosen = by_type.get(mission_type)
        if chosen is None:
            continue
        traces.append(
            unchecked(
                go.Bar,
                name=labels.get(mission_type, mission_type),
                orientation="h",
                y=[rows[mission_id] for mission_id in chosen["id"]],
                base=chosen["start_day"],
                x=chosen["length"],
                width=0.7,
                marker={"color": colours[mission_type]},
                customdata=columns(
                    chosen["id"],
                    chosen["name"],
                    [shown_date(str(start)) for start in chosen["start"]],
                    [
                        _("ongoing") if status == "ongoing" else shown_date(str(end))
                        for status, end in zip(chosen["status"], chosen["end"], strict=True)
                    ],
                    chosen["organisation"],
                ),
                hovertemplate=_(
                    "<b>%{customdata[1]}</b> (%{customdata[4]})<br>%{customdata[2]} to %{customdata[3]}"
                    "<extra>%{fullData.name}</extra>"
                ),
            )
        )
    link_x: list[str | None] = []
    link_y: list[float | None] = []
    arrow_x, arrow_y, arrow_text = [], [], []
    short_names = dict(zip(ids, missions["short_name"].astype(str).tolist(), strict=True))
    ends = dict(zip(ids, end_days, strict=True))
    starts = dict(zip(ids, start_days, strict=True))
    for mission_id, following in (successors or {}).items():
        for successor in following:
            if mission_id not in rows or successor not in rows:
                continue
            end, start = ends[mission_id], starts[successor]
            link_x += [end, start, None]
            link_y += [rows[mission_id], rows[successor], None]
            arrow_x.append(start)
            arrow_y.append(rows[successor])
            arrow_text.append(
                _("{before} handed over to {after}").format(
                    before=short_names[mission_id], after=short_names[successor]
                )
            )
    if link_x:
        traces.append(
            unchecked(
                go.Scatter,
                name=_("Handed over to"),
                x=link_x,
                y=link_y,
                mode="lines",
                line={"color": LINK_COLOUR, "width": 1.2, "dash": "dot"},
                hoverinfo="skip",
                legendgroup="links",
            )
        )
        traces.append(
            unchecked(
                go.Scatter,
                name=_("Handed over to"),
                x=arrow_x,
                y=arrow_y,
                mode="markers",
                marker={"symbol": "triangle-right", "size": 8, "color": LINK_COLOUR},
                text=arrow_text,
                hovertemplate="%{text}<extra></extra>",
                legendgroup="links",
                showlegend=False,
            )
        )
    shown_events = []
    if events is not None:
        every_event = zip(
            events["mission_id"].tolist(), _days(events["day"]), events["date"].tolist(), events["title"].tolist(),
            events["source"].tolist(), strict=True,
        )  # fmt: skip
        shown_events = [event for event in every_event if event[0] in rows]
    if shown_events:
        traces.append(
            unchecked(
                go.Scatter,
                name=_("Event"),
                x=[event[1] for event in shown_events],
                y=[rows[event[0]] for event in shown_events],
                mode="markers",
                marker={"symbol": "diamond", "size": 7, "color": "#ffffff", "line": {"color": "#1f2933", "width": 1}},
                customdata=columns(
                    [event[0] for event in shown_events],
                    [shown_date(str(event[2])) for event in shown_events],
                    [event[3] for event in shown_events],
                    [event[4] for event in shown_events],
                ),
                hovertemplate=_("<b>%{customdata[1]}</b>: %{customdata[2]}<br>Source: %{customdata[3]}<extra></extra>"),
            )
        )
    tick_rows = [*rows.values(), *(row for row, _ in headings)]
    tick_text = [*(short_names[i] for i in rows), *(f"<b>{region_labels.get(r, r)}</b>" for _, r in headings)]
    layout = {
        "yaxis": {"tickvals": tick_rows, "ticktext": tick_text, "autorange": "reversed", "showgrid": False,
                  "zeroline": False},
        "xaxis": {"type": "date"},
        "barmode": "overlay",
        "showlegend": True,
        "legend": {"title": {"text": _("Mission type")}, "orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        "hovermode": "closest",
    }  # fmt: skip
    return framed_figure(traces, layout, title, height=130 + 24 * (len(rows) + len(headings)), context=context)


def operations_per_year(
    table: pd.DataFrame, colours: Mapping[str, str], title: str = "", context: Context | None = None
) -> go.Figure:
    """Stacked bars: how many operations of each type were active in each calendar year.

    `table` is comparisons.active_per_year: one row per (year, mission type) with a count.
    """
    title = title or _("Operations under way each year")
    traces: list[BaseTraceType] = [
        unchecked(
            go.Bar,
            x=rows["year"],
            y=rows["operations"],
            name=str(rows["mission_type_label"][0]),
            marker={"color": colours.get(mission_type, PALETTE[-1])},
            customdata=[wrap(hover, 60) for hover in rows["hover"]],
            hovertemplate=_("%{x}: %{y} operation(s)<br>%{customdata}<extra>%{fullData.name}</extra>"),
        )
        for mission_type, rows in _groups(
            table, "mission_type", ("year", "operations", "mission_type_label", "hover")
        ).items()
    ]
    layout = {
        "barmode": "stack",
        "bargap": 0.1,
        "yaxis": {"title": {"text": _("Operations")}, "rangemode": "tozero", "tickformat": "d", "nticks": 8},
        "xaxis": {"dtick": 5},
    }
    return framed_figure(traces, layout, title, height=320, context=context)


SEA_SCALE = [[0.0, "#d8f0ec"], [1.0, "#2a9d8f"]]
HQ_COLOUR = "#b91c1c"
MEASURE_TITLES = {"operations": N_("Operations"), "years": N_("Years of presence")}  # shown with _()
VIEWS: dict[str, dict[str, Any]] = {
    "world": {"projection": {"type": "natural earth"}},
    "europe": {"scope": "europe", "resolution": 50, "lonaxis": {"range": [5, 35]}, "lataxis": {"range": [35, 50]}},
    "fit": {"resolution": 50, "fitbounds": "locations", "projection": {"type": "mercator"}},
}


def _place_data(places: pd.DataFrame, names: Mapping[str, str]) -> list[list[str]]:
    return [[p, names.get(p, p), d] for p, d in zip(places["place"], places["details"], strict=True)]


def deployment_map(
    countries: pd.DataFrame,
    seas: pd.DataFrame,
    sea_shapes: Mapping[str, Any],
    markers: pd.DataFrame,
    names: Mapping[str, str],
    measure: str = "operations",
    view: str = "world",
    title: str | None = None,
    height: int = 560,
    context: Context | None = None,
) -> go.Figure:
    """Countries and sea areas shaded by `measure` ('operations' or 'years'), with headquarters markers.

    `countries` and `seas` are presence tables (dashboard.geo.presence); `sea_shapes` is the GeoJSON of
    the sea areas; `markers` comes from dashboard.geo.hq_markers. `view` is 'world', 'europe' (the
    Balkans at 1:50m) or 'fit' (zoomed to what is drawn, for a single operation's profile).
    """
    title = title if title is not None else _("Where the operations deployed")
    hover_text = (
        _("<b>%{customdata[1]}</b><br>%{z} operation(s)<br>%{customdata[2]}<extra></extra>")
        if measure == "operations"
        else _("<b>%{customdata[1]}</b><br>%{z} year(s) of presence<br>%{customdata[2]}<extra></extra>")
    )
    sea_hover_text = (
        _("<b>%{customdata[1]}</b> (approximate outline)<br>%{z} operation(s)<br>%{customdata[2]}<extra></extra>")
        if measure == "operations"
        else _(
            "<b>%{customdata[1]}</b> (approximate outline)<br>%{z} year(s) of presence<br>%{customdata[2]}"
            "<extra></extra>"
        )
    )
    top = max([1, *countries[measure].tolist(), *seas[measure].tolist()])
    traces: list[BaseTraceType] = []
    if not countries.empty:
        traces.append(
            unchecked(
                go.Choropleth,
                name=_("Countries"),
                locations=countries["place"].tolist(),
                z=countries[measure].tolist(),
                zmin=0,
                zmax=top,
                colorscale=MAP_SCALE,
                marker={"line": {"color": "#ffffff", "width": 0.6}},
                showscale=view != "fit",
                colorbar={
                    "title": {"text": _(MEASURE_TITLES[measure])},
                    "thickness": 14,
                    "len": 0.75,
                    "tickformat": "d",
                    # whole numbers only: with a small maximum, automatic ticks fall on halves and repeat as "1, 1"
                    "dtick": max(1, math.ceil(top / 8)),
                },
                customdata=[
                    [p, names.get(p, p), d] for p, d in zip(countries["place"], countries["details"], strict=True)
                ],
                hovertemplate=hover_text,
            )
        )
    shapes = [f for f in sea_shapes.get("features", []) if f["id"] in set(seas["place"])]
    if shapes:
        traces.append(
            unchecked(
                go.Choropleth,
                name=_("Sea areas (approximate outlines)"),
                geojson=Unchanging({"type": "FeatureCollection", "features": shapes}),
                featureidkey="id",
                locations=seas["place"].tolist(),
                z=seas[measure].tolist(),
                zmin=0,
                zmax=top,
                colorscale=SEA_SCALE,
                showscale=False,
                showlegend=True,
                marker={"line": {"color": "#1f7a6f", "width": 0.8}, "opacity": 0.6},
                customdata=_place_data(seas, names),
                hovertemplate=sea_hover_text,
            )
        )
    if not markers.empty:
        traces.append(
            unchecked(
                go.Scattergeo,
                name=_("Headquarters and main bases"),
                lat=markers["lat"].tolist(),
                lon=markers["lon"].tolist(),
                mode="markers" if view == "world" else "markers+text",
                text=markers["label"].tolist(),
                textposition="top center",
                textfont={"size": 11, "color": "#7f1d1d"},
                marker={"symbol": "square", "size": 8, "color": HQ_COLOUR, "line": {"color": "#ffffff", "width": 1}},
                customdata=[[m, h] for m, h in zip(markers["missions"], markers["hover"], strict=True)],
                hovertemplate=_("%{customdata[1]}<extra>Headquarters</extra>"),
            )
        )
    geo: dict[str, Any] = {
        "showframe": False,
        "showcoastlines": False,
        "showcountries": True,
        "countrycolor": "#ffffff",
        "showland": True,
        "landcolor": "#e5e7eb",
        "showocean": True,
        "oceancolor": "#f5f9fc",
        "showlakes": False,
        "fitbounds": False,
    }
    layout = {
        "geo": geo | VIEWS[view],
        "legend": {"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
        # a marker answers hover and click only right under the pointer, so small countries under it stay reachable
        "hoverdistance": 4,
    }
    return framed_figure(traces, layout, title, height=height, context=context)


def personnel_over_time(points: pd.DataFrame, title: str, context: Context | None = None) -> go.Figure:
    """Published strength points joined by lines; nothing drawn between points is data."""
    line = unchecked(
        go.Scatter,
        x=points["day"].dt.strftime("%Y-%m-%d").tolist(),
        y=points["value"].tolist(),
        mode="lines+markers",
        line={"color": PALETTE[0], "dash": "dot"},
        marker={"size": 9, "color": PALETTE[0]},
        customdata=list(zip(points["date"].map(lambda d: shown_date(str(d))), points["source"], strict=True)),
        hovertemplate=_("%{customdata[0]}: %{y:,} personnel<br>Source: %{customdata[1]}<extra></extra>"),
    )
    layout = {
        "yaxis": {"title": {"text": _("Personnel (published figures)")}, "rangemode": "tozero", "tickformat": ","},
        "xaxis": {"type": "date"},
    }
    return framed_figure([line], layout, title, height=320, context=context)


DAYS_PER_MONTH = 30.4375
ALIGNMENTS = {"date": N_("Calendar date"), "months": N_("Months since start")}  # shown with _()


def strength_lines(
    points: pd.DataFrame,
    missions: pd.DataFrame,
    align: str = "date",
    title: str = "",
    context: Context | None = None,
) -> go.Figure:
    """One line per operation through its published strength points only (each point marked).

    `align` 'date' puts the points on the calendar; 'months' measures each from its own operation's
    start, to compare how operations grew and shrank. Operations with no published point draw nothing.
    """
    title = title or _("Published strength over time")
    traces: list[BaseTraceType] = []
    starts = missions["start_day"].to_dict()
    names = missions["short_name"].astype(str).to_dict()
    by_operation = _grouped(
        points["mission_id"].tolist(),
        {"day": points["day"].tolist(), "day_text": _days(points["day"]), "value": points["value"].tolist(),
         "date": points["date"].tolist(), "source": points["source"].tolist(), "note": points["note"].tolist()},
    )  # fmt: skip
    chosen = [(mission_id, rows) for mission_id, rows in by_operation.items() if mission_id in starts]
    for index, (mission_id, rows) in enumerate(chosen):
        start = starts[mission_id]
        if align == "months":
            x: list[Any] = [round((day - start).days / DAYS_PER_MONTH, 1) for day in rows["day"]]
        else:
            x = rows["day_text"]
        traces.append(
            unchecked(
                go.Scatter,
                name=names[mission_id],
                x=x,
                y=rows["value"],
                mode="lines+markers",
                line={"color": PALETTE[index % len(PALETTE)], "dash": "dot", "width": 1.5},
                marker={"size": 8, "color": PALETTE[index % len(PALETTE)]},
                customdata=[
                    (mission_id, shown_date(str(date)), source, note if isinstance(note, str) else "")
                    for date, source, note in zip(rows["date"], rows["source"], rows["note"], strict=True)
                ],
                hovertemplate=_(
                    "<b>%{fullData.name}</b>, %{customdata[1]}: %{y:,} personnel<br>%{customdata[3]}"
                    "<br>Source: %{customdata[2]}<extra></extra>"
                ),
            )
        )
    months = {"title": {"text": _("Months since the operation began")}, "rangemode": "tozero"}
    layout = {
        "yaxis": {"title": {"text": _("Personnel (published figures)")}, "rangemode": "tozero", "tickformat": ","},
        "xaxis": months if align == "months" else {"type": "date"},
        "legend": {"orientation": "h", "y": -0.2},
        "hovermode": "closest",
    }
    return framed_figure(traces, layout, title, height=420, context=context)


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


def _value_axis(values: Sequence[float], log: bool) -> dict[str, Any]:
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
        "margin": {"t": max(top or 0, 84), "b": max(bottom or 0, 64 + 16 * len(lines))},
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


def decade_bars(
    table: pd.DataFrame, colours: Mapping[str, str], title: str, context: Context | None = None
) -> go.Figure:
    """Stacked bars: operations of each type in each decade (table from comparisons.by_decade)."""
    traces: list[BaseTraceType] = []
    decades = sorted(table["decade"].unique())
    for mission_type, rows in _groups(
        table, "mission_type", ("decade", "operations", "mission_type_label", "names")
    ).items():
        traces.append(
            unchecked(
                go.Bar,
                x=rows["decade"],
                y=rows["operations"],
                name=str(rows["mission_type_label"][0]),
                marker={"color": colours.get(mission_type, PALETTE[0])},
                customdata=rows["names"],
                hovertemplate="<b>%{fullData.name}</b>, %{x}: %{y}<br>%{customdata}<extra></extra>",
            )
        )
    layout = {
        "barmode": "stack",
        "bargap": 0.35,
        "legend": {"orientation": "v", "x": 1.02, "y": 1},
        "xaxis": {"categoryorder": "array", "categoryarray": decades},
        "yaxis": {"title": {"text": _("Operations")}, "rangemode": "tozero", "tickformat": "d"},
    }
    return framed_figure(traces, layout, title, height=400, context=context)


def values_by_type(
    table: pd.DataFrame,
    value_column: str,
    colours: Mapping[str, str],
    axis_title: str,
    title: str,
    hover: str,
    log: bool = False,
    context: Context | None = None,
) -> go.Figure:
    """Each operation as a point with a box per mission type: a distribution, not an average.

    `hover` is a template for one point's value, e.g. '%{x:,} personnel'.
    """
    traces: list[BaseTraceType] = []
    by_type = _groups(table, "mission_type", ("mission_type_label", value_column, "short_name", "id"))
    for mission_type in colours:
        rows = by_type.get(mission_type)
        if rows is None:
            continue
        label = axis_label(str(rows["mission_type_label"][0]))
        traces.append(
            unchecked(
                go.Box,
                x=[float(value) for value in rows[value_column]],
                y=[label] * len(rows["id"]),
                name=label,
                orientation="h",
                boxpoints="all",
                jitter=0.3,
                pointpos=0,
                marker={"color": colours[mission_type], "size": 10},
                line={"color": colours[mission_type]},
                customdata=[
                    [name, mission_id] for name, mission_id in zip(rows["short_name"], rows["id"], strict=True)
                ],
                hovertemplate=f"<b>%{{customdata[0]}}</b>: {hover}<extra></extra>",
            )
        )
    layout = {
        "xaxis": {"title": {"text": axis_title}, **_value_axis(table[value_column].astype(float).tolist(), log)},
        # first type at the top, as in the other charts by type (plotly stacks categories bottom-up)
        "yaxis": {"automargin": True, "categoryorder": "array", "categoryarray": [t.name for t in traces][::-1]},
        "showlegend": False,
    }
    return framed_figure(traces, layout, title, height=max(260, 80 + 56 * len(traces)), context=context)


OUTCOME_COLOURS = {
    "ongoing": "#9aa5b1",
    "succeeded-by-mission": "#56B4E9",
    "handed-over": "#0072B2",
    "objectives-met": "#009E73",
    "mandate-ended": "#E69F00",
    "withdrawn": "#D55E00",
}


def stacked_by_type(
    table: pd.DataFrame,
    column: str,
    colours: Mapping[str, str],
    title: str,
    axis_title: str = "",
    context: Context | None = None,
) -> go.Figure:
    """Horizontal stacked bars: for each mission type, how its operations divide by `column` (e.g. outcome)."""
    traces: list[BaseTraceType] = []
    types = [axis_label(label) for label in dict.fromkeys(table["mission_type_label"])]
    for value, rows in _groups(table, column, ("operations", "mission_type_label", f"{column}_label", "names")).items():
        traces.append(
            unchecked(
                go.Bar,
                orientation="h",
                x=rows["operations"],
                y=[axis_label(label) for label in rows["mission_type_label"]],
                name=wrap(str(rows[f"{column}_label"][0])),
                marker={"color": colours.get(value, PALETTE[0])},
                customdata=rows["names"],
                hovertemplate="<b>%{y}</b>, %{fullData.name}: %{x}<br>%{customdata}<extra></extra>",
            )
        )
    layout = {
        "barmode": "stack",
        "legend": {"traceorder": "normal"},
        "yaxis": {"categoryorder": "array", "categoryarray": types[::-1], "automargin": True},
        "xaxis": {"title": {"text": axis_title or _("Operations")}, "tickformat": "d"},
    }
    return framed_figure(traces, layout, title, height=max(320, 160 + 40 * len(types)), context=context)


def count_grid(
    table: pd.DataFrame, column: str, column_labels: Mapping[str, str], title: str, context: Context | None = None
) -> go.Figure:
    """A grid of counts, mission types down and `column` values across; empty cells are zero operations."""
    types = list(dict.fromkeys(table["mission_type_label"]))
    values = [v for v in column_labels if v in set(table[column])]
    counts = table.pivot_table(index="mission_type_label", columns=column, values="operations", aggfunc="sum")
    counts = counts.reindex(index=types, columns=values)
    names = table.pivot_table(index="mission_type_label", columns=column, values="names", aggfunc="first")
    names = names.reindex(index=types, columns=values).fillna("")
    z = counts.fillna(0).astype(int).to_numpy().tolist()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[wrap(column_labels[v], 16) for v in values],
            y=[axis_label(label) for label in types],
            text=[[str(n) if n else "" for n in row] for row in z],
            texttemplate="%{text}",
            customdata=names.to_numpy().tolist(),
            colorscale=MAP_SCALE,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="<b>%{y}</b><br>%{x}: %{z}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(side="top", tickangle=0, automargin=True)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_layout(plot_bgcolor="white")
    fig = _frame(fig, title, height=max(320, 200 + 44 * len(types)))
    fig.update_layout(margin={"t": 160})  # room for the wrapped column labels between title and grid
    return fig if context is None else with_context(fig, *context)


def duration_peak_scatter(
    table: pd.DataFrame,
    colours: Mapping[str, str],
    title: str,
    log: bool = False,
    labels: int = 10,
    context: Context | None = None,
) -> go.Figure:
    """Years against published peak strength, one bubble per operation sized by contributing nations.

    The `labels` largest operations are named on the chart (more would overlap); every one is named on hover.
    Operations whose number of nations was not published are drawn as small open circles, not given a size.
    """
    traces: list[BaseTraceType] = []
    # read as lists: pandas' nlargest, mask and max took a third of this chart's time
    ids, peaks = table["id"].tolist(), [float(peak) for peak in table["peak_personnel"].tolist()]
    labelled = {ids[row] for row in sorted(range(len(ids)), key=lambda row: (-peaks[row], row))[:labels]}
    known = [float(n) for n in table["contributing_nations"].tolist() if not pd.isna(n)]
    largest = max(known, default=1.0)
    fields = ("duration_years", "peak_personnel", "mission_type_label", "id", "short_name", "contributing_nations",
              "contributing_nations_date")  # fmt: skip
    by_type = _groups(table, "mission_type", fields)
    for mission_type in colours:
        rows = by_type.get(mission_type)
        if rows is None:
            continue
        nations = rows["contributing_nations"]
        traces.append(
            unchecked(
                go.Scatter,
                x=rows["duration_years"],
                y=[float(peak) for peak in rows["peak_personnel"]],
                mode="markers+text",
                name=str(rows["mission_type_label"][0]),
                text=[name if i in labelled else "" for i, name in zip(rows["id"], rows["short_name"], strict=True)],
                textposition="top center",
                textfont={"size": 12},
                cliponaxis=False,
                marker={
                    "color": colours[mission_type],
                    "size": [8 if pd.isna(n) else 8 + 40 * (float(n) / largest) ** 0.5 for n in nations],
                    "symbol": ["circle-open" if pd.isna(n) else "circle" for n in nations],
                    "opacity": 0.8,
                    "line": {"width": 1.5, "color": colours[mission_type]},
                },
                customdata=[
                    [name, nations_text(n, d)]
                    for name, n, d in zip(rows["short_name"], nations, rows["contributing_nations_date"], strict=True)
                ],
                hovertemplate=_(
                    "<b>%{customdata[0]}</b><br>%{x:.1f} years · peak %{y:,} personnel"
                    "<br>Contributing nations: %{customdata[1]}<extra></extra>"
                ),
            )
        )
    longest = max((float(years) for years in table["duration_years"].tolist() if not pd.isna(years)), default=1.0)
    layout = {
        "xaxis": {"title": {"text": _("Years the operation lasted (ongoing: so far)")},
                  "range": [-0.04 * longest, 1.05 * longest]},
        "yaxis": {"title": {"text": _("Peak personnel (published)")}, **_value_axis(peaks, log)},
        "legend": {"orientation": "v", "x": 1.02, "y": 1},
    }  # fmt: skip
    return framed_figure(traces, layout, title, height=520, context=context)


def nations_text(count: Any, counted: Any) -> str:
    """A scatter hover's number of nations: '31 (counted 2003-08)', or 'not published'."""
    if pd.isna(count):
        return _("not published")
    if pd.isna(counted):
        return _("{count} (counted date not published)").format(count=int(count))
    return _("{count} (counted {date})").format(count=int(count), date=shown_date(str(counted)))


DEATHS_AXES = {  # x column and axis title (shown with _())
    "strength": ("peak_personnel", N_("Peak personnel (published)")),
    "years": ("duration_years", N_("Years")),
}


def deaths_scatter(
    table: pd.DataFrame,
    colours: Mapping[str, str],
    title: str,
    against: str = "strength",
    log: bool = False,
    context: Context | None = None,
) -> go.Figure:
    """Personnel deaths against peak strength or duration: a point for a single count, a bar for a range.

    A range is drawn from its low to its high end, with no point in between: no midpoint is invented.
    """
    x_column, x_title = DEATHS_AXES[against][0], _(DEATHS_AXES[against][1])
    traces: list[BaseTraceType] = []
    fields = ("mission_type_label", x_column, "deaths", "deaths_low", "deaths_high", "short_name", "deaths_scope")
    by_type = _groups(table, "mission_type", fields)
    for mission_type in colours:
        rows = by_type.get(mission_type)
        if rows is None:
            continue
        name = str(rows["mission_type_label"][0])
        every = list(zip(*(rows[field] for field in fields[1:]), strict=True))  # x, deaths, low, high, name, scope
        single = [row for row in every if not pd.isna(row[1])]
        ranged = [row for row in every if pd.isna(row[1])]
        hover = _("<b>%{customdata[0]}</b>: %{customdata[1]} deaths<br>%{customdata[2]}<extra></extra>")
        if single:
            traces.append(
                unchecked(
                    go.Scatter,
                    x=[float(row[0]) for row in single],
                    y=[float(row[1]) for row in single],
                    mode="markers+text",
                    name=name,
                    legendgroup=mission_type,
                    text=[row[4] for row in single],
                    textposition="top center",
                    cliponaxis=False,
                    marker={"color": colours[mission_type], "size": 11},
                    customdata=[[row[4], format_number(int(row[1])), row[5]] for row in single],
                    hovertemplate=hover,
                )
            )
        for index, (x, _deaths, low, high, short, scope) in enumerate(ranged):
            x, low, high = float(x), int(low), int(high)
            traces.append(
                unchecked(
                    go.Scatter,
                    x=[x, x],
                    y=[low, high],
                    mode="lines+markers+text",
                    text=["", short],
                    textposition="top center",
                    cliponaxis=False,
                    name=name,
                    legendgroup=mission_type,
                    showlegend=not single and index == 0,
                    line={"color": colours[mission_type], "width": 4},
                    marker={"color": colours[mission_type], "size": 12, "symbol": "line-ew-open"},
                    customdata=[
                        [short, _("{low} to {high}").format(low=format_number(low), high=format_number(high)), scope]
                    ]
                    * 2,
                    hovertemplate=hover,
                )
            )
    values = table[x_column].astype(float).tolist()
    x_axis = _value_axis(values, log) if against == "strength" else {"rangemode": "tozero"}
    deaths = pd.concat([table["deaths"], table["deaths_low"], table["deaths_high"]]).dropna().astype(float).tolist()
    layout = {
        "xaxis": {"title": {"text": x_title}, **x_axis},
        "yaxis": {"title": {"text": _("Deaths among its personnel (published)")}, **_value_axis(deaths, log)},
    }
    return framed_figure(traces, layout, title, height=480, context=context)


def quiz_reveal(
    bars: pd.DataFrame, highlight: str, title: str, value_title: str | None = None, marker_day: str | None = None
) -> go.Figure:
    """The answer to a guess: each operation's bar (start to end, or its peak when `value_title` is set),
    the right one in the first palette colour and the others grey. `bars` has id, label, start, end, value.
    """
    colours = [PALETTE[0] if mission_id == highlight else "#9aa5b1" for mission_id in bars["id"]]
    labels = [wrap(label, 18) for label in bars["label"]]
    if value_title is not None:
        fig = go.Figure(
            go.Bar(
                x=bars["value"].tolist(),
                y=labels,
                orientation="h",
                marker_color=colours,
                text=[f"{value:,.0f}" for value in bars["value"]],
                textposition="auto",
                hovertemplate="%{y}: %{x:,}<extra></extra>",
            )
        )
        fig.update_xaxes(title=value_title, tickformat=",", rangemode="tozero")
    else:
        start = pd.to_datetime(bars["start"])
        length = (pd.to_datetime(bars["end"]) - start).dt.days * 86_400_000
        fig = go.Figure(
            go.Bar(
                base=start.dt.strftime("%Y-%m-%d").tolist(),
                x=length.tolist(),
                y=labels,
                orientation="h",
                marker_color=colours,
                customdata=list(zip(bars["start"].astype(str), bars["end"].astype(str), strict=True)),
                hovertemplate=_("%{y}: %{customdata[0]} to %{customdata[1]}<extra></extra>"),
            )
        )
        fig.update_xaxes(type="date", title=None)
        if marker_day:
            fig.add_vline(x=marker_day, line={"color": PALETTE[5], "dash": "dash", "width": 2})
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(showlegend=False, bargap=0.35)
    return _frame(fig, title, height=140 + 60 * len(bars))
