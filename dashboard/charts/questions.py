"""The /compare page's charts, one question at a time, for the operations that match the filters."""

from __future__ import annotations

from collections.abc import Collection
from functools import partial

import pandas as pd

from dashboard.charts import compare, frame
from dashboard.charts.judged import outcome_panels
from dashboard.charts.panels import Panel, filters_subtitle, framed, source_line
from dashboard.dataset import comparisons
from dashboard.dataset.comparisons import BASIS_LABELS, SIZE_MEASURES, readable
from dashboard.dataset.filters import DEFAULT_CAMPAIGN, Filters, matching, matching_ids, matching_positions
from dashboard.dataset.loading import Dataset
from dashboard.i18n import N_, _, duration_text

NO_SIZE = N_("None of these operations has a published figure in this measure.")
SIZE_UNITS = {"personnel": N_("personnel"), "aircraft": N_("aircraft"), "ships": N_("ships"),
              "sorties": N_("sorties"), "vessels-hailed": N_("vessels hailed")}  # fmt: skip
NOT_SIZED = N_(
    "Based on {count} of the {total} operations that match the filters ({left} have no published figure in "
    "{measure}{official} and are not drawn)."
)
SIZE_NOTE = N_("A filled dot is a stated peak; an open diamond the largest figure published where none is stated.")


def readable_sizes(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    """comparisons.largest as a reader sees it: the value headed by its measure, what each value is in words."""
    shown = readable(table.assign(size_basis=[_(BASIS_LABELS[basis]) for basis in table["size_basis"]]))
    heading = _("Peak personnel") if measure == "personnel" else _(SIZE_MEASURES[measure])
    return shown.rename(columns={_("Value"): heading})
NO_DEATHS = N_(
    "None of these operations has both a published peak strength and a published count of its personnel's deaths."
)
DEATHS_TITLES = {
    "strength": N_("Deaths among personnel against peak strength"),
    "years": N_("Deaths among personnel against years"),
}


def compare_panels(
    data: Dataset,
    filters: Filters,
    decades: str = "start",
    log: bool = False,
    against: str = "strength",
    only: Collection[str] | None = None,
    official_only: bool = False,
    measure: str = "personnel",
    campaign: str = DEFAULT_CAMPAIGN,
) -> list[Panel]:
    """The /compare charts for the operations that match `filters`, in page order: all, or those keyed in `only`.

    With `official_only`, the charts of figures (peaks, duration against peak, deaths) draw only the figures whose
    source is official, and say how many they left out.
    """
    # the peak charts take their rows from the whole table: the others need the matching table, copied once
    rows, every_id = matching_positions(data, filters), matching_ids(data, filters)
    peak_rows = rows
    if official_only:
        grades = data.missions["peak_personnel_grade"].tolist()
        peak_rows = [row for row in rows if grades[row] == "official"]

    def missions() -> pd.DataFrame:
        return matching(data, filters)

    type_labels = data.labels("mission_type")
    basis_labels = data.labels("legal_basis_kinds")
    colours = frame.category_colours(list(type_labels))
    subtitle = filters_subtitle(data, filters)
    shown = len(rows)
    everything = (subtitle, source_line(data, shown, shown))
    panels: list[Panel] = []

    def wanted(key: str) -> bool:
        return only is None or key in only

    if wanted("decades"):
        table = comparisons.by_decade(missions(), type_labels, decades)
        title = (
            _("Operations by the decade they began") if decades == "start" else _("Operations active in each decade")
        )
        figure = compare.decade_bars(table, colours, title, context=everything)
        heading = _("When did each kind of operation run?")
        panels.append(
            framed("decades", heading, figure, partial(readable, table), "operations-by-decade", everything, every_id)
        )

    if wanted("durations"):
        table = comparisons.durations(missions())
        figure = compare.values_by_type(
            table, "duration_years", colours, _("Years (ongoing operations: so far)"),
            _("How long operations lasted, by type"), "%{customdata[2]}", context=everything, shown=duration_text,
        )  # fmt: skip
        heading = _("How long did each kind last?")
        panels.append(framed("durations", heading, figure, partial(readable, table), "durations", everything, every_id))

    sized = None  # each operation's size in `measure`, worked out once for the two charts that draw it

    def sizes() -> pd.DataFrame:
        nonlocal sized
        if sized is None:
            published = data.sizes[data.sizes["grade"] == "official"] if official_only else data.sizes
            sized = comparisons.largest(data.labelled_missions(), published, measure, rows)
        return sized

    unit = _(SIZE_UNITS[measure])
    official = _(" from an official source") if official_only else ""
    if wanted("peaks"):
        table = sizes()
        footer = source_line(data, len(table), shown, NOT_SIZED, measure=unit, official=official)
        context = (subtitle, footer + " " + _(SIZE_NOTE))
        figure = None
        if not table.empty:
            if measure == "personnel":
                axis, title = _("Peak personnel (published)"), _("Peak strength, by type")
            else:
                axis = _("{measure} (largest published figure)").format(measure=_(SIZE_MEASURES[measure]))
                title = _("{measure}: largest published figure, by type").format(measure=_(SIZE_MEASURES[measure]))
            figure = compare.sizes_by_type(table, colours, axis, title, unit, log=log, context=context)
        heading = _("How large did each kind grow?")
        panels.append(framed("peaks", heading, figure, partial(readable_sizes, table, measure), f"largest-{measure}",
                             context, table["id"], NO_SIZE))  # fmt: skip

    if wanted("outcomes"):
        table = comparisons.outcomes_by_type(missions(), type_labels, data.labels("outcome"))
        figure = compare.stacked_by_type(
            table, "outcome", compare.OUTCOME_COLOURS, _("How operations ended, by type"), context=everything
        )
        heading = _("How did they end?")
        panels.append(
            framed("outcomes", heading, figure, partial(readable, table), "outcomes-by-type", everything, every_id)
        )

    if wanted("basis"):
        table = comparisons.legal_basis_by_type(missions(), type_labels, basis_labels)
        context = (subtitle, everything[1] + " " + _("An operation can rest on more than one basis."))
        figure = compare.count_grid(table, "basis", basis_labels, _("Legal basis, by type"), context=context)
        panels.append(
            framed(
                "basis", _("On what legal basis?"), figure, partial(readable, table), "legal-basis", context, every_id
            )
        )

    if wanted("scatter"):
        table = sizes()
        footer = source_line(data, len(table), shown, NOT_SIZED, measure=unit, official=official)
        footer += " " + _("Labels name the largest (up to ten, where they fit); hover for any. Open circles: "
                          "number of nations not published.")
        figure = None
        if not table.empty:
            title = _("Duration against peak strength; bubble size: contributing nations")
            y_title: str | None = None
            hover_unit: str | None = None
            if measure != "personnel":
                named = _(SIZE_MEASURES[measure])
                title = _("Duration against {measure}; bubble size: contributing nations").format(measure=named.lower())
                y_title, hover_unit = _("{measure} (largest published figure)").format(measure=named), unit
            figure = compare.duration_peak_scatter(
                table, colours, title, log=log, context=(subtitle, footer), value_column="value", axis_title=y_title,
                unit=hover_unit,
            )
        heading = _("Did longer operations grow larger, and draw more nations?")
        panels.append(framed("scatter", heading, figure, partial(readable_sizes, table, measure), f"duration-{measure}",
                             (subtitle, footer), table["id"], NO_SIZE))  # fmt: skip

    if wanted("deaths"):
        deaths_of, counts = missions(), data.fatalities
        if official_only:  # the chart needs a peak and a count (comparisons.personnel_deaths): both official
            counts = counts[counts["grade"] == "official"]
            deaths_of = data.labelled_missions().iloc[peak_rows]
        table = comparisons.personnel_deaths(deaths_of, counts)
        left_out = N_(
            "Based on {count} of the {total} operations that match the filters ({left} have no published peak "
            "strength or no published count of their personnel's deaths)."
        )
        if official_only:
            left_out = N_(
                "Based on {count} of the {total} operations that match the filters ({left} have no peak strength "
                "or no count of their personnel's deaths from an official source: official sources only)."
            )
        footer = source_line(data, len(table), shown, left_out)
        footer += " " + _("A bar is a published range; counts cover different scopes (hover), so compare with care.")
        figure = None
        if not table.empty:
            title = _(DEATHS_TITLES[against])
            figure = compare.deaths_scatter(table, colours, title, against=against, log=log, context=(subtitle, footer))
        heading = _("How many of their own personnel died?")
        panels.append(framed("deaths", heading, figure, partial(readable, table), "personnel-deaths",
                             (subtitle, footer), table["id"], NO_DEATHS))  # fmt: skip
    panels += outcome_panels(data, missions, shown, subtitle, wanted, campaign)
    return panels
