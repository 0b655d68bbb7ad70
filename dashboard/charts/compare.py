"""The /compare charts: mission types by decade, values and counts by type, duration against peak, deaths."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts import colours
from dashboard.charts.frame import (
    MAP_SCALE,
    PALETTE,
    Context,
    axis_label,
    frame_existing,
    framed_figure,
    groups,
    unchecked,
    value_axis,
    with_context,
    wrap,
)
from dashboard.charts.labels import Axis, placed_labels
from dashboard.dataset.comparisons import BASIS_LABELS
from dashboard.dataset.publishers import GRADE_LABELS
from dashboard.i18n import N_, _, duration_text, format_number, shown_date


def decade_bars(
    table: pd.DataFrame, colours: Mapping[str, str], title: str, context: Context | None = None
) -> go.Figure:
    """Stacked bars: operations of each type in each decade (table from comparisons.by_decade)."""
    traces: list[BaseTraceType] = []
    decades = sorted(table["decade"].unique())
    for mission_type, rows in groups(
        table, "mission_type", ("decade", "operations", "mission_type_label", "names"), order=colours
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
        "legend": {"orientation": "v", "x": 1.02, "y": 1, "traceorder": "normal"},  # vocabulary order
        "xaxis": {"categoryorder": "array", "categoryarray": decades},
        "yaxis": {"title": {"text": _("Operations")}, "rangemode": "tozero", "tickformat": "d"},
    }
    return framed_figure(traces, layout, title, height=400, context=context)


BOX_FROM = 5  # points a mission type needs before its row gets a box


def values_by_type(
    table: pd.DataFrame,
    value_column: str,
    colours: Mapping[str, str],
    axis_title: str,
    title: str,
    hover: str,
    log: bool = False,
    context: Context | None = None,
    shown: Callable[[float], str] | None = None,
) -> go.Figure:
    """Each operation as a point on its mission type's row, with a box over the points where a type has
    BOX_FROM or more (a box drawn from three points would suggest a distribution that is not there).

    `hover` is a template for one point's value, e.g. '%{x:,} personnel'; with `shown`, a function that writes
    a value in words (durations: '7 years 11 months'), the hover's %{customdata[2]} is that text.
    """
    traces: list[BaseTraceType] = []
    by_type = groups(table, "mission_type", ("mission_type_label", value_column, "short_name", "id"))
    for mission_type in colours:
        rows = by_type.get(mission_type)
        if rows is None:
            continue
        label = axis_label(str(rows["mission_type_label"][0]))
        values = [float(value) for value in rows[value_column]]
        common = {
            "x": values, "y": [label] * len(values), "name": label,
            "marker": {"color": colours[mission_type], "size": 10},
            "customdata": [[name, mission_id, shown(value) if shown else ""] for name, mission_id, value in
                           zip(rows["short_name"], rows["id"], values, strict=True)],
            "hovertemplate": f"<b>%{{customdata[0]}}</b>: {hover}<extra></extra>",
        }  # fmt: skip
        if len(values) >= BOX_FROM:
            traces.append(unchecked(go.Box, orientation="h", boxpoints="all", jitter=0.3, pointpos=0,
                                    line={"color": colours[mission_type]}, **common))  # fmt: skip
        else:  # a dot plot: the points alone
            traces.append(unchecked(go.Scatter, mode="markers", **common))
    layout = {
        "xaxis": {"title": {"text": axis_title}, **value_axis(table[value_column].astype(float).tolist(), log)},
        # first type at the top, as in the other charts by type (plotly stacks categories bottom-up)
        "yaxis": {"automargin": True, "categoryorder": "array", "categoryarray": [t.name for t in traces][::-1]},
        "showlegend": False,
    }
    return framed_figure(traces, layout, title, height=max(260, 80 + 56 * len(traces)), context=context)


def graded(grades: list[Any]) -> list[str]:
    """Grades as the hover says them: 'official'."""
    return [str(_(GRADE_LABELS[grade])).lower() if grade in GRADE_LABELS else "" for grade in grades]


OUTCOME_COLOURS = colours.OUTCOME_COLOURS


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
    fields = ("operations", "mission_type_label", f"{column}_label", "names")
    for value, rows in groups(table, column, fields, order=colours).items():
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


GRID_HEADER = 11  # characters per line of a grid's column header


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
    # a column is about 75 px on a laptop: 11 characters of 12 px type, words kept whole
    headers = ["<br>".join(textwrap.wrap(column_labels[v], GRID_HEADER, break_long_words=False)) for v in values]
    lines = max((header.count("<br>") + 1 for header in headers), default=1)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=headers,
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
    fig = frame_existing(fig, title, height=max(320, 200 + 44 * len(types)))
    fig.update_layout(margin={"t": 100 + 16 * lines})  # room for the wrapped column labels under the subtitle
    return fig if context is None else with_context(fig, *context)


def duration_peak_scatter(
    table: pd.DataFrame,
    colours: Mapping[str, str],
    title: str,
    log: bool = False,
    labels: int = 10,
    context: Context | None = None,
    value_column: str = "peak_personnel",
    axis_title: str | None = None,
    unit: str | None = None,
) -> go.Figure:
    """Years against published size (peak strength by default), one bubble per operation sized by nations.

    The `labels` largest operations are named on the chart (more would overlap); every one is named on hover.
    Operations whose number of nations was not published are drawn as small open circles, not given a size.
    """
    traces: list[BaseTraceType] = []
    # read as lists: pandas' nlargest, mask and max took a third of this chart's time
    ids, peaks = table["id"].tolist(), [float(peak) for peak in table[value_column].tolist()]
    known = [float(n) for n in table["contributing_nations"].tolist() if not pd.isna(n)]
    largest = max(known, default=1.0)

    def size(nations: Any) -> float:
        return 8.0 if pd.isna(nations) else 8 + 40 * (float(nations) / largest) ** 0.5

    years = [float(y) for y in table["duration_years"].tolist()]
    longest = max((y for y in years if not pd.isna(y)), default=1.0)
    x_range, y_range = [-BUBBLE_ROOM * longest, (1 + BUBBLE_ROOM) * longest], bubble_range(peaks, log)
    texts, places = placed_labels(
        years, peaks, [size(n) for n in table["contributing_nations"].tolist()], table["short_name"].tolist(),
        sorted(range(len(ids)), key=lambda row: (-peaks[row], row))[:labels],
        Axis(x_range[0], x_range[1]), Axis(y_range[0], y_range[1], log),
    )  # fmt: skip
    label_of = {mission_id: (text, place) for mission_id, text, place in zip(ids, texts, places, strict=True)}
    fields = ("duration_years", value_column, "mission_type_label", "id", "short_name", "contributing_nations",
              "contributing_nations_date")  # fmt: skip
    by_type = groups(table, "mission_type", fields)
    for mission_type in colours:
        rows = by_type.get(mission_type)
        if rows is None:
            continue
        nations = rows["contributing_nations"]
        traces.append(
            unchecked(
                go.Scatter,
                x=rows["duration_years"],
                y=[float(peak) for peak in rows[value_column]],
                mode="markers+text",
                name=str(rows["mission_type_label"][0]),
                text=[label_of[i][0] for i in rows["id"]],
                textposition=[label_of[i][1] for i in rows["id"]],
                textfont={"size": 12},
                cliponaxis=False,
                marker={
                    "color": colours[mission_type],
                    "size": [size(n) for n in nations],
                    "symbol": ["circle-open" if pd.isna(n) else "circle" for n in nations],
                    "opacity": 0.8,
                    "line": {"width": 1.5, "color": colours[mission_type]},
                },
                customdata=[
                    [name, nations_text(n, d), duration_text(float(years))]
                    for name, n, d, years in zip(rows["short_name"], nations, rows["contributing_nations_date"],
                                                 rows["duration_years"], strict=True)
                ],
                hovertemplate=_(
                    "<b>%{customdata[0]}</b><br>%{customdata[2]} · peak %{y:,} personnel"
                    "<br>Contributing nations: %{customdata[1]}<extra></extra>"
                ) if unit is None else _(
                    "<b>%{customdata[0]}</b><br>%{customdata[2]} · %{y:,} {unit}"
                    "<br>Contributing nations: %{customdata[1]}<extra></extra>"
                ).replace("{unit}", unit),
            )
        )
    layout = {
        "xaxis": {"title": {"text": _("Years the operation lasted (ongoing: so far)")}, "range": x_range},
        "yaxis": {"title": {"text": axis_title or _("Peak personnel (published)")}, **value_axis(peaks, log),
                  "range": y_range},
        "legend": {"orientation": "v", "x": 1.02, "y": 1},
    }  # fmt: skip
    return framed_figure(traces, layout, title, height=520, context=context)


BUBBLE_ROOM = 0.08  # of an axis's span, beyond its lowest and highest value: the largest bubble's radius


def bubble_range(values: Sequence[float], log: bool) -> list[float]:
    """A value axis with room for a bubble's radius below the lowest value and above the highest, so a bubble at
    zero (or at the lowest value, logarithmic) stays off the tick labels beneath the plot."""
    if log:
        positive = [math.log10(v) for v in values if v > 0] or [0.0, 1.0]
        low, high = min(positive), max(positive)
        span = max(high - low, 1.0)
        return [low - BUBBLE_ROOM * span, high + BUBBLE_ROOM * span]
    top = max(values, default=1.0) or 1.0
    return [-BUBBLE_ROOM * top, (1 + BUBBLE_ROOM) * top]


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
    by_type = groups(table, "mission_type", fields)
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
    x_axis = value_axis(values, log) if against == "strength" else {"rangemode": "tozero"}
    deaths = pd.concat([table["deaths"], table["deaths_low"], table["deaths_high"]]).dropna().astype(float).tolist()
    layout = {
        "xaxis": {"title": {"text": x_title}, **x_axis},
        "yaxis": {"title": {"text": _("Deaths among its personnel (published)")}, **value_axis(deaths, log)},
    }
    return framed_figure(traces, layout, title, height=480, context=context)


def sizes_by_type(
    table: pd.DataFrame,
    colours: Mapping[str, str],
    axis_title: str,
    title: str,
    unit: str,
    log: bool = False,
    context: Context | None = None,
) -> go.Figure:
    """Each operation's size as a dot on its mission type's row (a dot plot: most types have a handful of operations).

    A filled dot is a stated peak, an open diamond the largest figure published where no peak is stated. `table`
    is comparisons.largest: value, size_basis, grade, date, short_name, mission_type, mission_type_label.
    """
    traces: list[BaseTraceType] = []
    by_type = groups(table, "mission_type", ("mission_type_label", "value", "short_name", "id", "size_basis", "grade",
                                             "date"))  # fmt: skip
    bases = {basis: _(label) for basis, label in BASIS_LABELS.items()}
    for mission_type in colours:
        rows = by_type.get(mission_type)
        if rows is None:
            continue
        label = axis_label(str(rows["mission_type_label"][0]))
        traces.append(
            unchecked(
                go.Scatter,
                x=[float(value) for value in rows["value"]],
                y=[label] * len(rows["id"]),
                mode="markers",
                name=label,
                showlegend=False,
                marker={
                    "color": colours[mission_type],
                    "size": 12,
                    "symbol": ["circle" if basis == "peak" else "diamond-open" for basis in rows["size_basis"]],
                    "line": {"width": 2, "color": colours[mission_type]},
                },
                customdata=[
                    [name, mission_id, bases[basis], shown_date(str(when)) if isinstance(when, str) else "", grade]
                    for name, mission_id, basis, when, grade in zip(
                        rows["short_name"], rows["id"], rows["size_basis"], rows["date"],
                        graded(rows["grade"]), strict=True,
                    )
                ],
                hovertemplate="<b>%{customdata[0]}</b>: %{x:,} " + unit
                + "<br>%{customdata[2]} %{customdata[3]}<br>" + _("Source: %{customdata[4]}") + "<extra></extra>",
            )
        )
    for basis, symbol in (("peak", "circle"), ("largest", "diamond-open")):  # the two markers, explained once
        if basis in set(table["size_basis"].tolist()):
            traces.append(unchecked(go.Scatter, x=[None], y=[None], mode="markers", name=bases[basis],
                                    marker={"symbol": symbol, "size": 12, "color": "#52606d",
                                            "line": {"width": 2, "color": "#52606d"}}))  # fmt: skip
    categories = [t.name for t in traces if t.showlegend is False]
    layout = {
        "xaxis": {"title": {"text": axis_title}, **value_axis(table["value"].astype(float).tolist(), log)},
        "yaxis": {"automargin": True, "categoryorder": "array", "categoryarray": categories[::-1]},
        "showlegend": True,
        "hovermode": "closest",
    }
    return framed_figure(traces, layout, title, height=max(280, 100 + 56 * len(categories)), context=context)
