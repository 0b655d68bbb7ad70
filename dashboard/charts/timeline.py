"""When each operation ran: the timeline of bars grouped by theatre, and operations per year by type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts.frame import (
    BAND_LABEL,
    PALETTE,
    TITLE_ROOM,
    Context,
    cited,
    columns,
    framed_figure,
    grouped,
    groups,
    iso_days,
    legend_under_title,
    unchecked,
    wrap,
)
from dashboard.dataset.vocabularies import organisation_short
from dashboard.i18n import _, shown_date

LINK_COLOUR = "#6b7280"
BAND_FILL, BAND_LINE, BAND_TEXT = "rgba(107, 114, 128, 0.10)", "rgba(107, 114, 128, 0.45)", "#374151"
BAND_KEY = "#9CA3AF"  # a band's square in a phone's key: its outline's grey, solid (a faint square was hard to see)
Band = tuple[str, str, str, Sequence[str]]  # (name, first day, last day, ids of its operations), days ISO


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


def mission_timeline(
    missions: pd.DataFrame,
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    region_labels: Mapping[str, str] | None = None,
    events: pd.DataFrame | None = None,
    successors: Mapping[str, Sequence[str]] | None = None,
    title: str = "",
    context: Context | None = None,
    bands: Sequence[Band] = (),
) -> go.Figure:
    """One bar per operation from start to end (ongoing ones to today), coloured by mission type and
    grouped by theatre (region); succession drawn from each bar's end to its successor's start, and
    events as markers on their bars. Every bar and marker carries the mission id first in customdata.
    `bands`: campaigns drawn as shaded bands behind the bars of their operations, from the campaign's start
    to its end, named at their top left.

    The columns are read once as Python lists: at most TIMELINE_MAX_BARS operations and their events
    reach here, and pandas' groupby, strftime and per-type selections took most of a new filter's time.
    """
    title = title or _("When each operation ran")
    region_labels = region_labels or {}
    rows, headings = timeline_rows(missions)
    ids = [str(i) for i in missions.index]
    start_days, end_days = iso_days(missions["start_day"]), iso_days(missions["bar_end"])
    lengths = missions["bar_end"].to_numpy(dtype="datetime64[ms]") - missions["start_day"].to_numpy(
        dtype="datetime64[ms]"
    )
    by_type = grouped(
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
                    [organisation_short(str(org)) for org in chosen["organisation"]],
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
            events["mission_id"].tolist(), iso_days(events["day"]), events["date"].tolist(), events["title"].tolist(),
            cited(events["publisher"].tolist(), events["grade"].tolist()), strict=True,
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
                    [wrap(str(event[3]), 60) for event in shown_events],
                    [event[4] for event in shown_events],
                    [short_names[event[0]] for event in shown_events],
                ),
                # the operation is named first: a diamond takes the hover from the bar it sits on
                hovertemplate=_("<b>%{customdata[4]}</b> · %{customdata[1]}<br>%{customdata[2]}<br>"
                                "Source: %{customdata[3]}<extra>Event</extra>"),
            )
        )
    years = (int(max(end_days)[:4]) - int(min(start_days)[:4])) if start_days else 0
    step = "M60" if years >= 15 else "M24" if years >= 6 else "M12"  # a year tick every five, two or one years
    tick_rows = [*rows.values(), *(row for row, _ in headings)]
    tick_text = [*(short_names[i] for i in rows), *(f"<b>{region_labels.get(r, r)}</b>" for _, r in headings)]
    layout = {
        "yaxis": {"tickvals": tick_rows, "ticktext": tick_text, "autorange": "reversed", "showgrid": False,
                  "zeroline": False},
        "xaxis": {"type": "date", "dtick": step, "tick0": "1990-01-01", "tickformat": "%Y"},
        "barmode": "overlay",
        "showlegend": True,
        # across the top, under the subtitle (frame.legend_under_title): beside the plot the legend took a third
        # of its width and the years were squeezed
        "legend": {"orientation": "h", "yanchor": "top", "x": 0, "yref": "container"},
        # the title and subtitle, the legend's third row (framed_figure leaves room for two), the years on top
        "margin": {"t": TITLE_ROOM + 30 + 50},
        # the years on top as well: on a long timeline the bottom axis is a screen away from the first bars
        "xaxis2": {"type": "date", "matches": "x", "overlaying": "x", "side": "top", "showgrid": False,
                   "dtick": step, "tick0": "1990-01-01", "tickformat": "%Y"},
        "hovermode": "closest",
        "hoverdistance": 6,  # a diamond takes the hover only under the pointer, the bar around it keeps the rest
    }  # fmt: skip
    layout["shapes"], layout["annotations"] = campaign_bands(bands, rows)
    traces.append(unchecked(go.Scatter, name=YEARS_ON_TOP, x=[None], y=[None], xaxis="x2", showlegend=False,
                            hoverinfo="skip"))  # plotly draws an axis only with a trace on it
    figure = framed_figure(traces, layout, title, height=210 + 24 * (len(rows) + len(headings)), context=context)
    legend_under_title(figure)  # enlarged, the title and the height grow alike and it stays there
    return figure


YEARS_ON_TOP = "years-on-top"  # the name of the empty trace that carries the top axis


def campaign_bands(
    bands: Sequence[Band], rows: Mapping[str, float]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A shaded rectangle behind each run of neighbouring rows that belong to one campaign (the timeline groups
    operations by theatre, so a campaign's rows are mostly together), and the campaign's name in the top right
    corner of its first (where a campaign's first operation, usually a short one, has long ended)."""
    shapes: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for name, first, last, ids in bands:
        shown = sorted(rows[i] for i in ids if i in rows)
        runs: list[list[float]] = []
        for row in shown:
            if runs and row - runs[-1][-1] <= 1:
                runs[-1].append(row)
            else:
                runs.append([row])
        for index, run in enumerate(runs):
            shapes.append({
                "type": "rect", "layer": "below", "xref": "x", "yref": "y", "x0": first, "x1": last,
                "y0": run[0] - 0.5, "y1": run[-1] + 0.5, "line": {"width": 1, "color": BAND_LINE},
                "fillcolor": BAND_FILL,
            })  # fmt: skip
            if index == 0:
                notes.append({
                    "name": BAND_LABEL, "x": last, "y": run[0] - 0.5, "xref": "x", "yref": "y", "text": name,
                    "showarrow": False, "bordercolor": BAND_KEY, "borderwidth": 0,  # the colour, for a phone's key
                    "xanchor": "right", "yanchor": "top", "font": {"size": 11, "color": BAND_TEXT},
                    "bgcolor": "rgba(255, 255, 255, 0.85)",
                })  # fmt: skip
    return shapes, notes


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
        for mission_type, rows in groups(
            table, "mission_type", ("year", "operations", "mission_type_label", "hover"), order=colours
        ).items()
    ]
    layout = {
        "barmode": "stack",
        "bargap": 0.1,
        "yaxis": {"title": {"text": _("Operations")}, "rangemode": "tozero", "tickformat": "d", "nticks": 8},
        "xaxis": {"dtick": 5},
        "legend": {"traceorder": "normal"},  # vocabulary order, as every chart by type
    }
    return framed_figure(traces, layout, title, height=320, context=context)
