"""Did it work? Charts of what followed each operation, of how it was judged, and of whole-campaign death tolls.

Tables in (dataset/outcomes.py), figures out. Every mark names its source's publisher and grade in its hover;
nothing here gives a verdict or adds up tolls of different scopes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts.colours import AFTERMATH_COLOURS, GROUP_COLOURS, VERDICT_COLOURS
from dashboard.charts.frame import Context, axis_label, cited, framed_figure, log_ticks, unchecked, wrap
from dashboard.dataset.campaigns import CAMPAIGN_GROUP_LABELS
from dashboard.dataset.judgements import ASSESSOR_KIND_SHORT, ASSESSOR_KINDS, VERDICT_LABELS, VERDICTS
from dashboard.i18n import _, format_number, shown_date

VERDICT_SYMBOLS = {"met": "circle", "partly-met": "diamond", "mixed": "square", "not-met": "x"}
HOVER_WIDTH = 71  # characters per line of a toll's scope in its hover


def peace_years_bars(table: pd.DataFrame, state_labels: Mapping[str, str], title: str, context: Context) -> go.Figure:
    """Years from each operation's end to the last year its sources cover (peace held: 'at least') or to the year
    armed conflict resumed; one bar per operation, coloured by what followed."""
    traces: list[BaseTraceType] = []
    order = [axis_label(name) for name in table["short_name"]]
    for state in ("peace-held", "conflict-resumed"):
        rows = table[table["state"] == state]
        if rows.empty:
            continue
        if state == "peace-held":
            texts = [_("at least {years} (to {year})").format(years=int(y), year=t) for y, t in
                     zip(rows["years_after"], rows["period_to"], strict=True)]  # fmt: skip
        else:
            texts = [_("{years} (resumed {date})").format(years=int(y), date=shown_date(str(r))) for y, r in
                     zip(rows["years_after"], rows["resumed"], strict=True)]  # fmt: skip
        traces.append(unchecked(
            go.Bar, orientation="h", x=[int(y) for y in rows["years_after"]],
            y=[axis_label(name) for name in rows["short_name"]], name=state_labels.get(state, state),
            marker={"color": AFTERMATH_COLOURS[state]}, text=texts, textposition="outside", cliponaxis=False,
            customdata=list(zip(rows["name"], texts, cited(list(rows["publisher"]), list(rows["grade"])), strict=True)),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        ))  # fmt: skip
    layout = {
        "barmode": "overlay",
        "yaxis": {"categoryorder": "array", "categoryarray": order[::-1], "automargin": True},
        "xaxis": {"title": {"text": _("Years after the operation ended")}, "tickformat": "d",
                  "range": [0, 1.35 * max([1, *(int(y) for y in table["years_after"])])]},
        "legend": {"traceorder": "normal"},
    }
    return framed_figure(traces, layout, title, height=max(340, 150 + 34 * len(order)), context=context)


def assessment_grid(table: pd.DataFrame, title: str, context: Context) -> go.Figure:
    """Operations down, kinds of assessor across; a mark per published judgement, its shape and colour the
    assessor's verdict. Several judgements in one cell sit side by side."""
    operations = list(dict.fromkeys(table["short_name"]))
    kinds = [kind for kind in ASSESSOR_KINDS if kind in set(table["assessor_kind"])]
    position = {kind: index for index, kind in enumerate(kinds)}
    cells = list(zip(table["short_name"], table["assessor_kind"], strict=True))
    in_cell = Counter(cells)
    placed: dict[tuple[str, str], int] = {}
    x_values = []
    for cell in cells:  # several judgements in one cell sit side by side, centred on it
        index = placed.get(cell, 0)
        placed[cell] = index + 1
        x_values.append(position[cell[1]] + (index - (in_cell[cell] - 1) / 2) * 0.24)
    shown = table.assign(x=x_values)
    traces: list[BaseTraceType] = []
    for verdict in VERDICTS:
        rows = shown[shown["verdict"] == verdict]
        if rows.empty:
            continue
        hover = cited(list(rows["publisher"]), list(rows["grade"]))
        traces.append(unchecked(
            go.Scatter, mode="markers", x=list(rows["x"]), y=[axis_label(n) for n in rows["short_name"]],
            name=_(VERDICT_LABELS[verdict]),
            marker={"color": VERDICT_COLOURS[verdict], "symbol": VERDICT_SYMBOLS[verdict], "size": 15,
                    "line": {"width": 1.5, "color": "#ffffff"}},
            customdata=list(zip(rows["assessor"], [shown_date(str(d)) for d in rows["date"]], hover, strict=True)),
            hovertemplate="<b>%{y}</b>: " + _(VERDICT_LABELS[verdict]).replace("%", "%%")
            + "<br>%{customdata[0]} (%{customdata[1]})<br>%{customdata[2]}<extra></extra>",
        ))  # fmt: skip
    layout = {
        "xaxis": {"tickvals": list(range(len(kinds))), "ticktext": [_(ASSESSOR_KIND_SHORT[kind]) for kind in kinds],
                  "range": [-0.6, len(kinds) - 0.4], "showgrid": True, "zeroline": False, "side": "top",
                  "tickangle": 0},
        "yaxis": {"categoryorder": "array", "categoryarray": [axis_label(n) for n in operations][::-1],
                  "automargin": True, "showgrid": True},
        "legend": {"traceorder": "normal"},
    }  # fmt: skip
    return framed_figure(traces, layout, title, height=max(360, 170 + 36 * len(operations)), context=context)


def campaign_toll_bars(table: pd.DataFrame, title: str, context: Context) -> go.Figure:
    """Each toll published for one whole campaign as its own bar (a range as a line from low to high), on a log scale:
    tolls run from a handful to hundreds of thousands and have different scopes, so none is added to another."""
    labels = [
        axis_label(_("{group}, to {year}: {publisher}").format(
            group=_(CAMPAIGN_GROUP_LABELS[group]), year=str(as_of)[:4], publisher=str(publisher).split(" (")[0]))
        for group, as_of, publisher in zip(table["group"], table["as_of"], table["publisher"], strict=True)
    ]  # fmt: skip
    for index, label in enumerate(labels):  # two tolls of one group, year and publisher stay two bars
        repeats = labels[:index].count(label)
        if repeats:
            labels[index] = f"{label} ({repeats + 1})"
    shown = table.assign(label=labels)
    traces: list[BaseTraceType] = []
    values: list[float] = []
    for group, colour in GROUP_COLOURS.items():
        rows = shown[shown["group"] == group]
        if rows.empty:
            continue
        single = rows[rows["value"].notna()]
        ranged = rows[rows["value"].isna()]
        name = _(CAMPAIGN_GROUP_LABELS[group])
        hover = "<b>%{y}</b>: %{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
        if not single.empty:
            counts = [int(v) for v in single["value"]]
            values += counts
            traces.append(unchecked(
                go.Bar, orientation="h", x=counts, y=list(single["label"]), name=name, legendgroup=group,
                marker={"color": colour}, text=[format_number(v) for v in counts], textposition="outside",
                cliponaxis=False,
                customdata=list(zip([format_number(v) for v in counts], [wrap(s, HOVER_WIDTH) for s in single["scope"]],
                                    cited(list(single["publisher"]), list(single["grade"])), strict=True)),
                hovertemplate=hover,
            ))  # fmt: skip
        for _index, row in ranged.iterrows():
            low, high = int(row["low"]), int(row["high"])
            values += [low, high]
            span = _("{low} to {high}").format(low=format_number(low), high=format_number(high))
            traces.append(unchecked(
                go.Scatter, x=[low, high], y=[row["label"], row["label"]], mode="lines+markers+text",
                line={"color": colour, "width": 6}, marker={"color": colour, "size": 10, "symbol": "line-ns-open"},
                text=["", span], textposition="middle right", cliponaxis=False, name=name, legendgroup=group,
                showlegend=single.empty and _index == ranged.index[0],
                customdata=[[span, wrap(str(row["scope"]), HOVER_WIDTH),
                             cited([row["publisher"]], [row["grade"]])[0]]] * 2,
                hovertemplate=hover,
            ))  # fmt: skip
    layout = {
        "barmode": "overlay",
        "xaxis": {"type": "log", "tickvals": log_ticks(values), "tickformat": ",",
                  "range": [math.log10(max(1, min(values or [1]))) - 0.15, math.log10(max(values or [10])) + 0.45],
                  "title": {"text": _("Deaths, as published (logarithmic scale)")}},
        "yaxis": {"categoryorder": "array", "categoryarray": labels[::-1], "automargin": True},
        "legend": {"traceorder": "normal"},
    }  # fmt: skip
    return framed_figure(traces, layout, title, height=max(380, 170 + 44 * len(labels)), context=context)

