"""The answer chart of a guess-then-reveal question: the right operation highlighted among the others."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.frame import PALETTE, frame_existing, wrap
from dashboard.i18n import _


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
    return frame_existing(fig, title, height=140 + 60 * len(bars))
