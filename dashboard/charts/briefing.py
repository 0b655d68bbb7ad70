"""Briefing packs: the charts a briefer collected, each one a page, a chart and that page's URL parameters.

Streamlit-free. A view is stored as text (`compare/peaks?type=peacekeeping-stabilisation&log=1`),
so a pack fits in a link (`/brief?pack=...&pack=...`) and is rebuilt from the same panel builders
the pages draw with: a view in a pack shows exactly what the page showed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from dashboard.charts import panels, questions
from dashboard.charts.panels import Panel
from dashboard.dataset.comparisons import QUESTION_CHARTS
from dashboard.dataset.filters import (
    COMPARE_DEFAULT_IDS,
    FIRST_YEAR,
    STATUSES,
    Filters,
    filter_missions,
    read_compare_url,
    read_map_url,
    read_mission_id,
    read_official,
    read_strength_measure,
    read_timeline_url,
    read_url,
)
from dashboard.dataset.loading import Dataset
from dashboard.i18n import N_, _

CHARTS: dict[str, tuple[str, ...]] = {  # page -> the keys of the charts it can add to a pack
    "overview": ("overview-per-year",),
    "timeline": ("timeline", "strength"),
    "map": ("map",),
    "compare": ("decades", "durations", "peaks", "outcomes", "basis", "scatter", "deaths", "side-by-side-strength",
                "aftermath", "peace-years", "assessments", "campaign-deaths"),
    "mission": ("where-map", "personnel"),
}
# a compare chart -> the question on /compare that shows it
COMPARE_QUESTION = {chart: question for question, charts in QUESTION_CHARTS.items() for chart in charts} | {
    "side-by-side-strength": "side-by-side"
}
PAGE_NAMES = {
    "overview": N_("Overview"),
    "timeline": N_("Timeline"),
    "map": N_("Map"),
    "compare": N_("Compare"),
    "mission": N_("Mission profile"),
}  # fmt: skip; shown with _()
# URL parameters that are not part of a view ("question": which of /compare's charts show, named by the chart)
NOT_VIEW_STATE = ("pack", "title", "present", "slide", "lang", "question")
PACK_MAX = 20
EXAMPLE_PACK = (  # offered on an empty /brief page, and what the tests and the bench build
    "compare/peaks?log=1&org=NATO",
    "compare/decades?decades=active",
    "compare/deaths?against=years",
    "timeline/timeline?partners=1&region=balkans",
    "timeline/strength?strength=kfor,isaf&align=months",
    "map/map?view=europe&year=1999",
    "mission/where-map?id=isaf",
    "overview/overview-per-year?type=maritime-security",
)


@dataclass(frozen=True)
class View:
    """One chart as a page showed it: the page, the chart's key and the page's URL parameters."""

    page: str
    chart: str
    params: tuple[tuple[str, str], ...] = ()

    def encode(self) -> str:
        query = urlencode(self.params)
        return f"{self.page}/{self.chart}" + (f"?{query}" if query else "")

    def link(self) -> str:
        """The page's own address (relative), which reopens the view with every choice made.

        A compare chart's link names the question that shows it.
        """
        params = list(self.params)
        question = COMPARE_QUESTION.get(self.chart, "when") if self.page == "compare" else "when"
        if question != "when" and "question" not in dict(params):
            params.insert(0, ("question", question))
        query = urlencode(params)
        return self.page + (f"?{query}" if query else "")


def view_of(page: str, chart: str, params: Sequence[tuple[str, str]]) -> View:
    """A view from a page's current URL parameters, leaving out those that belong to the pack or the display."""
    return View(page, chart, tuple((k, v) for k, v in params if k not in NOT_VIEW_STATE))


def decode(text: str) -> View | None:
    """The view a pack entry names, or None when it is not one (a mistyped or truncated link)."""
    target, _, query = text.partition("?")
    page, _, chart = target.partition("/")
    if chart not in CHARTS.get(page, ()):
        return None
    return view_of(page, chart, parse_qsl(query, keep_blank_values=False))


@dataclass
class PackReading:
    views: list[View] = field(default_factory=list)
    title: str = ""
    notices: list[str] = field(default_factory=list)


def read_pack_url(params: Mapping[str, Sequence[str]]) -> PackReading:
    """The pack a /brief link holds; entries that are not charts are dropped with a notice."""
    reading = PackReading(title=(list(params.get("title", [])) or [""])[-1][:120])
    entries = list(params.get("pack", []))
    for entry in entries:
        view = decode(entry)
        if view is None:
            reading.notices.append(
                _("Ignored pack={value}: not a chart this app can draw; the rest is kept.").format(value=entry[:60])
            )
        elif len(reading.views) < PACK_MAX:
            reading.views.append(view)
    if len(reading.views) == PACK_MAX and len(entries) > PACK_MAX:
        reading.notices.append(
            _("A pack holds at most {count} charts; the first {count} are kept.").format(count=PACK_MAX)
        )
    return reading


def filter_options(data: Dataset) -> dict[str, list[str]]:
    """The values each sidebar filter accepts."""
    return {
        "org": list(data.vocabularies.get("organisation", {})),
        "type": list(data.vocabularies.get("mission_type", {})),
        "region": list(data.vocabularies.get("region", {})),
        "status": list(STATUSES),
    }


def filters_of(data: Dataset, params: Mapping[str, Sequence[str]]) -> Filters:
    """The sidebar filters a set of URL parameters asks for (values not understood fall back to all)."""
    reading = read_url(params, filter_options(data), FIRST_YEAR, data.today.year)
    return Filters(
        organisations=tuple(reading.choices.get("org", [])),
        mission_types=tuple(reading.choices.get("type", [])),
        regions=tuple(reading.choices.get("region", [])),
        statuses=tuple(reading.choices.get("status", [])),
        year_from=reading.year_from or FIRST_YEAR,
        year_to=reading.year_to or data.today.year,
    )


def default_mission(data: Dataset) -> str:
    """The operation a profile shows when none is asked for."""
    return "kfor" if "kfor" in data.records else str(data.missions.index[0])


def build(data: Dataset, view: View, compare: Callable[..., list[Panel]] = questions.compare_panels) -> Panel:
    """The panel a view names, built as its page builds it (`compare`: what builds the /compare charts)."""
    params: dict[str, list[str]] = {}
    for key, value in view.params:
        params.setdefault(key, []).append(value)
    filters = filters_of(data, params)
    if view.page == "overview":
        return panels.overview_panel(data, filters)
    if view.page == "timeline":
        measure = read_strength_measure(params, [])  # the operations with points depend on it
        with_points = list(panels.points_per_operation(data, measure))
        timeline = read_timeline_url(params, with_points)
        if view.chart == "timeline":
            return panels.timeline_panel(data, filters, timeline.partners, timeline.campaigns)
        shown = filter_missions(data.missions, filters)
        if not timeline.partners:
            shown = shown[shown["organisation"] == "NATO"]
        chosen = [i for i in timeline.strength if i in shown.index] or panels.default_strength(
            data, shown, measure=measure
        )
        return panels.strength_panel(data, chosen, timeline.align, official_only=timeline.official, measure=measure)
    if view.page == "map":
        last_year = min(filters.year_to, data.today.year)
        where = read_map_url(params, filters.year_from, last_year)
        return panels.map_panel(data, filters, where.year, where.shade, where.view, where.headquarters)
    if view.page == "compare":
        controls = read_compare_url(params, list(data.records), [c.id for c in data.campaigns])
        if view.chart == "side-by-side-strength":
            ids = controls.ids if controls.ids is not None else [i for i in COMPARE_DEFAULT_IDS if i in data.records]
            return panels.strength_panel(data, ids, controls.align, key=view.chart, official_only=controls.official)
        official = controls.official
        built = compare(data, filters, controls.decades, controls.log, controls.against, official_only=official,
                        measure=controls.measure, campaign=controls.campaign)  # fmt: skip
        return next(p for p in built if p.key == view.chart)
    mission_id, _ = read_mission_id(params, list(data.records), default_mission(data))
    if view.chart == "where-map":
        return panels.mission_map_panel(data, mission_id)
    return panels.mission_strength_panel(data, mission_id, official_only=read_official(params, []))


def describe(data: Dataset, view: View) -> str:
    """Where a view comes from, in words: the page and, for a profile, the operation."""
    where = _(PAGE_NAMES[view.page])
    if view.page == "mission":
        ids = [v for k, v in view.params if k == "id"]
        if ids and ids[-1] in data.records:
            where = _("{page}: {operation}").format(page=where, operation=data.title_of(ids[-1]))
    return where
