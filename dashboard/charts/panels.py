"""Panels: one chart with the question it answers, its figure (subtitle and source line inside) and the table it draws.

Streamlit-free, so a page can cache a whole set of panels for one choice of filters and controls,
and tests can check them as data.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, partial

import pandas as pd
import plotly.graph_objects as go
import pycountry

from dashboard import i18n
from dashboard.charts import colours, frame, maps, strength, timeline
from dashboard.dataset import comparisons, geo
from dashboard.dataset.comparisons import readable
from dashboard.dataset.filters import (
    FIRST_YEAR,
    STATUS_LABELS,
    STATUSES,
    STRENGTH_MEASURES,
    Filters,
    matching,
)
from dashboard.dataset.loading import PROJECT, Dataset
from dashboard.dataset.parts import earliest_day, latest_day
from dashboard.dataset.vocabularies import ORGANISATION_SHORT, organisation_short
from dashboard.i18n import N_, _


@dataclass(frozen=True)
class Panel:
    """A chart ready to show: `figure` is None when there is nothing to draw, and `empty` says why."""

    key: str  # widget keys and anchors on the page
    heading: str  # the question the chart answers
    figure: go.Figure | None
    make_table: Callable[[], pd.DataFrame] = field(repr=False, compare=False)  # see table
    file_name: str
    empty: str = ""
    source: str = ""  # the source line inside the figure, as plain text (slide footnotes)
    ids: tuple[str, ...] = ()  # the operations the chart rests on (speaker notes list their sources)

    @cached_property
    def table(self) -> pd.DataFrame:
        """Exactly what the chart draws, with readable headings (also the CSV), made the first time it is asked for.

        Most reruns never show it (it is sent only while "Show the data" is open): selecting, relabelling and
        renaming columns for it cost a new filter a millisecond or more on each chart page.
        """
        return self.make_table()


def framed(
    key: str,
    heading: str,
    figure: go.Figure | None,
    table: Callable[[], pd.DataFrame],
    file_name: str,
    context: tuple[str, str],
    ids: Iterable[str],
    empty: str = "",
) -> Panel:
    """A panel whose figure was built with its subtitle and source line (`context`, given to the chart builder).

    `table` makes the panel's table when it is first asked for, in the language the panel is built in (pass a
    functools.partial, not a lambda over a variable that changes later).
    """
    _subtitle, footer = context
    source = re.sub(r"\s*<br>\s*", " ", footer)
    lang = i18n.language()

    def make_table() -> pd.DataFrame:
        with i18n.using(lang):
            return table()

    return Panel(key, heading, figure, make_table, file_name, _(empty), source, tuple(str(i) for i in ids))


def filters_subtitle(data: Dataset, filters: Filters) -> str:
    """The filters in force, in words; organisations by their short ids (NATO, UN, EU...)."""
    labels = {
        "organisation": {org: organisation_short(org) for org in ORGANISATION_SHORT} | {"coalition": _("coalitions")},
        "mission_type": data.labels("mission_type"),
        "region": data.labels("region"),
        "status": {s: _(STATUS_LABELS[s]) for s in STATUSES},
    }
    return filters.subtitle(labels)


def source_line(
    data: Dataset, based_on: int, shown: int, left_out: str = "", among: str = "filters", **details: str
) -> str:
    """The footer of a chart: where the figures come from and how many records it rests on.

    `among` says which operations `shown` counts: those that match the "filters", or those "chosen" or "shown";
    `left_out` is the whole count sentence to use when some are not drawn ({count}, {total}, {left}).
    """
    if data.last_checked:
        source = _("Source: {project}, from the public sources cited in each record, checked {date}.").format(
            project=PROJECT, date=i18n.shown_date(data.last_checked)
        )
    else:
        source = _("Source: {project}, from the public sources cited in each record.").format(project=PROJECT)
    counts = {
        "filters": _("Based on {count} of the {total} operations that match the filters."),
        "chosen": _("Based on {count} of the {total} operations chosen."),
        "shown": _("Based on {count} of the {total} operations shown."),
    }
    sentence = _(left_out) if based_on < shown and left_out else counts[among]
    return f"{source}<br>{sentence.format(count=based_on, total=shown, left=shown - based_on, **details)}"


def country_name(code: str) -> str:
    """A country's common name from its ISO 3166 alpha-3 code (XKX: Kosovo), in the current language."""
    if code == "XKX":
        return "Kosovo"
    country = pycountry.countries.get(alpha_3=code)
    if not country:
        return code
    if i18n.language() != i18n.DEFAULT_LANGUAGE:
        return _country_names(i18n.language()).gettext(str(country.name))
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _country_names(language: str) -> gettext.NullTranslations:
    """pycountry's own translations of the ISO 3166 names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def place_names(data: Dataset) -> dict[str, str]:
    """Display names for every place a map can show: countries by ISO code, sea areas by vocabulary id
    (worked out once per dataset and language; never change the dict)."""

    def names() -> dict[str, str]:
        countries = {code: country_name(code) for code in data.deployments["country"].unique()}
        return countries | data.labels("sea_areas")

    return data.remembered(("place names", i18n.language()), names)


def map_places(data: Dataset, missions: pd.DataFrame, first: int, last: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Presence tables (dashboard.dataset.geo.presence) of the countries and of the sea areas `missions` deployed to."""
    spans = geo.year_range(missions)
    countries = geo.presence(country_places(data), missions, first, last, spans)
    return countries, geo.presence(geo.sea_places(missions), missions, first, last, spans)


def country_places(data: Dataset) -> pd.DataFrame:
    """geo.country_places of the dataset, made once (the same for every filter). Never change it."""
    return data.remembered(("country places",), lambda: geo.country_places(data.deployments))


# px: the world view is twice as wide as tall, so at a laptop's width a taller figure only adds blank bands above
# and below it; Europe and the Balkans is about as tall as wide and takes the height
MAP_HEIGHTS = {"world": 420, "europe": 500}


def map_figure(
    data: Dataset,
    missions: pd.DataFrame,
    shade: str = "operations",
    view: str = "world",
    year_range: tuple[int, int] | None = None,
    title: str | None = None,
    height: int | None = None,
    headquarters: bool = True,
    places: tuple[pd.DataFrame, pd.DataFrame] | None = None,
    context: frame.Context | None = None,
    scale: tuple[int, str] | None = None,
) -> go.Figure:
    """The deployment map of the given operations: countries, sea areas and (optionally) headquarters.

    `places` is what map_places returns for the same operations and years, when the caller has it; `scale` fixes
    the colour scale (maps.deployment_map). The height, unless given, suits the view's shape (MAP_HEIGHTS).
    """
    first, last = year_range or (FIRST_YEAR, data.today.year)
    countries, seas = places or map_places(data, missions, first, last)
    markers = geo.hq_markers(
        geo.headquarters(data.records, missions.index if headquarters else []),
        dict(zip(missions.index, missions["short_name"], strict=True)),
    )
    return maps.deployment_map(
        countries, seas, data.sea_shapes, markers, place_names(data), shade, view, title,
        height=height or MAP_HEIGHTS.get(view, MAP_HEIGHTS["europe"]),
        context=context, scale=scale,
    )


NO_MATCH = N_("No operation matches these filters.")
STRENGTH_SUBTITLE = N_("Published figures only, each marked; the dotted lines join them and are not data")


def overview_panel(data: Dataset, filters: Filters) -> Panel:
    """Operations under way each year, stacked by type."""
    missions = matching(data, filters)
    type_labels = data.labels("mission_type")
    table = comparisons.active_per_year(missions, type_labels, filters.year_from, min(filters.year_to, data.today.year))
    context = (filters_subtitle(data, filters), source_line(data, len(missions), len(missions)))
    colours = frame.category_colours(list(type_labels))
    figure = None if missions.empty else timeline.operations_per_year(table, colours, context=context)
    heading = _("How many operations were under way each year?")
    shown = partial(readable, table, leave_out=("hover",))
    return framed("overview-per-year", heading, figure, shown, "operations-per-year", context, missions.index, NO_MATCH)


TIMELINE_MAX_BARS = 200  # more operations than this are counted per year: one bar each would not be readable


def campaign_spans(data: Dataset) -> list[timeline.Band]:
    """Every campaign as a band for the timeline: its name, first and last day (today while it goes on), its
    operations."""
    return [
        (campaign.name, earliest_day(campaign.start).isoformat(),
         (latest_day(campaign.end) if campaign.end else data.today).isoformat(), campaign.operations)
        for campaign in data.campaigns
    ]  # fmt: skip


def timeline_panel(data: Dataset, filters: Filters, partners: bool, bands: bool = False) -> Panel:
    """One bar per operation grouped by theatre, with hand-overs and events; NATO only unless `partners`;
    campaigns as bands behind their operations if `bands`.

    Past TIMELINE_MAX_BARS operations, the chart counts those under way each year instead, and says so.
    """
    if not partners:
        filters = replace(filters, organisations=("NATO",))
    missions = matching(data, filters)
    subtitle = filters_subtitle(data, filters)
    type_labels = data.labels("mission_type")
    colours = frame.category_colours(list(type_labels))
    if len(missions) > TIMELINE_MAX_BARS:
        last_year = min(filters.year_to, data.today.year)
        counts = comparisons.active_per_year(missions, type_labels, filters.year_from, last_year)
        footer = (
            source_line(data, len(missions), len(missions))
            + " "
            + _(
                "More than {count} operations match, too many for one bar each: narrow the filters to see each one."
            ).format(count=TIMELINE_MAX_BARS)
        )
        title = _("Operations under way each year, by type")
        figure = timeline.operations_per_year(counts, colours, title, context=(subtitle, footer))
        table = partial(readable, counts, leave_out=("hover",))
        return framed("timeline", _("When did each operation run?"), figure, table, "timeline-per-year",
                      (subtitle, footer), missions.index)  # fmt: skip
    context = (subtitle, source_line(data, len(missions), len(missions)))
    figure = None
    if not missions.empty:
        figure = timeline.mission_timeline(
            missions,
            colours,
            type_labels,
            region_labels=data.labels("region"),
            events=data.events,
            successors={mission_id: record.successors for mission_id, record in data.records.items()},
            context=context,
            bands=campaign_spans(data) if bands else (),
        )
    return framed("timeline", _("When did each operation run?"), figure, partial(timeline_table, missions), "timeline",
                  context, missions.index, NO_MATCH)  # fmt: skip


def timeline_table(missions: pd.DataFrame) -> pd.DataFrame:
    """The timeline's table: each operation with its dates (an operation not ended reads "ongoing")."""
    return (
        missions[["id", "short_name", "name", "organisation", "mission_type_label", "region_label", "start", "end"]]
        .assign(end=missions["end"].fillna(_("ongoing")))
        .rename(columns=comparisons.headings() | {"region_label": _("Theatre")})
    )


def strength_points(data: Dataset, measure: str = "personnel") -> pd.DataFrame:
    """The dated points of one measure, in the personnel table's columns (a count of aircraft or ships notes its
    role and scope where personnel notes its own)."""
    if measure == "personnel":
        return data.personnel

    def build() -> pd.DataFrame:
        rows = data.sizes[(data.sizes["measure"] == measure) & data.sizes["day"].notna()]
        notes = [
            "; ".join(str(part) for part in (role if role and role != "all" else None, scope) if part)
            for role, scope in zip(rows["role"], rows["scope"], strict=True)
        ]
        return rows.assign(note=notes)[list(data.personnel.columns)].reset_index(drop=True)

    return data.remembered(("strength points", measure), build)


def points_per_operation(data: Dataset, measure: str = "personnel") -> dict[str, int]:
    """How many published points of `measure` each operation has, most first (worked out once per dataset)."""

    def count() -> dict[str, int]:
        return {str(i): int(n) for i, n in strength_points(data, measure)["mission_id"].value_counts().items()}

    return data.remembered(("points per operation", measure), count)


def default_strength(data: Dataset, missions: pd.DataFrame, count: int = 4, measure: str = "personnel") -> list[str]:
    """The operations a strength chart shows until someone picks: those with the most published points."""
    shown = set(missions.index)
    return [str(i) for i in points_per_operation(data, measure) if i in shown][:count]


def official_points(points: pd.DataFrame, official_only: bool) -> tuple[pd.DataFrame, str]:
    """The strength points to draw and what the subtitle adds: with `official_only`, only the officially sourced
    points, and how many others were left out."""
    subtitle = _(STRENGTH_SUBTITLE)
    if not official_only:
        return points, subtitle
    kept = points[points["grade"] == "official"]
    left = _("Official sources only: {count} of {total} points rest on other sources and are left out").format(
        count=len(points) - len(kept), total=len(points)
    )
    return kept, f"{subtitle}<br>{left}"


def operation_styles(data: Dataset) -> dict[str, tuple[str, str]]:
    """Each operation's colour (a shade of its type's) and marker, the same on every page: from the whole dataset,
    by start."""
    def build() -> dict[str, tuple[str, str]]:
        missions = data.missions.sort_values(["start_day", "id"])
        pairs = zip(missions["id"].astype(str), missions["mission_type"].astype(str), strict=True)
        return colours.operation_styles(pairs, list(data.labels("mission_type")))

    return data.remembered(("operation-styles",), build)


def strength_panel(
    data: Dataset, chosen: list[str], align: str, key: str = "strength", official_only: bool = False,
    measure: str = "personnel",
) -> Panel:
    """Published strength of the chosen operations over time, on the calendar or by months since start (with
    `official_only`, from official sources only); `measure` personnel, aircraft or ships."""
    chosen = [i for i in chosen if i in data.records]
    measure = measure if measure in STRENGTH_MEASURES else "personnel"
    every_point = strength_points(data, measure)
    points, subtitle = official_points(every_point[every_point["mission_id"].isin(chosen)], official_only)
    drawn = [i for i in chosen if i in set(points["mission_id"])]
    context = (subtitle, source_line(data, len(drawn), len(chosen), among="chosen"))
    figure = None
    if drawn:
        everything = points if official_only else every_point
        figure = strength.strength_lines(everything, data.missions.loc[chosen], align=align, context=context,
                                         title=_(STRENGTH_TITLES[measure]), unit=measure,
                                         styles=operation_styles(data))  # fmt: skip
    empty = STRENGTH_EMPTY[measure]
    return framed(key, _("How did their strength change?"), figure, partial(comparisons.strength_points, points),
                  "strength-over-time" if measure == "personnel" else f"{measure}-over-time", context, drawn,
                  empty)  # fmt: skip


STRENGTH_TITLES = {
    "personnel": N_("Published strength over time"),
    "aircraft": N_("Published aircraft over time"),
    "ships": N_("Published ships over time"),
}  # shown with _()
STRENGTH_EMPTY = {
    "personnel": N_("None of the operations chosen has a published strength figure."),
    "aircraft": N_("None of the operations chosen has a published count of its aircraft."),
    "ships": N_("None of the operations chosen has a published count of its ships."),
}


def map_panel(
    data: Dataset, filters: Filters, year: int | None, shade: str, view: str, headquarters: bool = True
) -> Panel:
    """The /map view: where the operations that match `filters` deployed, in one year or over the whole range."""
    missions = matching(data, filters)
    first_year, last_year = filters.year_from, min(filters.year_to, data.today.year)
    shown = missions if year is None else geo.active_in(missions, year)
    span = (first_year, last_year) if year is None else (first_year, year)
    if year is None:
        title = _("Where the operations deployed")
    else:
        title = _("Where the operations deployed, {year}").format(year=year)
    if shade == "years":
        title = _("Years of presence, {first}-{last}").format(first=span[0], last=span[1])
    countries, seas = places = map_places(data, shown, *span)
    context = (filters_subtitle(data, filters), source_line(data, len(shown), len(missions)))
    figure = None
    if not shown.empty:
        scale = None
        if year is not None:  # every year on one scale, so that a played map's years can be compared
            note = "<br>" + _("fixed for {first}-{last}").format(first=first_year, last=last_year)
            scale = (map_scale_top(data, missions, shade, first_year, last_year), note)
        figure = map_figure(
            data, shown, shade, view, span, title, headquarters=headquarters, places=places, context=context,
            scale=scale,
        )
    heading = _("Where did the operations deploy?")
    table = partial(places_table, data, countries, seas)
    return framed("map", heading, figure, table, "deployments", context, shown.index, NO_MATCH)


def map_scale_top(data: Dataset, missions: pd.DataFrame, shade: str, first: int, last: int) -> int:
    """The largest value any place reaches on the map of any one year from `first` to `last`: the operations
    there in its busiest year, or its years of presence by the last year. Worked out once per filter."""

    def build() -> int:
        if shade == "years":
            return max([1, *(int(v) for table in map_places(data, missions, first, last) for v in table["years"])])
        starts, ends = geo.year_range(missions)
        spans = {str(i): (max(first, int(a)), min(last, int(b)))
                 for i, a, b in zip(missions.index, starts.tolist(), ends.tolist(), strict=True)}  # fmt: skip
        pairs = {(str(mission_id), str(place)) for table in (country_places(data), geo.sea_places(missions))
                 for mission_id, place in zip(table["mission_id"].tolist(), table["place"].tolist(), strict=True)
                 if str(mission_id) in spans}  # fmt: skip
        there = Counter((place, year) for mission_id, place in pairs
                        for year in range(spans[mission_id][0], spans[mission_id][1] + 1))  # fmt: skip
        return max([1, *there.values()])

    return data.remembered(("map-scale", tuple(missions.index), shade, first, last), build, keep=32)


def places_table(data: Dataset, countries: pd.DataFrame, seas: pd.DataFrame) -> pd.DataFrame:
    """The map's table: each country and sea area by name, with what it is."""
    return readable(named_places(data, countries, seas))


def named_places(data: Dataset, countries: pd.DataFrame, seas: pd.DataFrame) -> pd.DataFrame:
    """Country rows then sea-area rows (each with a `place` column), places by name and `kind` added."""
    names = place_names(data)
    table = pd.concat([countries.assign(kind=_("country")), seas.assign(kind=_("sea area"))])
    return table.assign(place=table["place"].map(lambda p: names.get(p, p)))


def mission_map_panel(data: Dataset, mission_id: str) -> Panel:
    """One operation's own countries, seas and headquarters, zoomed to fit."""
    where = data.labelled_missions().loc[[mission_id]]
    name = str(where.iloc[0]["short_name"])
    context = (
        _("Countries as they are today; sea areas are approximate outlines"),
        source_line(data, 1, 1, among="shown"),
    )
    title = _("Where {name} deployed").format(name=name)
    figure = map_figure(data, where, view="fit", title=title, height=420, context=context)
    heading = _("Where did {name} deploy?").format(name=name)
    table = partial(mission_places_table, data, mission_id, where)
    return framed("where-map", heading, figure, table, f"{mission_id}-map", context, [mission_id])


def mission_places_table(data: Dataset, mission_id: str, where: pd.DataFrame) -> pd.DataFrame:
    """A profile map's table: the operation's countries and sea areas by name."""
    places = country_places(data)
    table = named_places(data, places[places["mission_id"] == mission_id], geo.sea_places(where))
    return readable(table[["place", "kind"]])


def mission_strength_panel(data: Dataset, mission_id: str, official_only: bool = False) -> Panel:
    """One operation's published strength points, joined by a dotted line that is not data (with `official_only`,
    from official sources only)."""
    points, subtitle = official_points(data.personnel[data.personnel["mission_id"] == mission_id], official_only)
    name = str(data.missions.loc[mission_id, "short_name"])
    title = _("{name}: published strength").format(name=name)
    context = (subtitle, source_line(data, 1, 1, among="shown"))
    figure = None if len(points) < 2 else strength.personnel_over_time(points, title, context=context)
    empty = N_("Fewer than two published strength figures: nothing to draw.")
    heading = _("How large was {name} over time?").format(name=name)
    return framed("personnel", heading, figure, partial(comparisons.strength_points, points),
                  f"{mission_id}-strength", context, [mission_id], empty)  # fmt: skip
