"""Chart builders, checked as data (plotly's own style), not as pixels."""

from __future__ import annotations

import pandas as pd

from dashboard import charts
from dashboard.missions import country_counts

COLOURS = charts.category_colours(["peace-enforcement", "peacekeeping-stabilisation", "maritime-security"])
LABELS = {"peacekeeping-stabilisation": "Peacekeeping", "maritime-security": "Maritime"}


def test_colours_are_stable_per_vocabulary_position() -> None:
    assert COLOURS["peace-enforcement"] == charts.PALETTE[0]
    assert COLOURS["maritime-security"] == charts.PALETTE[2]


def test_timeline_has_one_bar_per_operation_coloured_by_type(tables: dict[str, pd.DataFrame]) -> None:
    fig = charts.mission_timeline(tables["missions"], COLOURS, LABELS)
    assert [trace.name for trace in fig.data] == ["Peacekeeping", "Maritime"]
    peacekeeping, maritime = fig.data
    assert list(peacekeeping.y) == ["UNTM", "Minimal"]
    assert list(peacekeeping.base) == ["1992-03-01", "2000-01-15"]
    assert peacekeeping.marker.color == COLOURS["peacekeeping-stabilisation"]
    # the ongoing operation runs to today (2026-11-21): 2009-08-17 + 6305 days
    assert maritime.x[0] == 6305 * 86_400_000
    assert maritime.customdata[0][3] == "ongoing"
    assert fig.layout.template.layout.paper_bgcolor == "white", "explicit template, not Streamlit's"
    assert list(fig.layout.yaxis.categoryarray) == ["SEA", "Minimal", "UNTM"]


def test_operations_per_year_counts_active_operations(tables: dict[str, pd.DataFrame]) -> None:
    fig = charts.operations_per_year(tables["missions"], 1992, 2003, COLOURS, LABELS)
    peacekeeping = fig.data[0]
    counts = dict(zip(peacekeeping.x, peacekeeping.y, strict=True))
    assert counts[1992] == 1 and counts[1996] == 0 and counts[2000] == 1 and counts[2003] == 0
    assert fig.layout.barmode == "stack"


def test_map_shades_countries_by_count_and_draws_kosovo(tables: dict[str, pd.DataFrame]) -> None:
    counts = country_counts(tables["deployments"], tables["missions"])
    fig = charts.deployment_map(counts, {"XKX": "Kosovo", "BIH": "Bosnia and Herzegovina"})
    choropleth = fig.data[0]
    assert list(choropleth.locations) == ["BIH", "XKX"]
    assert list(choropleth.z) == [2, 1]
    assert list(choropleth.customdata[1]) == ["XKX", "Kosovo", "Minimal"]
    assert fig.layout.geo.fitbounds is False
    europe = charts.deployment_map(counts, {}, view="europe")
    assert europe.layout.geo.scope == "europe" and europe.layout.geo.resolution == 50


def test_category_bars_count_and_order(tables: dict[str, pd.DataFrame]) -> None:
    labels = {"succeeded-by-mission": "Succeeded", "handed-over": "Handed over", "ongoing": "Ongoing"}
    fig = charts.missions_by_category(tables["missions"], "outcome", labels, None, "By outcome")
    bar = fig.data[0]
    assert list(bar.y) == ["Succeeded", "Handed over", "Ongoing"]
    assert list(bar.x) == [1, 1, 1]
    assert fig.layout.title.text == "By outcome"


def test_duration_shows_every_operation_not_an_average(tables: dict[str, pd.DataFrame]) -> None:
    fig = charts.duration_by_type(tables["missions"], COLOURS, LABELS)
    peacekeeping = fig.data[0]
    assert peacekeeping.boxpoints == "all"
    assert sorted(peacekeeping.x) == sorted(tables["missions"].loc[["un-op", "minimal-op"], "duration_years"])


def test_personnel_line_goes_through_published_points_only(tables: dict[str, pd.DataFrame]) -> None:
    fig = charts.personnel_over_time(tables["personnel"], "Strength")
    line = fig.data[0]
    assert list(line.x) == ["2000-02-01", "2001-01-01"]
    assert list(line.y) == [1000, 800]
    assert line.mode == "lines+markers"
    assert line.customdata[1][1] == "https://example.org/b"
