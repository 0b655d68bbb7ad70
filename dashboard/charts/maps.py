"""Where they deployed: countries and sea areas shaded, headquarters marked, drawn from committed geometry."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from dashboard.charts.frame import MAP_SCALE, Context, Unchanging, framed_figure, unchecked
from dashboard.i18n import N_, _

SEA_SCALE = [[0.0, "#d8f0ec"], [1.0, "#2a9d8f"]]
HQ_COLOUR = "#b91c1c"
HALO = "1px 1px 1px #fff, -1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff"
MEASURE_TITLES = {"operations": N_("Operations"), "years": N_("Years of presence")}  # shown with _()
VIEWS: dict[str, dict[str, Any]] = {
    # the part of the world the operations reached (Katrina relief in the United States to Pakistan, Iceland to
    # Somalia): the whole globe left Europe, where most of them were, a few hundred pixels wide
    "world": {"projection": {"type": "natural earth"}, "lonaxis": {"range": [-128, 82]},
              "lataxis": {"range": [-20, 72]}},
    "europe": {"scope": "europe", "resolution": 50, "lonaxis": {"range": [5, 35]}, "lataxis": {"range": [35, 50]}},
    "fit": {"resolution": 50, "fitbounds": "locations", "projection": {"type": "mercator"}},
}


def amount(value: int, measure: str) -> str:
    """'1 operation', '3 operations', '1 year of presence': a hover's count with its plural right."""
    if measure == "operations":
        return _("1 operation") if value == 1 else _("{count} operations").format(count=value)
    return _("1 year of presence") if value == 1 else _("{count} years of presence").format(count=value)


LABEL_GAP = {"europe": 0.9, "fit": 0.45}  # degrees between two named markers (closer ones: the busier is named)


def spaced_labels(markers: pd.DataFrame, view: str) -> list[str]:
    """The markers' names, leaving out any that would sit on a name already placed (Durrës by Tirana, Lago
    Patria by Naples) or run off the map's edge; the headquarters with more operations is named first. Every
    marker keeps its hover."""
    count = [len(str(m).split(", ")) for m in markers["missions"]]
    lats, lons, labels = markers["lat"].tolist(), markers["lon"].tolist(), markers["label"].tolist()
    ranges = VIEWS.get(view, {})
    lon_range, lat_range = ranges.get("lonaxis", {}).get("range"), ranges.get("lataxis", {}).get("range")
    gap = LABEL_GAP.get(view, 0.9)
    placed: list[tuple[float, float]] = []
    shown = [""] * len(labels)
    for row in sorted(range(len(labels)), key=lambda r: (-count[r], r)):
        lat, lon = float(lats[row]), float(lons[row])
        if lon_range and not lon_range[0] + 1.5 <= lon <= lon_range[1] - 1.5:
            continue  # the name would run off the map
        if lat_range and not lat_range[0] + 0.5 <= lat <= lat_range[1] - 0.8:
            continue
        squeeze = math.cos(math.radians(lat))
        if any(math.hypot((lon - x) * squeeze, (lat - y) * 2) < gap for y, x in placed):
            continue  # a name drawn above its marker is wider than tall: neighbours count double north-south
        placed.append((lat, lon))
        shown[row] = labels[row]
    return shown


def _place_data(places: pd.DataFrame, names: Mapping[str, str], measure: str) -> list[list[str]]:
    """Per place: its code, its name, the operations there, and the count in words."""
    return [
        [p, names.get(p, p), d, amount(int(v), measure)]
        for p, d, v in zip(places["place"], places["details"], places[measure], strict=True)
    ]


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
    scale: tuple[int, str] | None = None,
) -> go.Figure:
    """Countries and sea areas shaded by `measure` ('operations' or 'years'), with headquarters markers.

    `scale`: (top, note) to fix the colour scale's top over several maps (the years of a played map), the note
    saying so in the scales' titles; by default the scale runs to this map's largest value.

    `countries` and `seas` are presence tables (dashboard.dataset.geo.presence); `sea_shapes` is the GeoJSON of
    the sea areas; `markers` comes from dashboard.dataset.geo.hq_markers. `view` is 'world', 'europe' (the
    Balkans at 1:50m) or 'fit' (zoomed to what is drawn, for a single operation's profile).
    """
    title = title if title is not None else _("Where the operations deployed")
    hover_text = _("<b>%{customdata[1]}</b><br>%{customdata[3]}<br>%{customdata[2]}<extra></extra>")
    sea_hover_text = _(
        "<b>%{customdata[1]}</b> (approximate outline)<br>%{customdata[3]}<br>%{customdata[2]}<extra></extra>"
    )
    top = max([1, *countries[measure].tolist(), *seas[measure].tolist()])
    top, note = (max(top, scale[0]), scale[1]) if scale else (top, "")
    # two short scales beside the map, countries over sea areas; no legend, so the map has the rest of the width
    ticks = {"tickformat": "d", "thickness": 12, "len": 0.46, "x": 1.0, "xanchor": "left",
             # whole numbers only: with a small maximum, automatic ticks fall on halves and repeat as "1, 1"
             "dtick": max(1, math.ceil(top / 4))}  # fmt: skip
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
                colorbar=ticks | {"title": {"text": _("Countries") + "<br>" + _(MEASURE_TITLES[measure]) + note},
                                  "y": 1.0, "yanchor": "top"},
                customdata=_place_data(countries, names, measure),
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
                showscale=view != "fit",
                colorbar=ticks | {"title": {"text": _("Sea areas") + "<br>" + _(MEASURE_TITLES[measure])},
                                  "y": 0.0, "yanchor": "bottom"},
                showlegend=True,
                marker={"line": {"color": "#1f7a6f", "width": 0.8}, "opacity": 0.6},
                customdata=_place_data(seas, names, measure),
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
                text=spaced_labels(markers, view),
                textposition="top center",
                # dark red on a white halo: readable on the darkest country and on the sea
                textfont={"size": 12, "color": "#7f1d1d", "shadow": HALO},
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
        # no legend beside the map, which takes the whole width: the scales and the page's text say what is drawn
        "showlegend": False,
        # a marker answers hover and click only right under the pointer, so small countries under it stay reachable
        "hoverdistance": 4,
    }
    return framed_figure(traces, layout, title, height=height, context=context)
