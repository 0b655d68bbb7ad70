"""How strength changed: published personnel points, on the calendar or aligned by months since start."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts.frame import END_LABEL, PALETTE, Context, cited, framed_figure, grouped, iso_days, unchecked
from dashboard.i18n import N_, _, shown_date


def personnel_over_time(points: pd.DataFrame, title: str, context: Context | None = None) -> go.Figure:
    """Published strength points joined by lines; nothing drawn between points is data."""
    line = unchecked(
        go.Scatter,
        x=points["day"].dt.strftime("%Y-%m-%d").tolist(),
        y=points["value"].tolist(),
        mode="lines+markers",
        line={"color": PALETTE[0], "dash": "dot"},
        marker={"size": 9, "color": PALETTE[0]},
        customdata=list(
            zip(
                points["date"].map(lambda d: shown_date(str(d))),
                cited(points["publisher"].tolist(), points["grade"].tolist()),
                strict=True,
            )
        ),
        hovertemplate=_("%{customdata[0]}: %{y:,} personnel<br>Source: %{customdata[1]}<extra></extra>"),
    )
    layout = {
        "yaxis": {"title": {"text": _("Personnel (published figures)")}, "rangemode": "tozero", "tickformat": ","},
        "xaxis": {"type": "date"},
    }
    return framed_figure([line], layout, title, height=320, context=context)


DAYS_PER_MONTH = 30.4375


STRENGTH_UNITS = {  # what a strength line counts -> its axis title and its hover, shown with _()
    "personnel": (
        N_("Personnel (published figures)"),
        N_("<b>%{fullData.name}</b>, %{customdata[1]}: %{y:,} personnel<br>%{customdata[3]}"
           "<br>Source: %{customdata[2]}<extra></extra>"),
    ),
    "aircraft": (
        N_("Aircraft (published figures)"),
        N_("<b>%{fullData.name}</b>, %{customdata[1]}: %{y:,} aircraft<br>%{customdata[3]}"
           "<br>Source: %{customdata[2]}<extra></extra>"),
    ),
    "ships": (
        N_("Ships (published figures)"),
        N_("<b>%{fullData.name}</b>, %{customdata[1]}: %{y:,} ships<br>%{customdata[3]}"
           "<br>Source: %{customdata[2]}<extra></extra>"),
    ),
}  # fmt: skip


END_PLOT_PX = 250.0  # the plot's height in a 420 px strength chart with its title, legend and source line
END_GAP_PX = 15.0  # a 13 px name's line


def spread_apart(ends: list[dict[str, Any]]) -> None:
    """Move the names at the ends of lines up or down (yshift) so that two ending near each other, in time and in
    value, do not print on one another; the largest keeps its place. `_at` (a day or month number) is dropped."""
    top = max((float(end["y"]) for end in ends), default=0.0) * 1.05 or 1.0
    span = (max((end["_at"] for end in ends), default=0) - min((end["_at"] for end in ends), default=0)) or 1
    placed: list[tuple[float, float]] = []  # (when, pixel height) of the names already placed
    for end in sorted(ends, key=lambda e: -float(e["y"])):
        height = float(end["y"]) / top * END_PLOT_PX
        near = [px for at, px in placed if abs(at - end["_at"]) < 0.2 * span]
        while any(abs(px - height) < END_GAP_PX for px in near):
            height = min(px for px in near if abs(px - height) < END_GAP_PX) - END_GAP_PX
        end["yshift"] = round(height - float(end["y"]) / top * END_PLOT_PX)
        placed.append((end["_at"], height))
    for end in ends:
        del end["_at"]


def strength_lines(
    points: pd.DataFrame,
    missions: pd.DataFrame,
    align: str = "date",
    title: str = "",
    context: Context | None = None,
    unit: str = "personnel",
    styles: Mapping[str, tuple[str, str]] | None = None,
) -> go.Figure:
    """One line per operation through its published strength points only (each point marked).

    `styles`: each operation's (colour, marker) from colours.operation_styles over the whole dataset, so an
    operation looks the same on every page; without it, the lines take the mission types' colours in turn.

    `unit`: what the points count, one of STRENGTH_UNITS (personnel, aircraft, ships): the axis and hovers say so.

    `align` 'date' puts the points on the calendar; 'months' measures each from its own operation's
    start, to compare how operations grew and shrank. Operations with no published point draw nothing.
    """
    title = title or _("Published strength over time")
    traces: list[BaseTraceType] = []
    starts = missions["start_day"].to_dict()
    names = missions["short_name"].astype(str).to_dict()
    by_operation = grouped(
        points["mission_id"].tolist(),
        {"day": points["day"].tolist(), "day_text": iso_days(points["day"]), "value": points["value"].tolist(),
         "date": points["date"].tolist(), "note": points["note"].tolist(),
         "source": cited(points["publisher"].tolist(), points["grade"].tolist())},
    )  # fmt: skip
    chosen = [(mission_id, rows) for mission_id, rows in by_operation.items() if mission_id in starts]
    ends: list[dict[str, Any]] = []
    for index, (mission_id, rows) in enumerate(chosen):
        colour, symbol = (styles or {}).get(mission_id, (PALETTE[index % len(PALETTE)], "circle"))
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
                line={"color": colour, "dash": "dot", "width": 1.5},
                marker={"size": 9, "color": colour, "symbol": symbol},
                customdata=[
                    (mission_id, shown_date(str(date)), source, note if isinstance(note, str) else "")
                    for date, source, note in zip(rows["date"], rows["source"], rows["note"], strict=True)
                ],
                hovertemplate=_(STRENGTH_UNITS[unit][1]),
            )
        )
        if len(chosen) > 1:  # the name at the line's last point: no need to match colours to the legend
            ends.append({"name": END_LABEL, "x": x[-1], "y": rows["value"][-1], "text": names[mission_id],
                         "showarrow": False, "xanchor": "left", "xshift": 7,
                         "font": {"color": colour, "size": 13},
                         "_at": rows["day"][-1].toordinal() if align != "months" else x[-1]})  # fmt: skip
    spread_apart(ends)
    months = {"title": {"text": _("Months since the operation began")}, "rangemode": "tozero"}
    layout = {
        "yaxis": {"title": {"text": _(STRENGTH_UNITS[unit][0])}, "rangemode": "tozero", "tickformat": ","},
        "xaxis": months if align == "months" else {"type": "date"},
        "legend": {"orientation": "h", "y": -0.2},
        "hovermode": "closest",
        "annotations": ends,
        "margin": {"r": min(220, 24 + 7 * max((len(note["text"]) for note in ends), default=2))},
    }
    return framed_figure(traces, layout, title, height=420, context=context)
