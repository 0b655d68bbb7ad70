"""The tables behind the /compare charts: exactly what each chart shows, so it can also be read and downloaded.

Streamlit-free and plotly-free: each function takes the missions table (already filtered) and returns
one tidy row per bar, point or cell. Column names are snake_case; HEADINGS gives the readable ones
that the "show the data" tables and CSV files use.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any, cast

import pandas as pd

from dashboard.dataset.publishers import GRADE_LABELS
from dashboard.dataset.schema import NOT_PUBLISHED
from dashboard.dataset.vocabularies import organisation_short
from dashboard.i18n import N_, _, duration_text, format_number, shown_date

DECADE_MODES = {"start": N_("Decade it began"), "active": N_("Every decade it was active")}  # shown with _()

HEADINGS = {
    "decade": N_("Decade"),
    "year": N_("Year"),
    "mission_type": N_("Mission type id"),
    "mission_type_label": N_("Mission type"),
    "operations": N_("Operations"),
    "names": N_("Which"),
    "id": N_("Id"),
    "short_name": N_("Operation"),
    "name": N_("Full name"),
    "organisation": N_("Organisation"),
    "start": N_("Start"),
    "end": N_("End"),
    "status": N_("Status"),
    "duration_years": N_("Years"),
    "duration": N_("Lasted"),
    "peak_personnel": N_("Peak personnel"),
    "peak_personnel_date": N_("Date of peak"),
    "peak_personnel_grade": N_("Grade of the peak's source"),
    "contributing_nations": N_("Contributing nations"),
    "contributing_nations_date": N_("Nations counted on"),
    "contributing_nations_grade": N_("Grade of the nations' source"),
    "outcome": N_("Outcome id"),
    "outcome_label": N_("Outcome"),
    "basis": N_("Legal basis id"),
    "basis_label": N_("Legal basis"),
    "deaths": N_("Personnel deaths"),
    "deaths_low": N_("Personnel deaths (low)"),
    "deaths_high": N_("Personnel deaths (high)"),
    "deaths_as_of": N_("Deaths counted to"),
    "deaths_scope": N_("What the count covers"),
    "deaths_sources": N_("Source of the count"),
    "deaths_grade": N_("Grade of the count's source"),
    "value": N_("Value"),
    "date": N_("Date"),
    "size_basis": N_("What the value is"),
    "grade": N_("Grade of the source"),
    "role": N_("Which ones"),
}


VOCABULARY_IDS = ("mission_type", "outcome", "basis")  # shown by their labels, which the tables also carry


def readable(table: pd.DataFrame, leave_out: Collection[str] = ()) -> pd.DataFrame:
    """The table as people read it (on the page and in the CSV): labels, not vocabulary ids; plain headings.

    `leave_out` names more columns to drop (those only the chart uses). One column selection and new
    headings: pandas' drop and rename cost a millisecond or more each on every new filter.
    """
    kept = [column for column in table.columns if column not in VOCABULARY_IDS and column not in leave_out]
    names = headings()
    shown = table[kept]
    grades = [column for column in kept if column.endswith("grade")]
    if grades:  # the grade of a source in words, as the profile's badges say it
        shown = shown.assign(**{column: shown[column].map(grade_label) for column in grades})
    shown.columns = pd.Index([names.get(column, column) for column in kept])
    return shown


def grade_label(grade: object) -> object:
    """'official' -> 'Official' in the current language; anything else (a missing grade) as it is."""
    return _(GRADE_LABELS[grade]) if isinstance(grade, str) and grade in GRADE_LABELS else grade


def headings() -> dict[str, str]:
    """HEADINGS in the current language."""
    return {column: _(heading) for column, heading in HEADINGS.items()}


def _decades(first: int, last: int) -> list[int]:
    return list(range(first - first % 10, last - last % 10 + 1, 10))


def by_decade(missions: pd.DataFrame, type_labels: Mapping[str, str], mode: str = "start") -> pd.DataFrame:
    """Operations of each type per decade: by the decade each began, or in every decade it was active.

    Plain Python over the columns (pandas' iterrows and groupby took most of /compare's time for a new filter).
    """
    columns = ["decade", "mission_type", "mission_type_label", "operations", "names"]
    names: dict[tuple[int, str], list[str]] = {}
    for mission_type, first, last, name in zip(
        missions["mission_type"].tolist(), missions["start_day"].dt.year.tolist(), missions["bar_end"].dt.year.tolist(),
        missions["short_name"].tolist(), strict=True,
    ):  # fmt: skip
        for decade in _decades(first, last) if mode == "active" else _decades(first, first):
            names.setdefault((decade, str(mission_type)), []).append(str(name))
    if not names:
        return pd.DataFrame(columns=columns).astype({"operations": "int64"})
    order = {value: index for index, value in enumerate(type_labels)}
    labelled = {decade: _("{decade}s").format(decade=decade) for decade, _type in names}
    rows = [
        (labelled[decade], mission_type, type_labels.get(mission_type, mission_type), len(listed), ", ".join(listed))
        for (decade, mission_type), listed in sorted(
            names.items(), key=lambda item: (labelled[item[0][0]], order.get(item[0][1], len(order)), item[0][1])
        )
    ]
    return pd.DataFrame(rows, columns=columns)


HOVER_NAMES = 15  # a hover lists at most this many operations, then says how many more


def active_per_year(
    missions: pd.DataFrame, type_labels: Mapping[str, str], first_year: int, last_year: int
) -> pd.DataFrame:
    """Operations of each type active in each calendar year (years with none are left out).

    `names` lists every operation (the CSV); `hover` the first HOVER_NAMES and how many more (the chart).
    Plain Python: a few hundred operations reach here, and pandas' groupby with a join per group took
    most of the overview's time for a new filter.
    """
    columns = ["year", "mission_type", "mission_type_label", "operations", "names", "hover"]
    names: dict[tuple[str, int], list[str]] = {}
    for mission_type, start, end, name in zip(
        missions["mission_type"].tolist(), missions["start_day"].dt.year.tolist(), missions["bar_end"].dt.year.tolist(),
        missions["short_name"].astype(str).tolist(), strict=True,
    ):  # fmt: skip
        for year in range(max(start, first_year), min(end, last_year) + 1):
            names.setdefault((mission_type, year), []).append(name)
    if not names:
        return pd.DataFrame(columns=columns).astype({"year": "int64", "operations": "int64"})
    order = {value: index for index, value in enumerate(type_labels)}
    unknown = {t: len(order) + i for i, t in enumerate(dict.fromkeys(t for t, _year in names if t not in order))}
    rows = [
        (
            year,
            mission_type,
            type_labels.get(mission_type, mission_type),
            len(listed),
            ", ".join(listed),
            _listed(listed),
        )
        for (mission_type, year), listed in sorted(
            names.items(), key=lambda item: (order.get(item[0][0], unknown.get(item[0][0], 0)), item[0][1])
        )
    ]
    return pd.DataFrame(rows, columns=columns)


def _listed(names: Sequence[str]) -> str:
    """The first HOVER_NAMES names, and how many more."""
    shown = ", ".join(names[:HOVER_NAMES])
    more = len(names) - HOVER_NAMES
    return shown if more <= 0 else shown + " " + _("and {count} more").format(count=more)


def strength_points(points: pd.DataFrame) -> pd.DataFrame:
    """Published strength points as the table beneath a strength chart."""
    table = points[["mission_id", "date", "value", "note", "source", "publisher", "grade"]]
    return table.assign(grade=table["grade"].map(grade_label)).rename(
        columns={
            "mission_id": _("Id"),
            "date": _("Date"),
            "value": _("Personnel"),
            "note": _("Note"),
            "source": _("Source"),
            "publisher": _("Publisher"),
            "grade": _("Grade of the source"),
        }
    )


OPERATION_COLUMNS = ["id", "short_name", "mission_type", "mission_type_label", "organisation"]


def durations(missions: pd.DataFrame) -> pd.DataFrame:
    """One row per operation: its dates and how many years it lasted (ongoing: so far)."""
    table = missions[[*OPERATION_COLUMNS, "start", "end", "status", "duration_years"]].copy()
    table["end"] = table["end"].fillna(_("ongoing"))
    table["duration"] = [duration_text(years) for years in table["duration_years"].tolist()]
    return table.reset_index(drop=True)


def largest_first(missions: pd.DataFrame, columns: list[str], rows: Sequence[int] | None = None) -> pd.DataFrame:
    """`columns` of the operations with a published peak strength, largest first; the others are left out, not
    guessed. Equal peaks keep the table's order (by start), whichever operations the filters keep.

    `rows`: only these rows of `missions` (in table order; filters.matching_positions), so the whole table is
    not copied first. The order is worked out on a list and the rows and columns taken in one step: pandas'
    mask, column selection and sort took half as long again on every new filter.
    """
    peak = missions["peak_personnel"].tolist()
    kept = range(len(peak)) if rows is None else rows
    order = sorted((row for row in kept if not pd.isna(peak[row])), key=lambda row: -peak[row])
    where = [missions.columns.get_loc(column) for column in columns]
    table = cast(pd.DataFrame, missions.iloc[order, where])  # type: ignore[index]
    return table.reset_index(drop=True)


def peaks(missions: pd.DataFrame, rows: Sequence[int] | None = None) -> pd.DataFrame:
    """One row per operation with a published peak strength, largest first (of `rows` only, if given)."""
    return largest_first(
        missions, [*OPERATION_COLUMNS, "peak_personnel", "peak_personnel_date", "peak_personnel_grade"], rows
    )


# What /compare's "How large" can measure (`measure` in its URL): personnel, or what air and sea operations publish.
SIZE_MEASURES = {
    "personnel": N_("Personnel"),
    "aircraft": N_("Aircraft"),
    "ships": N_("Ships"),
    "sorties": N_("Sorties flown"),
    "vessels-hailed": N_("Vessels hailed"),
}  # shown with _()
BASIS_LABELS = {"peak": N_("stated peak"), "largest": N_("largest published figure")}  # shown with _()
SIZE_COLUMNS = [*OPERATION_COLUMNS, "duration_years", "contributing_nations", "contributing_nations_date"]


def largest(
    missions: pd.DataFrame, sizes: pd.DataFrame, measure: str, rows: Sequence[int] | None = None
) -> pd.DataFrame:
    """Each operation's size in `measure`, largest first: the stated peak where the record gives one (personnel),
    otherwise the largest figure published (never a value no source states). Operations of `rows` (positions in
    `missions`) without the measure are left out. `size_basis` says which ("peak" or "largest")."""
    kept = set(missions["id"].tolist() if rows is None else missions["id"].iloc[list(rows)].tolist())
    best: dict[str, tuple[float, str, Any, str, str]] = {}  # id -> (value, basis, date, grade, role)
    of = sizes[sizes["measure"] == measure]
    for mission_id, kind, value, when, grade, role in zip(
        of["mission_id"], of["kind"], of["value"], of["date"], of["grade"], of["role"], strict=True
    ):
        if mission_id not in kept:
            continue
        basis = "peak" if kind == "peak" else "largest"
        entry = (float(value), basis, when, grade, role)
        held = best.get(mission_id)
        if held is None or (basis == "peak") > (held[1] == "peak") or (basis == held[1] and entry[0] > held[0]):
            best[mission_id] = entry
    order = sorted(best, key=lambda i: -best[i][0])
    table = missions.set_index("id", drop=False).loc[order, SIZE_COLUMNS].reset_index(drop=True)
    return table.assign(
        value=[best[i][0] for i in order],
        date=[best[i][2] for i in order],
        size_basis=[best[i][1] for i in order],
        grade=[best[i][3] for i in order],
        role=[best[i][4] for i in order],
    )


def measured_in(missions: pd.DataFrame, sizes: pd.DataFrame, type_labels: Mapping[str, str]) -> pd.DataFrame:
    """How many of the operations of each type publish each size measure: what each kind can be compared in."""
    shown = set(missions["id"].tolist())
    types = dict(zip(missions["id"], missions["mission_type"], strict=True))
    having: dict[tuple[str, str], set[str]] = {}
    for mission_id, measure in zip(sizes["mission_id"], sizes["measure"], strict=True):
        if mission_id in shown and measure in SIZE_MEASURES:
            having.setdefault((types[mission_id], measure), set()).add(mission_id)
    counted = {t: sum(1 for i in shown if types[i] == t) for t in type_labels}
    rows = [
        {"mission_type_label": label, "operations": counted[t],
         **{_(SIZE_MEASURES[m]): len(having.get((t, m), ())) for m in SIZE_MEASURES}}
        for t, label in type_labels.items() if counted[t]
    ]  # fmt: skip
    return pd.DataFrame(rows)


def counts_by_type(
    long: pd.DataFrame,
    column: str,
    missions: pd.DataFrame,
    type_labels: Mapping[str, str],
    value_labels: Mapping[str, str],
) -> pd.DataFrame:
    """Count rows of (mission type, value), with the operations' names, in vocabulary order."""
    names = missions["short_name"].to_dict()
    table = (
        long.groupby(["mission_type", column], sort=False)["id"]
        .agg(operations="size", names=lambda ids: ", ".join(names[i] for i in ids))
        .reset_index()
    )
    type_order = {value: index for index, value in enumerate(type_labels)}
    value_order = {value: index for index, value in enumerate(value_labels)}
    table = table.sort_values(
        ["mission_type", column], key=lambda c: c.map(type_order if c.name == "mission_type" else value_order)
    )
    table["mission_type_label"] = table["mission_type"].map(lambda v: type_labels.get(v, v))
    table[f"{column}_label"] = table[column].map(lambda v: value_labels.get(v, v))
    columns = ["mission_type", "mission_type_label", column, f"{column}_label", "operations", "names"]
    return table[columns].reset_index(drop=True)


def outcomes_by_type(
    missions: pd.DataFrame, type_labels: Mapping[str, str], outcome_labels: Mapping[str, str]
) -> pd.DataFrame:
    """How many operations of each type ended each way (or are ongoing)."""
    long = pd.DataFrame(
        {"id": missions.index, "mission_type": missions["mission_type"], "outcome": missions["outcome"]}
    )
    return counts_by_type(long, "outcome", missions, type_labels, outcome_labels)


def legal_basis_by_type(
    missions: pd.DataFrame, type_labels: Mapping[str, str], basis_labels: Mapping[str, str]
) -> pd.DataFrame:
    """How many operations of each type rested on each kind of legal basis (one operation can have several)."""
    long = pd.DataFrame(
        [
            {"id": mission_id, "mission_type": mission["mission_type"], "basis": basis}
            for mission_id, mission in missions.iterrows()
            for basis in str(mission["legal_basis"]).split("; ")
            if basis
        ],
        columns=["id", "mission_type", "basis"],
    )
    return counts_by_type(long, "basis", missions, type_labels, basis_labels)


def duration_and_peak(missions: pd.DataFrame, rows: Sequence[int] | None = None) -> pd.DataFrame:
    """Operations with a published peak: years, peak and (where published) contributing nations (of `rows`)."""
    columns = [
        *OPERATION_COLUMNS,
        "duration_years",
        "peak_personnel",
        "peak_personnel_date",
        "contributing_nations",
        "contributing_nations_date",
    ]
    return largest_first(missions, columns, rows)


@dataclass(frozen=True)
class Fact:
    """One row of the side-by-side table: a label and how to read it from a mission row."""

    label: str
    column: str
    date_column: str | None = None


SIDE_BY_SIDE_FACTS = (
    Fact(N_("Full name"), "name"),
    Fact(N_("Organisation"), "organisation"),
    Fact(N_("Mission type"), "mission_type_label"),
    Fact(N_("Theatre"), "region_label"),
    Fact(N_("Began"), "start"),
    Fact(N_("Ended"), "end"),
    Fact(N_("Lasted (ongoing: so far)"), "duration_years"),
    Fact(N_("Peak strength"), "peak_shown"),
    Fact(N_("Aircraft (largest published figure)"), "aircraft_shown"),
    Fact(N_("Ships (largest published figure)"), "ships_shown"),
    Fact(N_("Sorties flown"), "sorties_shown"),
    Fact(N_("Contributing nations"), "contributing_nations", "contributing_nations_date"),
    Fact(N_("Countries deployed to"), "country_count"),
    Fact(N_("Legal basis"), "legal_basis_labels"),
    Fact(N_("UN Security Council resolutions"), "unsc_resolutions"),
    Fact(N_("Outcome"), "outcome_label"),
    Fact(N_("Came after"), "predecessors"),
    Fact(N_("Handed over to"), "successors"),
    Fact(N_("Sources cited"), "source_count"),
)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float | str) and (value != value or value == ""))


def _fact_text(mission: pd.Series, fact: Fact) -> str:
    value = mission[fact.column]
    if _missing(value):
        if fact.column == "end":
            return _("ongoing")
        if fact.column in ("predecessors", "successors", "unsc_resolutions"):
            return _("none")
        return _(NOT_PUBLISHED)
    if fact.column == "duration_years":
        text = duration_text(float(value))
    elif isinstance(value, Integral):
        text = format_number(int(value))
    elif fact.column in ("start", "end"):
        text = shown_date(str(value))
    else:
        text = str(value)
    if fact.date_column and not _missing(mission[fact.date_column]):
        text = _("{value} ({date})").format(value=text, date=shown_date(str(mission[fact.date_column])))
    return text


def sized_text(missions: pd.DataFrame, sizes: pd.DataFrame, measure: str) -> dict[str, str]:
    """Each operation's size in `measure` as a fact reads it: '36,100 (Sep 1998; largest published figure)'."""
    table = largest(missions, sizes, measure)
    texts = {}
    for mission_id, value, when, basis in zip(table["id"], table["value"], table["date"], table["size_basis"],
                                              strict=True):  # fmt: skip
        parts = [shown_date(str(when))] if isinstance(when, str) else []
        if basis == "largest":
            parts.append(_(BASIS_LABELS[basis]))
        figure = format_number(int(value)) if float(value).is_integer() else format_number(value)
        texts[mission_id] = f"{figure} ({'; '.join(parts)})" if parts else figure
    return texts


def side_by_side(
    missions: pd.DataFrame, ids: Sequence[str], basis_labels: Mapping[str, str], sizes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The chosen operations' facts in one table: a row per fact, a column per operation.

    An unpublished figure reads "not published"; nothing is filled in. Sizes are the stated peak or, where none is
    stated, the largest published figure, labelled as such.
    """
    chosen = missions.loc[list(ids)].copy()
    chosen["organisation"] = [organisation_short(str(org)) for org in chosen["organisation"]]
    for measure in ("personnel", "aircraft", "ships", "sorties"):
        texts = sized_text(chosen, sizes, measure) if sizes is not None else {}
        column = "peak_shown" if measure == "personnel" else f"{measure}_shown"
        chosen[column] = [texts.get(i) for i in chosen["id"]]
    chosen["legal_basis_labels"] = chosen["legal_basis"].map(
        lambda kinds: "; ".join(basis_labels.get(k, k) for k in str(kinds).split("; ") if k)
    )
    chosen["predecessors"] = chosen["predecessors"].map(lambda v: _names(v, missions))
    chosen["successors"] = chosen["successors"].map(lambda v: _names(v, missions))
    chosen["country_count"] = chosen["country_count"].astype(object)
    columns = {
        str(mission["short_name"]): [_fact_text(mission, fact) for fact in SIDE_BY_SIDE_FACTS]
        for _, mission in chosen.iterrows()
    }
    return pd.DataFrame(columns, index=pd.Index([_(fact.label) for fact in SIDE_BY_SIDE_FACTS], name=_("Fact")))


def _names(ids: str, missions: pd.DataFrame) -> str:
    """'IFOR; SFOR' from 'ifor; sfor' (ids outside the table stay as they are)."""
    return "; ".join(
        str(missions.loc[i, "short_name"]) if i in missions.index else i for i in str(ids).split("; ") if i
    )


DEATHS_AGAINST = {"strength": N_("Peak strength"), "years": N_("Years")}  # shown with _()

# The questions /compare answers, one at a time (`question` in its URL), and the charts each draws.
QUESTIONS = {
    "when": N_("When"),
    "how-long": N_("How long"),
    "how-large": N_("How large"),
    "outcomes": N_("How they ended"),
    "basis": N_("Legal basis"),
    "human-cost": N_("Human cost"),
    "peace": N_("Did peace hold?"),
    "judged": N_("How was it judged?"),
    "side-by-side": N_("Side by side"),
}  # shown with _()
QUESTION_CHARTS = {
    "when": ("decades",),
    "how-long": ("durations",),
    "how-large": ("peaks", "scatter"),
    "outcomes": ("outcomes",),
    "basis": ("basis",),
    "human-cost": ("deaths", "campaign-deaths"),
    "peace": ("aftermath", "peace-years"),
    "judged": ("assessments",),
    "side-by-side": (),
}


def personnel_deaths(missions: pd.DataFrame, fatalities: pd.DataFrame) -> pd.DataFrame:
    """Operations with both a published peak strength and a count of their personnel's deaths (all causes).

    Only counts marked `whole_operation` (all its personnel, every nation, from the start) are compared:
    one nation's toll or one incident would mislead beside them. Where a record holds several, the first
    listed is used. A range keeps both ends.
    """
    personnel = (fatalities["group"] == "personnel") & (fatalities["cause"] == "all-causes")
    counts = fatalities[personnel & fatalities["whole_operation"].astype(bool)]
    first = counts.sort_values("order").drop_duplicates("mission_id").set_index("mission_id")
    known = missions[missions["peak_personnel"].notna() & missions.index.isin(first.index)]
    table = known[[*OPERATION_COLUMNS, "duration_years", "peak_personnel", "peak_personnel_date"]].copy()
    chosen = first.loc[known.index]
    table["deaths"] = chosen["value"]
    table["deaths_low"] = chosen["low"]
    table["deaths_high"] = chosen["high"]
    table["deaths_as_of"] = chosen["as_of"]
    table["deaths_scope"] = chosen["scope"]
    table["deaths_sources"] = chosen["sources"]
    table["deaths_grade"] = chosen["grade"]
    return table.sort_values("peak_personnel", ascending=False).reset_index(drop=True)
