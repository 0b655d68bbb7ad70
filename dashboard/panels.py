"""Panels: one chart with the question it answers, its figure (subtitle and source line inside) and the table it draws.

Streamlit-free, so a page can cache a whole set of panels for one choice of filters and controls,
and tests can check them as data.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, comparisons
from dashboard.comparisons import readable
from dashboard.filters import STATUSES, Filters, filter_missions
from dashboard.missions import PROJECT, Dataset

NO_PEAK = "None of these operations has a published peak strength."
NO_DEATHS = (
    "None of these operations has both a published peak strength and a published count of its personnel's deaths."
)


@dataclass(frozen=True)
class Panel:
    """A chart ready to show: `figure` is None when there is nothing to draw, and `empty` says why."""

    key: str  # widget keys and anchors on the page
    heading: str  # the question the chart answers
    figure: go.Figure | None
    table: pd.DataFrame  # exactly what the chart draws, with readable headings (also the CSV)
    file_name: str
    empty: str = ""


def filters_subtitle(data: Dataset, filters: Filters) -> str:
    """The filters in force, in words; organisations by their short ids (NATO, UN, EU...)."""
    labels = {
        "organisation": {"coalition": "coalitions"},
        "mission_type": data.labels("mission_type"),
        "region": data.labels("region"),
        "status": {s: s for s in STATUSES},
    }
    return filters.subtitle(labels)


def source_line(
    data: Dataset, based_on: int, shown: int, left_out: str = "", among: str = "that match the filters"
) -> str:
    """The footer of a chart: where the figures come from and how many records it rests on."""
    checked = f", checked {data.last_checked}" if data.last_checked else ""
    count = f"Based on {based_on} of the {shown} operations {among}"
    if based_on < shown and left_out:
        count += f" ({shown - based_on} {left_out})"
    return f"Source: {PROJECT}, from the public sources cited in each record{checked}.<br>{count}."


def compare_panels(
    data: Dataset, filters: Filters, decades: str = "start", log: bool = False, against: str = "strength"
) -> list[Panel]:
    """The /compare charts for the operations that match `filters`, in page order."""
    missions = filter_missions(data.missions, filters)
    type_labels = data.labels("mission_type")
    basis_labels = data.labels("legal_basis_kinds")
    colours = charts.category_colours(list(type_labels))
    subtitle = filters_subtitle(data, filters)
    shown = len(missions)
    everything = source_line(data, shown, shown)
    panels = []

    table = comparisons.by_decade(missions, type_labels, decades)
    title = "Operations by the decade they began" if decades == "start" else "Operations active in each decade"
    figure = charts.with_context(charts.decade_bars(table, colours, title), subtitle, everything)
    panels.append(
        Panel("decades", "When did each kind of operation run?", figure, readable(table), "operations-by-decade")
    )

    table = comparisons.durations(missions)
    figure = charts.values_by_type(
        table, "duration_years", colours, "Years (ongoing operations: so far)",
        "How long operations lasted, by type", "%{x:.1f} years",
    )  # fmt: skip
    figure = charts.with_context(figure, subtitle, everything)
    panels.append(Panel("durations", "How long did each kind last?", figure, readable(table), "durations"))

    table = comparisons.peaks(missions)
    not_drawn = "have no published peak and are not drawn"
    figure = None
    if not table.empty:
        figure = charts.values_by_type(
            table, "peak_personnel", colours, "Peak personnel (published)", "Peak strength, by type",
            "%{x:,} personnel", log=log,
        )  # fmt: skip
        figure = charts.with_context(figure, subtitle, source_line(data, len(table), shown, not_drawn))
    panels.append(Panel("peaks", "How large did each kind grow?", figure, readable(table), "peak-strength", NO_PEAK))

    table = comparisons.outcomes_by_type(missions, type_labels, data.labels("outcome"))
    figure = charts.stacked_by_type(table, "outcome", charts.OUTCOME_COLOURS, "How operations ended, by type")
    figure = charts.with_context(figure, subtitle, everything)
    panels.append(Panel("outcomes", "How did they end?", figure, readable(table), "outcomes-by-type"))

    table = comparisons.legal_basis_by_type(missions, type_labels, basis_labels)
    figure = charts.count_grid(table, "basis", basis_labels, "Legal basis, by type")
    figure = charts.with_context(figure, subtitle, everything + " An operation can rest on more than one basis.")
    panels.append(Panel("basis", "On what legal basis?", figure, readable(table), "legal-basis"))

    table = comparisons.duration_and_peak(missions)
    figure = None
    if not table.empty:
        figure = charts.duration_peak_scatter(
            table, colours, "Duration against peak strength; bubble size: contributing nations", log=log
        )
        footer = source_line(data, len(table), shown, not_drawn)
        footer += " Labels name the ten largest; hover for any. Open circles: number of nations not published."
        figure = charts.with_context(figure, subtitle, footer)
    heading = "Did longer operations grow larger, and draw more nations?"
    panels.append(Panel("scatter", heading, figure, readable(table), "duration-peak", NO_PEAK))

    table = comparisons.personnel_deaths(missions, data.fatalities)
    figure = None
    if not table.empty:
        title = f"Deaths among personnel against {comparisons.DEATHS_AGAINST[against].lower()}"
        figure = charts.deaths_scatter(table, colours, title, against=against, log=log)
        left_out = "have no published peak strength or no published count of their personnel's deaths"
        footer = source_line(data, len(table), shown, left_out)
        footer += " A bar is a published range; counts cover different scopes (hover), so compare with care."
        figure = charts.with_context(figure, subtitle, footer)
    heading = "How many of their own personnel died?"
    panels.append(Panel("deaths", heading, figure, readable(table), "personnel-deaths", NO_DEATHS))
    return panels
