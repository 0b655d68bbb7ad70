"""Pure chart builders: tables in, plotly figures out. Never imports streamlit, never reads files.

Each builder sets an explicit template and colours: importing streamlit changes plotly's default
template, and exported images would then come out with placeholder colours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

TEMPLATE = "plotly_white"
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 14, "color": "#1f2933"}
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
MAP_SCALE = [[0.0, "#deebf7"], [1.0, "#08306b"]]


def category_colours(values: Sequence[str]) -> dict[str, str]:
    """A stable colour for each value of a vocabulary, in vocabulary order."""
    return {value: PALETTE[index % len(PALETTE)] for index, value in enumerate(values)}


def _frame(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        font=FONT,
        title={"text": title, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 40, "t": 60, "b": 10},
    )
    return fig


LINK_COLOUR = "#6b7280"


def timeline_rows(missions: pd.DataFrame) -> tuple[dict[str, float], list[tuple[float, str]]]:
    """Row of each operation on the timeline, grouped by region (theatres in order of their first start).

    Returns the row of every mission id and the (row, region) of each group's heading.
    """
    first_start = missions.groupby("region")["start_day"].transform("min")
    ordered = missions.assign(_first=first_start).sort_values(["_first", "region", "start_day", "id"])
    rows: dict[str, float] = {}
    headings: list[tuple[float, str]] = []
    row = 0.0
    for region, group in ordered.groupby("region", sort=False):
        headings.append((row, str(region)))
        row += 1
        for mission_id in group.index:
            rows[str(mission_id)] = row
            row += 1
        row += 0.4
    return rows, headings


def mission_timeline(
    missions: pd.DataFrame,
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    region_labels: Mapping[str, str] | None = None,
    events: pd.DataFrame | None = None,
    successors: Mapping[str, Sequence[str]] | None = None,
    title: str = "When each operation ran",
) -> go.Figure:
    """One bar per operation from start to end (ongoing ones to today), coloured by mission type and
    grouped by theatre (region); succession drawn from each bar's end to its successor's start, and
    events as markers on their bars. Every bar and marker carries the mission id first in customdata.
    """
    region_labels = region_labels or {}
    rows, headings = timeline_rows(missions)
    fig = go.Figure()
    for mission_type in colours:
        chosen = missions[missions["mission_type"] == mission_type]
        if chosen.empty:
            continue
        ends = [
            "ongoing" if status == "ongoing" else end
            for status, end in zip(chosen["status"], chosen["end"], strict=True)
        ]
        fig.add_trace(
            go.Bar(
                name=labels.get(mission_type, mission_type),
                orientation="h",
                y=[rows[i] for i in chosen.index],
                base=chosen["start_day"].dt.strftime("%Y-%m-%d").tolist(),
                x=((chosen["bar_end"] - chosen["start_day"]).dt.days * 86_400_000).tolist(),
                width=0.7,
                marker={"color": colours[mission_type]},
                customdata=list(
                    zip(chosen["id"], chosen["name"], chosen["start"], ends, chosen["organisation"], strict=True)
                ),
                hovertemplate=(
                    "<b>%{customdata[1]}</b> (%{customdata[4]})<br>%{customdata[2]} to %{customdata[3]}"
                    "<extra>%{fullData.name}</extra>"
                ),
            )
        )
    link_x: list[str | None] = []
    link_y: list[float | None] = []
    arrow_x, arrow_y, arrow_text = [], [], []
    short_names = missions["short_name"].astype(str).to_dict()
    end_days = missions["bar_end"].dt.strftime("%Y-%m-%d").to_dict()
    start_days = missions["start_day"].dt.strftime("%Y-%m-%d").to_dict()
    for mission_id, following in (successors or {}).items():
        for successor in following:
            if mission_id not in rows or successor not in rows:
                continue
            end, start = str(end_days[mission_id]), str(start_days[successor])
            link_x += [end, start, None]
            link_y += [rows[mission_id], rows[successor], None]
            arrow_x.append(start)
            arrow_y.append(rows[successor])
            arrow_text.append(f"{short_names[mission_id]} handed over to {short_names[successor]}")
    if link_x:
        fig.add_trace(
            go.Scatter(
                name="Handed over to",
                x=link_x,
                y=link_y,
                mode="lines",
                line={"color": LINK_COLOUR, "width": 1.2, "dash": "dot"},
                hoverinfo="skip",
                legendgroup="links",
            )
        )
        fig.add_trace(
            go.Scatter(
                name="Handed over to",
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
    shown_events = events[events["mission_id"].isin(list(rows))] if events is not None else None
    if shown_events is not None and not shown_events.empty:
        fig.add_trace(
            go.Scatter(
                name="Event",
                x=shown_events["day"].dt.strftime("%Y-%m-%d").tolist(),
                y=[rows[i] for i in shown_events["mission_id"]],
                mode="markers",
                marker={"symbol": "diamond", "size": 7, "color": "#ffffff", "line": {"color": "#1f2933", "width": 1}},
                customdata=list(
                    zip(
                        shown_events["mission_id"],
                        shown_events["date"],
                        shown_events["title"],
                        shown_events["source"],
                        strict=True,
                    )
                ),
                hovertemplate="<b>%{customdata[1]}</b>: %{customdata[2]}<br>Source: %{customdata[3]}<extra></extra>",
            )
        )
    names = dict(zip(missions.index, missions["short_name"], strict=True))
    tick_rows = [*rows.values(), *(row for row, _ in headings)]
    tick_text = [*(names[i] for i in rows), *(f"<b>{region_labels.get(r, r)}</b>" for _, r in headings)]
    fig.update_yaxes(
        tickvals=tick_rows, ticktext=tick_text, autorange="reversed", title=None, showgrid=False, zeroline=False
    )
    fig.update_xaxes(type="date", title=None)
    fig.update_layout(
        barmode="overlay",
        showlegend=True,
        legend={"title": {"text": "Mission type"}, "orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        hovermode="closest",
    )
    height = 130 + 24 * (len(rows) + len(headings))
    return _frame(fig, title, height=height)


def operations_per_year(
    missions: pd.DataFrame,
    first_year: int,
    last_year: int,
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    title: str = "Operations under way each year",
) -> go.Figure:
    """Stacked bars: how many operations of each type were active in each calendar year."""
    years = list(range(first_year, last_year + 1))
    fig = go.Figure()
    for mission_type in colours:
        rows = missions[missions["mission_type"] == mission_type]
        if rows.empty:
            continue
        counts = [int(((rows["start_day"].dt.year <= y) & (rows["bar_end"].dt.year >= y)).sum()) for y in years]
        fig.add_trace(
            go.Bar(
                x=years,
                y=counts,
                name=labels.get(mission_type, mission_type),
                marker={"color": colours[mission_type]},
                hovertemplate="%{x}: %{y} operation(s)<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(barmode="stack", bargap=0.1, legend={"orientation": "h", "y": -0.2})
    fig.update_yaxes(title="Operations", rangemode="tozero", tickformat="d", nticks=8)
    fig.update_xaxes(title=None, dtick=5)
    return _frame(fig, title, height=300)


SEA_SCALE = [[0.0, "#d8f0ec"], [1.0, "#2a9d8f"]]
HQ_COLOUR = "#b91c1c"
MEASURE_TITLES = {"operations": "Operations", "years": "Years of presence"}
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
    title: str = "Where the operations deployed",
    height: int = 560,
) -> go.Figure:
    """Countries and sea areas shaded by `measure` ('operations' or 'years'), with headquarters markers.

    `countries` and `seas` are presence tables (dashboard.geo.presence); `sea_shapes` is the GeoJSON of
    the sea areas; `markers` comes from dashboard.geo.hq_markers. `view` is 'world', 'europe' (the
    Balkans at 1:50m) or 'fit' (zoomed to what is drawn, for a single operation's profile).
    """
    unit = "operation(s)" if measure == "operations" else "year(s) of presence"
    top = max([1, *countries[measure].tolist(), *seas[measure].tolist()])
    fig = go.Figure()

    def place_hover(kind: str) -> str:
        return "<b>%{customdata[1]}</b>" + kind + "<br>%{z} " + unit + "<br>%{customdata[2]}<extra></extra>"

    if not countries.empty:
        fig.add_trace(
            go.Choropleth(
                name="Countries",
                locations=countries["place"].tolist(),
                z=countries[measure].tolist(),
                zmin=0,
                zmax=top,
                colorscale=MAP_SCALE,
                marker={"line": {"color": "#ffffff", "width": 0.6}},
                showscale=view != "fit",
                colorbar={"title": {"text": MEASURE_TITLES[measure]}, "thickness": 14, "len": 0.75, "tickformat": "d"},
                customdata=[
                    [p, names.get(p, p), d] for p, d in zip(countries["place"], countries["details"], strict=True)
                ],
                hovertemplate=place_hover(""),
            )
        )
    shapes = [f for f in sea_shapes.get("features", []) if f["id"] in set(seas["place"])]
    if shapes:
        fig.add_trace(
            go.Choropleth(
                name="Sea areas (approximate outlines)",
                geojson={"type": "FeatureCollection", "features": shapes},
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
                hovertemplate=place_hover(" (approximate outline)"),
            )
        )
    if not markers.empty:
        fig.add_trace(
            go.Scattergeo(
                name="Headquarters and main bases",
                lat=markers["lat"].tolist(),
                lon=markers["lon"].tolist(),
                mode="markers" if view == "world" else "markers+text",
                text=markers["label"].tolist(),
                textposition="top center",
                textfont={"size": 11, "color": "#7f1d1d"},
                marker={"symbol": "square", "size": 8, "color": HQ_COLOUR, "line": {"color": "#ffffff", "width": 1}},
                customdata=[[m, h] for m, h in zip(markers["missions"], markers["hover"], strict=True)],
                hovertemplate="%{customdata[1]}<extra>Headquarters</extra>",
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
    fig.update_geos(**(geo | VIEWS[view]))
    # a marker answers hover and click only right under the pointer, so small countries under it stay reachable
    fig.update_layout(legend={"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"}, hoverdistance=4)
    return _frame(fig, title, height=height)


def missions_by_category(
    missions: pd.DataFrame, column: str, labels: Mapping[str, str], colours: Mapping[str, str] | None, title: str
) -> go.Figure:
    """A horizontal bar per category value: how many operations fall in it, with their names on hover."""
    grouped = missions.groupby(column)["short_name"]
    counts = pd.DataFrame({"count": grouped.size(), "names": grouped.agg(", ".join)})
    order = [value for value in labels if value in counts.index]
    counts = counts.loc[order].sort_values("count")
    fig = go.Figure(
        go.Bar(
            orientation="h",
            x=counts["count"].tolist(),
            y=[labels.get(v, v) for v in counts.index],
            marker={"color": [colours.get(v, PALETTE[0]) for v in counts.index] if colours else PALETTE[0]},
            customdata=counts["names"].tolist(),
            text=counts["count"].tolist(),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="<b>%{y}</b>: %{x}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(title="Operations", rangemode="tozero", automargin=True, tickformat="d", nticks=8)
    fig.update_yaxes(title=None, automargin=True)
    return _frame(fig, title, height=max(260, 80 + 44 * len(counts)))


def duration_by_type(
    missions: pd.DataFrame,
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    title: str = "How long operations lasted, by type",
) -> go.Figure:
    """Every operation's duration as a point, with a box per type: the distribution, not just an average."""
    fig = go.Figure()
    for mission_type in colours:
        rows = missions[missions["mission_type"] == mission_type]
        if rows.empty:
            continue
        fig.add_trace(
            go.Box(
                x=rows["duration_years"].tolist(),
                y=[labels.get(mission_type, mission_type)] * len(rows),
                name=labels.get(mission_type, mission_type),
                orientation="h",
                boxpoints="all",
                jitter=0.3,
                pointpos=0,
                marker={"color": colours[mission_type], "size": 10},
                line={"color": colours[mission_type]},
                customdata=list(zip(rows["short_name"], rows["status"], strict=True)),
                hovertemplate="<b>%{customdata[0]}</b>: %{x:.1f} years (%{customdata[1]})<extra></extra>",
            )
        )
    fig.update_xaxes(title="Years (ongoing operations: so far)", rangemode="tozero")
    fig.update_layout(showlegend=False)
    return _frame(fig, title, height=max(260, 80 + 60 * len(fig.data)))


def personnel_over_time(points: pd.DataFrame, title: str) -> go.Figure:
    """Published strength points joined by lines; nothing drawn between points is data."""
    fig = go.Figure(
        go.Scatter(
            x=points["day"].dt.strftime("%Y-%m-%d").tolist(),
            y=points["value"].tolist(),
            mode="lines+markers",
            line={"color": PALETTE[0], "dash": "dot"},
            marker={"size": 9, "color": PALETTE[0]},
            customdata=list(zip(points["date"], points["source"], strict=True)),
            hovertemplate="%{customdata[0]}: %{y:,} personnel<br>Source: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_yaxes(title="Personnel (published figures)", rangemode="tozero", tickformat=",")
    fig.update_xaxes(title=None, type="date")
    return _frame(fig, title, height=320)


DAYS_PER_MONTH = 30.4375
ALIGNMENTS = {"date": "Calendar date", "months": "Months since start"}


def strength_lines(
    points: pd.DataFrame,
    missions: pd.DataFrame,
    align: str = "date",
    title: str = "Published strength over time",
) -> go.Figure:
    """One line per operation through its published strength points only (each point marked).

    `align` 'date' puts the points on the calendar; 'months' measures each from its own operation's
    start, to compare how operations grew and shrank. Operations with no published point draw nothing.
    """
    fig = go.Figure()
    chosen = points[points["mission_id"].isin(missions.index)]
    starts = missions["start_day"].to_dict()
    names = missions["short_name"].astype(str).to_dict()
    for index, (mission_id, rows) in enumerate(chosen.groupby("mission_id", sort=False)):
        start = starts[mission_id]
        if align == "months":
            x: list[Any] = [round((day - start).days / DAYS_PER_MONTH, 1) for day in rows["day"]]
        else:
            x = rows["day"].dt.strftime("%Y-%m-%d").tolist()
        notes = [note if isinstance(note, str) else "" for note in rows["note"]]
        fig.add_trace(
            go.Scatter(
                name=names[mission_id],
                x=x,
                y=rows["value"].tolist(),
                mode="lines+markers",
                line={"color": PALETTE[index % len(PALETTE)], "dash": "dot", "width": 1.5},
                marker={"size": 8, "color": PALETTE[index % len(PALETTE)]},
                customdata=list(zip(rows["mission_id"], rows["date"], rows["source"], notes, strict=True)),
                hovertemplate=(
                    "<b>%{fullData.name}</b>, %{customdata[1]}: %{y:,} personnel<br>%{customdata[3]}"
                    "<br>Source: %{customdata[2]}<extra></extra>"
                ),
            )
        )
    fig.update_yaxes(title="Personnel (published figures)", rangemode="tozero", tickformat=",")
    if align == "months":
        fig.update_xaxes(title="Months since the operation began", rangemode="tozero")
    else:
        fig.update_xaxes(title=None, type="date")
    fig.update_layout(legend={"orientation": "h", "y": -0.2}, hovermode="closest")
    return _frame(fig, title, height=420)
