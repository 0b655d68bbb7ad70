"""The sidebar filters as plain data, how they apply to the table, and how URL parameters are read.

Streamlit-free: the sidebar widgets (dashboard/ui/sidebar.py) hold the values; this module decides what a
value means and what to tell the user when a URL parameter is not understood.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.dataset.comparisons import DEATHS_AGAINST, DECADE_MODES, QUESTIONS, SIZE_MEASURES
from dashboard.i18n import N_, _, either, language

if TYPE_CHECKING:
    from dashboard.dataset.loading import Dataset

FIRST_YEAR = 1990
STATUSES = ("ongoing", "ended")
STATUS_LABELS = {"ongoing": N_("ongoing"), "ended": N_("ended")}  # shown with _(), capitalised in lists
# how a strength chart lines its operations up (`align` in the URL)
ALIGNMENTS = {"date": N_("Calendar date"), "months": N_("Months since start")}  # shown with _()
FLAG = ("1", "0")  # values of an on/off URL parameter
# URL parameter -> (mission table column, the notices for an unknown value: some values kept / none kept)
CHOICE_PARAMETERS = {
    "org": (
        "organisation",
        N_("Ignored org={values}: not a known organisation; showing the rest of your choice."),
        N_("Ignored org={values}: not a known organisation; showing every organisation."),
    ),
    "type": (
        "mission_type",
        N_("Ignored type={values}: not a known mission type; showing the rest of your choice."),
        N_("Ignored type={values}: not a known mission type; showing every mission type."),
    ),
    "region": (
        "region",
        N_("Ignored region={values}: not a known region; showing the rest of your choice."),
        N_("Ignored region={values}: not a known region; showing every region."),
    ),
    "status": (
        "status",
        N_("Ignored status={values}: not a known status; showing the rest of your choice."),
        N_("Ignored status={values}: not a known status; showing every status."),
    ),
}


@dataclass(frozen=True)
class Filters:
    """What the user chose; an empty choice means every value."""

    organisations: tuple[str, ...] = ()
    mission_types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    year_from: int = FIRST_YEAR
    year_to: int = 9999

    def describe(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """One line for captions and exports: 'NATO; peace enforcement; 1990-2026'."""
        labels = labels or {}
        parts = []
        for values, vocabulary in (
            (self.organisations, "organisation"),
            (self.mission_types, "mission_type"),
            (self.regions, "region"),
            (self.statuses, "status"),
        ):
            if values:
                parts.append(", ".join(labels.get(vocabulary, {}).get(v, v) for v in values))
        parts.append(f"{self.year_from}-{self.year_to}")
        return "; ".join(parts)

    def subtitle(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """The filters in force, in words, for a chart's subtitle: 'NATO · Peace enforcement · active 1993-1999'."""
        labels = labels or {}
        parts = []
        for values, vocabulary, everything in (
            (self.organisations, "organisation", N_("NATO and partner organisations")),
            (self.mission_types, "mission_type", N_("all mission types")),
            (self.regions, "region", N_("all regions")),
            (self.statuses, "status", ""),
        ):
            if values:
                parts.append(", ".join(labels.get(vocabulary, {}).get(v, v) for v in values))
            elif everything:
                parts.append(_(everything))
        parts.append(_("active {first}-{last}").format(first=self.year_from, last=self.year_to))
        return " · ".join(parts)


FILTERED_COLUMNS = {
    "organisation": "organisations",
    "mission_type": "mission_types",
    "region": "regions",
    "status": "statuses",
}


def filter_columns(missions: pd.DataFrame) -> dict[str, list[Any]]:
    """What the filters test, as lists: the chosen-value columns, the first and last year each was active,
    and the ids."""
    columns = {column: missions[column].tolist() for column in FILTERED_COLUMNS}
    columns["first_year"] = missions["start_day"].dt.year.tolist()
    columns["last_year"] = missions["bar_end"].dt.year.tolist()
    columns["id"] = [str(mission_id) for mission_id in missions.index]
    return columns


def matching_rows(columns: Mapping[str, list[Any]], filters: Filters) -> list[int]:
    """The rows that match every chosen value and were active at some time in the year range.

    A test on plain lists (from filter_columns): NumPy's isin and comparisons cost a new filter half a
    millisecond more, and every chart page filters at least once a rerun.
    """
    tests = [
        (columns[column], set(chosen))
        for column, field in FILTERED_COLUMNS.items()
        if (chosen := getattr(filters, field))
    ]
    first, last = columns["first_year"], columns["last_year"]
    return [
        row
        for row in range(len(first))
        # active at some time in [year_from, year_to]: began by year_to and ended in or after year_from
        if first[row] <= filters.year_to and last[row] >= filters.year_from
        and all(values[row] in chosen for values, chosen in tests)
    ]  # fmt: skip


def filter_missions(missions: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The missions that match the filters (matching_rows)."""
    return _rows(missions, matching_rows(filter_columns(missions), filters))


def _rows(table: pd.DataFrame, rows: list[int]) -> pd.DataFrame:
    """These rows of the table: the table itself when they are all of it (no copy)."""
    return table if len(rows) == len(table) else table.iloc[rows]


def _columns(data: Dataset) -> dict[str, list[Any]]:
    # the filtered columns hold ids, never labels: the same lists serve every language
    return data.remembered(("filter columns",), lambda: filter_columns(data.missions))


def matching(data: Dataset, filters: Filters, labelled: bool = True) -> pd.DataFrame:
    """filter_missions on the dataset's missions, worked out once per filters (and language) for every session.

    `labelled`: with the label columns in the current language (Dataset.labelled_missions); otherwise as
    loaded (English labels: the data page's CSV). A page and its charts ask for the same filters several
    times a rerun, and a class for the same few combinations many times over.
    """
    base = data.labelled_missions() if labelled else data.missions
    key = ("matching", filters, None if base is data.missions else language())

    return data.remembered(key, lambda: _rows(base, matching_positions(data, filters)))


def matching_positions(data: Dataset, filters: Filters) -> list[int]:
    """The rows of the dataset's missions table (and of its labelled copies) that match, worked out once per
    filters: for what needs only some columns of them, without copying the whole table (matching)."""
    return data.remembered(("matching rows", filters), lambda: matching_rows(_columns(data), filters))


def matching_ids(data: Dataset, filters: Filters) -> list[str]:
    """The ids of the missions that match, in table order, without copying the table."""
    ids = _columns(data)["id"]
    return data.remembered(("matching ids", filters), lambda: [ids[row] for row in matching_positions(data, filters)])


@dataclass
class UrlReading:
    """What the URL asked for, and the notices for what was dropped."""

    choices: dict[str, list[str]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    notices: list[str] = field(default_factory=list)


def read_url(
    params: Mapping[str, Sequence[str]], options: Mapping[str, Sequence[str]], first_year: int, last_year: int
) -> UrlReading:
    """Check URL parameters against the known values; unknown ones are dropped with a notice.

    `params` maps a parameter to all its values (`?type=a&type=b` -> ['a', 'b']); `options` maps
    each choice parameter (org, type, region, status) to the values it accepts.
    """
    reading = UrlReading()
    for name, (_column, some_kept, none_kept) in CHOICE_PARAMETERS.items():
        given = list(params.get(name, []))
        known = [v for v in given if v in options.get(name, ())]
        unknown = [v for v in given if v not in options.get(name, ())]
        if known:
            reading.choices[name] = known
        if unknown:
            reading.notices.append(_(some_kept if known else none_kept).format(values=", ".join(unknown)))
    years: dict[str, int] = {}
    for name in ("from", "to"):
        values = list(params.get(name, []))
        if not values:
            continue
        text = values[-1]
        year = whole_number(text, first_year, last_year)
        if year is not None:
            years[name] = year
        else:
            fallback = first_year if name == "from" else last_year
            reading.notices.append(
                _("Ignored {parameter}={value}: the year must be between {first} and {last}; using {fallback}.").format(
                    parameter=name, value=text[:20], first=first_year, last=last_year, fallback=fallback
                )
            )
    if "from" in years and "to" in years and years["from"] > years["to"]:
        reading.notices.append(
            _("Ignored from={start} and to={end}: the range is reversed; showing {first}-{last}.").format(
                start=years["from"], end=years["to"], first=first_year, last=last_year
            )
        )
        years = {}
    reading.year_from, reading.year_to = years.get("from"), years.get("to")
    return reading


def read_mission_id(
    params: Mapping[str, Sequence[str]], known_ids: Sequence[str], default: str
) -> tuple[str, str | None]:
    """The mission a profile URL asks for, or the default with a notice saying why."""
    values = list(params.get("id", []))
    if not values:
        return default, None
    if values[-1] in known_ids:
        return values[-1], None
    return default, _("Ignored id={value}: no operation has that id; showing {default} instead.").format(
        value=values[-1], default=default
    )


WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: '²' and '⑤' pass str.isdigit() and then fail int()


def whole_number(text: str, low: int, high: int) -> int | None:
    """An integer URL parameter: ASCII digits only, at most nine of them, from low to high; otherwise None.

    Every page reads its whole-number parameters (years, seed, step, slide) through this one function, so a
    value such as `from=²` or a thousand digits falls back with a notice instead of breaking the page.
    """
    if not WHOLE_NUMBER.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def one_of(
    params: Mapping[str, Sequence[str]], name: str, allowed: Sequence[str], fallback: str, notices: list[str]
) -> str | None:
    """The parameter's last value if it is one of `allowed`; otherwise None, with a notice naming the fallback.

    `fallback` is the whole notice (translated where it is shown), with {value} and {allowed} to fill in.
    """
    values = list(params.get(name, []))
    if not values:
        return None
    if values[-1] in allowed:
        return values[-1]
    notices.append(_(fallback).format(value=values[-1], allowed=either(list(allowed))))
    return None


MAP_SHADES = ("operations", "years")
MAP_VIEWS = ("world", "europe")


@dataclass
class MapReading:
    """What a /map URL asked for (`year`, `shade`, `view`), and notices for what was not understood."""

    year: int | None = None  # None: every year in the sidebar's range
    shade: str = MAP_SHADES[0]
    view: str = MAP_VIEWS[0]
    headquarters: bool = True
    notices: list[str] = field(default_factory=list)


def read_map_url(params: Mapping[str, Sequence[str]], first_year: int, last_year: int) -> MapReading:
    """Check the map's own URL parameters; a value not understood falls back to the default, with a notice."""
    reading = MapReading()
    year = list(params.get("year", []))
    if year:
        text = year[-1]
        reading.year = whole_number(text, first_year, last_year)
        if reading.year is None:
            reading.notices.append(
                _("Ignored year={value}: the map's year must be between {first} and {last}; showing all years.").format(
                    value=text[:20], first=first_year, last=last_year
                )
            )
    notices = reading.notices
    reading.shade = one_of(params, "shade", MAP_SHADES, N_("Ignored shade={value}: use {allowed}; showing operations."),
                           notices) or reading.shade  # fmt: skip
    reading.view = one_of(params, "view", MAP_VIEWS, N_("Ignored view={value}: use {allowed}; showing world."),
                          notices) or reading.view  # fmt: skip
    reading.headquarters = one_of(params, "hq", FLAG, N_("Ignored hq={value}: use {allowed}; showing headquarters."),
                                  notices) != "0"  # fmt: skip
    return reading


@dataclass
class TimelineReading:
    """What a /timeline URL asked for (`partners`, `campaigns`, `strength`, `align`), and notices for what was not
    understood."""

    partners: bool = False
    campaigns: bool = False  # campaigns drawn as bands behind their operations' bars
    measure: str = "personnel"  # what the strength chart draws: personnel, aircraft or ships
    strength: list[str] = field(default_factory=list)  # empty: the page's default choice
    align: str = "date"
    official: bool = False  # strength from official sources only
    notices: list[str] = field(default_factory=list)


def read_official(params: Mapping[str, Sequence[str]], notices: list[str]) -> bool:
    """`official=1`: draw only the figures whose source is official (data/publishers.yaml)."""
    every = N_("Ignored official={value}: use {allowed}; showing figures from every source.")
    return one_of(params, "official", FLAG, every, notices) == "1"


def read_strength_measure(params: Mapping[str, Sequence[str]], notices: list[str]) -> str:
    """`measure=`: what the timeline's strength chart draws (STRENGTH_MEASURES), personnel by default."""
    people = N_("Ignored measure={value}: use {allowed}; showing personnel.")
    return one_of(params, "measure", list(STRENGTH_MEASURES), people, notices) or "personnel"


def read_timeline_url(params: Mapping[str, Sequence[str]], with_strength: Sequence[str]) -> TimelineReading:
    """Check the timeline's own URL parameters; `with_strength` are the ids that have published strength."""
    reading = TimelineReading()
    hidden = N_("Ignored partners={value}: use {allowed}; partner missions are hidden.")
    reading.partners = one_of(params, "partners", FLAG, hidden, reading.notices) == "1"
    no_bands = N_("Ignored campaigns={value}: use {allowed}; campaigns are not drawn.")
    reading.campaigns = one_of(params, "campaigns", FLAG, no_bands, reading.notices) == "1"
    asked = [i for value in params.get("strength", []) for i in value.split(",") if i]
    reading.strength = [i for i in asked if i in with_strength]
    unknown = [i for i in asked if i not in with_strength]
    if unknown:
        reading.notices.append(
            _("Ignored strength={values}: no published strength among the operations shown.").format(
                values=", ".join(unknown)
            )
        )
    reading.measure = read_strength_measure(params, reading.notices)
    calendar = N_("Ignored align={value}: use {allowed}; showing calendar dates.")
    reading.align = one_of(params, "align", list(ALIGNMENTS), calendar, reading.notices) or "date"
    reading.official = read_official(params, reading.notices)
    return reading


STRENGTH_MEASURES = ("personnel", "aircraft", "ships")  # what the timeline's strength chart can draw
COMPARE_DEFAULT_IDS = ("sfor", "kfor", "isaf")
COMPARE_MAX = 4


DEFAULT_CAMPAIGN = "afghanistan-2001-2021"  # the campaign the human-cost question shows first


@dataclass
class CompareReading:
    """What a /compare URL asked for (`question`, `ids`, `decades`, `log`, `align`, `against`, `official`), and
    notices for what was not understood."""

    question: str = "when"
    ids: list[str] | None = None  # None: the page's default choice
    decades: str = "start"
    log: bool = False
    align: str = "months"
    against: str = "strength"
    official: bool = False
    measure: str = "personnel"
    campaign: str = DEFAULT_CAMPAIGN
    notices: list[str] = field(default_factory=list)


def read_compare_url(
    params: Mapping[str, Sequence[str]], known_ids: Sequence[str], campaign_ids: Sequence[str] = (DEFAULT_CAMPAIGN,)
) -> CompareReading:
    """Check the compare page's own URL parameters; a value not understood falls back with a notice."""
    reading = CompareReading()
    if "ids" in params:
        asked = list(dict.fromkeys(i for value in params["ids"] for i in value.split(",") if i))
        known = [i for i in asked if i in known_ids]
        unknown = [i for i in asked if i not in known_ids]
        if unknown:
            reading.notices.append(
                _("Ignored ids={values}: no operation has that id.").format(values=", ".join(unknown))
            )
        if len(known) > COMPARE_MAX:
            reading.notices.append(
                _("Ignored ids={values}: side by side shows at most {count} operations.").format(
                    values=", ".join(known[COMPARE_MAX:]), count=COMPARE_MAX
                )
            )
            known = known[:COMPARE_MAX]
        reading.ids = known if known or not asked else None
    notices = reading.notices
    by_start = N_("Ignored decades={value}: use {allowed}; counting by start.")
    reading.decades = one_of(params, "decades", list(DECADE_MODES), by_start, notices) or "start"
    linear = N_("Ignored log={value}: use {allowed}; showing a linear scale.")
    reading.log = one_of(params, "log", FLAG, linear, notices) == "1"
    by_months = N_("Ignored align={value}: use {allowed}; aligning by months since start.")
    reading.align = one_of(params, "align", list(ALIGNMENTS), by_months, notices) or "months"
    strength = N_("Ignored against={value}: use {allowed}; showing strength.")
    reading.against = one_of(params, "against", list(DEATHS_AGAINST), strength, notices) or "strength"
    reading.official = read_official(params, notices)
    personnel = N_("Ignored measure={value}: use {allowed}; measuring in personnel.")
    reading.measure = one_of(params, "measure", list(SIZE_MEASURES), personnel, notices) or "personnel"
    first = campaign_ids[0] if campaign_ids else DEFAULT_CAMPAIGN
    first_campaign = N_("Ignored campaign={value}: use {allowed}; showing the first campaign.")
    reading.campaign = one_of(params, "campaign", list(campaign_ids), first_campaign, notices) or first
    when = N_("Ignored question={value}: use {allowed}; showing when operations ran.")
    if "question" in params:
        reading.question = one_of(params, "question", list(QUESTIONS), when, notices) or "when"
    else:
        reading.question = _implied_question(params)
    return reading


def _implied_question(params: Mapping[str, Sequence[str]]) -> str:
    """The question a link with no `question` (made before the page asked one at a time) was about."""
    implied = ((("ids", "align"), "side-by-side"), (("against", "campaign"), "human-cost"),
               (("log", "measure"), "how-large"))  # fmt: skip
    for names, question in implied:
        if any(name in params for name in names):
            return question
    return "when"
