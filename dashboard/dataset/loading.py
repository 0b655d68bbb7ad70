"""Data layer: validated YAML records -> pandas tables. Never imports streamlit."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd

from dashboard.dataset.campaigns import Campaign, load_campaigns
from dashboard.dataset.files import DATA_DIR, Problem
from dashboard.dataset.geo import HistoricalNote, load_historical_notes, load_sea_shapes
from dashboard.dataset.outcomes import (
    AFTERMATH_COLUMNS,
    ASSESSMENT_COLUMNS,
    TOLL_COLUMNS,
    aftermath_rows,
    assessment_rows,
    toll_rows,
)
from dashboard.dataset.parts import earliest_day, latest_day
from dashboard.dataset.publishers import Registry, evidence, load_publishers, source_evidence
from dashboard.dataset.schema import Figure, Mission
from dashboard.dataset.spreadsheets import csv_bytes
from dashboard.dataset.validation import validate_data_dir
from dashboard.dataset.vocabularies import Vocabularies
from dashboard.i18n import language, pick

T = TypeVar("T")
REMEMBERED = 512  # results a dataset keeps (remembered): every filter combination a class tried, many times over
_REMEMBERING = threading.Lock()

PROJECT = "NATO Peace Operations Explorer"


SIZE_COLUMNS = [  # one row per published size or activity value, whatever it measures
    "mission_id", "measure", "kind", "date", "day", "period_from", "value", "role", "scope", "source", "grade",
    "publisher",
]  # fmt: skip


@dataclass(frozen=True)
class Dataset:
    """Everything the pages show, built once from the files."""

    missions: pd.DataFrame  # one row per valid record, indexed by id
    personnel: pd.DataFrame  # one row per published strength point
    events: pd.DataFrame  # one row per event
    deployments: pd.DataFrame  # one row per (mission, country)
    fatalities: pd.DataFrame  # one row per published death count, in record order ("order")
    records: dict[str, Mission]
    vocabularies: Vocabularies
    problems: list[Problem]
    today: date
    sea_shapes: dict[str, Any] = field(default_factory=dict)  # GeoJSON of the sea areas the map draws
    historical_notes: list[HistoricalNote] = field(default_factory=list)  # former states, for profiles
    publishers: Registry = field(default_factory=dict)  # data/publishers.yaml: the grade of every cited url
    sizes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SIZE_COLUMNS))  # every size measure
    aftermath: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=AFTERMATH_COLUMNS))  # what followed
    assessments: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ASSESSMENT_COLUMNS))  # verdicts
    campaigns: list[Campaign] = field(default_factory=list)  # data/campaigns.yaml
    tolls: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TOLL_COLUMNS))  # campaign death tolls
    _remembered: dict[Hashable, OrderedDict[Hashable, Any]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def remembered(self, key: tuple[Hashable, ...], build: Callable[[], T], keep: int | None = None) -> T:
        """build(), worked out once per key for this dataset and shared by every session (never change it).

        `key` starts with what kind of result it is; the `keep` (default REMEMBERED) most recently used
        results of each kind are kept. A dict lookup: asking one of Streamlit's caches costs about half a
        millisecond (it hashes every argument), and a page asks several times a rerun. Two sessions asking
        at once may both build it.
        """
        with _REMEMBERING:
            kind = self._remembered.setdefault(key[0], OrderedDict())
            if key in kind:
                kind.move_to_end(key)
                return cast(T, kind[key])
        value = build()
        with _REMEMBERING:
            kind[key] = value
            while len(kind) > (keep or REMEMBERED):
                kind.popitem(last=False)
        return value

    @cached_property
    def last_checked(self) -> str | None:
        """The latest date any source was read: when the data was last checked (worked out once)."""
        dates = [s.accessed for r in self.records.values() for s in r.sources]
        return max(dates) if dates else None

    def title_of(self, mission_id: str) -> str:
        """'KFOR — Kosovo Force': how pickers and links name an operation."""
        mission = self.records[mission_id]
        return f"{short_name(mission)} — {mission.name}"

    def labels(self, vocabulary: str) -> dict[str, str]:
        """Every value of a vocabulary with its display label, in vocabulary order."""
        return {value: self.label(vocabulary, value) for value in self.vocabularies.get(vocabulary, {})}

    def label(self, vocabulary: str, value: str) -> str:
        """The display label of a controlled value (the id itself if the vocabulary lacks it)."""
        return vocabulary_label(self.vocabularies, vocabulary, value)

    def labelled_missions(self) -> pd.DataFrame:
        """The missions table with its label columns in the current language (relabel), worked out once per
        language: the chart pages filter this table instead of relabelling what they filtered on every rerun."""

        def build() -> pd.DataFrame:
            table = self.relabel(self.missions)
            same = all(table[label].tolist() == self.missions[label].tolist() for _id, label, _v in LABEL_COLUMNS)
            return self.missions if same else table  # in English: the table itself (filtered results are shared)

        return self.remembered(("labelled", language()), build)

    def relabel(self, table: pd.DataFrame) -> pd.DataFrame:
        """The table with its label columns (mission_type_label, region_label, outcome_label) in the current
        language: the missions table builds them once, in English, when the data is loaded.
        """
        changes = {
            label: table[column].map(self.labels(vocabulary))
            for column, label, vocabulary in LABEL_COLUMNS
            if column in table.columns and label in table.columns
        }
        return table.assign(**changes) if changes else table


LABEL_COLUMNS = (  # id column, label column, vocabulary
    ("mission_type", "mission_type_label", "mission_type"),
    ("region", "region_label", "region"),
    ("outcome", "outcome_label", "outcome"),
)


def vocabulary_text(entry: dict[str, Any]) -> tuple[str, str]:
    """A vocabulary value's label and definition in the current language (English where it has no translation)."""
    translated = entry.get("fr")
    french = translated if isinstance(translated, dict) else {}
    label, definition = ({"en": str(entry[key]), "fr": str(french.get(key) or "")} for key in ("label", "definition"))
    return pick(label), pick(definition)


def vocabulary_label(vocabularies: Vocabularies, vocabulary: str, value: str) -> str:
    """The display label of a controlled value in the current language (the id itself if the vocabulary lacks it)."""
    entry = vocabularies.get(vocabulary, {}).get(value)
    return vocabulary_text(entry)[0] if entry else value


def short_name(mission: Mission) -> str:
    return mission.short_name or mission.acronym or mission.name.removeprefix("Operation ")


def names_in_full(missions: pd.DataFrame, ids: Sequence[str]) -> list[tuple[str, str]]:
    """(label, full name) for each of `ids` whose chart label is an acronym or short form of its name, by label:
    the key beside a chart that names operations by their labels (NTM-I, BAP, eFP, ...)."""
    shown = missions.loc[[i for i in dict.fromkeys(ids) if i in missions.index], ["short_name", "name"]]
    pairs = {(str(label), str(name)) for label, name in zip(shown["short_name"], shown["name"], strict=True)}
    return sorted(((label, name) for label, name in pairs if label != name), key=lambda pair: pair[0].casefold())


def status_of(mission: Mission, today: date) -> str:
    return "ongoing" if mission.end is None or latest_day(mission.end) >= today else "ended"


def mission_row(
    mission: Mission, vocabularies: Vocabularies, today: date, publishers: Registry | None = None
) -> dict[str, Any]:
    """The flat, table-friendly view of one record."""
    start_day = pd.Timestamp(earliest_day(mission.start))
    bar_end = pd.Timestamp(latest_day(mission.end) if mission.end else today)
    end_day = bar_end if mission.end else pd.NaT

    def label(vocabulary: str, value: str) -> str:
        return vocabulary_label(vocabularies, vocabulary, value)

    def grade_of(figure: Figure | None) -> str | None:
        return source_evidence(mission, figure.source, publishers or {}).grade if figure is not None else None

    return {
        "id": mission.id,
        "name": mission.name,
        "acronym": mission.acronym,
        "short_name": short_name(mission),
        "organisation": mission.organisation,
        "mission_type": mission.mission_type,
        "mission_type_label": label("mission_type", mission.mission_type),
        "domains": "; ".join(mission.domains),
        "start": mission.start,
        "end": mission.end,
        "start_day": start_day,
        "end_day": end_day,
        "bar_end": bar_end,
        "status": status_of(mission, today),
        "duration_years": round((bar_end - start_day).days / 365.25, 2),
        "region": mission.region,
        "region_label": label("region", mission.region),
        "countries": "; ".join(mission.countries),
        "country_count": len(mission.countries),
        "sea_areas": "; ".join(mission.sea_areas),
        "legal_basis": "; ".join(mission.legal_basis.kinds),
        "unsc_resolutions": "; ".join(str(n) for n in mission.legal_basis.unsc_resolutions),
        "peak_personnel": mission.peak_personnel.value if mission.peak_personnel else None,
        "peak_personnel_date": mission.peak_personnel.date if mission.peak_personnel else None,
        "peak_personnel_grade": grade_of(mission.peak_personnel),
        "contributing_nations": mission.contributing_nations.value if mission.contributing_nations else None,
        "contributing_nations_date": mission.contributing_nations.date if mission.contributing_nations else None,
        "contributing_nations_grade": grade_of(mission.contributing_nations),
        "outcome": mission.outcome,
        "outcome_label": label("outcome", mission.outcome),
        "predecessors": "; ".join(mission.predecessors),
        "successors": "; ".join(mission.successors),
        "related": "; ".join(mission.related),
        "summary": mission.summary,
        "source_count": len(mission.sources),
    }


MISSION_COLUMNS = [
    "id",
    "name",
    "acronym",
    "short_name",
    "organisation",
    "mission_type",
    "mission_type_label",
    "domains",
    "start",
    "end",
    "start_day",
    "end_day",
    "bar_end",
    "status",
    "duration_years",
    "region",
    "region_label",
    "countries",
    "country_count",
    "sea_areas",
    "legal_basis",
    "unsc_resolutions",
    "peak_personnel",
    "peak_personnel_date",
    "peak_personnel_grade",
    "contributing_nations",
    "contributing_nations_date",
    "contributing_nations_grade",
    "outcome",
    "outcome_label",
    "predecessors",
    "successors",
    "related",
    "summary",
    "source_count",
]


def size_rows(mission: Mission, graded: Callable[[Mission, str], dict[str, str]]) -> list[dict[str, Any]]:
    """Every size the record publishes, as rows: personnel points and peak, aircraft, ships, activity counts.

    `kind` says what the value is: a `point` of a series, the record's stated `peak`, or an activity `count`
    over a period (from `period_from`, or the start, to `date`).
    """
    rows: list[dict[str, Any]] = []

    def add(measure: str, kind: str, when: str | None, value: Any, source: str, role: str = "all",
            scope: str | None = None, period_from: str | None = None) -> None:  # fmt: skip
        day = pd.Timestamp(earliest_day(when)) if when else pd.NaT
        rows.append({"mission_id": mission.id, "measure": measure, "kind": kind, "date": when, "day": day,
                     "period_from": period_from, "value": value, "role": role, "scope": scope, "source": source,
                     **graded(mission, source)})  # fmt: skip

    for point in mission.personnel:
        add("personnel", "point", point.date, point.value, point.source, scope=point.note)
    if mission.peak_personnel is not None:
        peak = mission.peak_personnel
        add("personnel", "peak", peak.date, peak.value, peak.source, scope=peak.note)
    for measure, series in (("aircraft", mission.aircraft), ("ships", mission.ships)):
        for figure in series:
            add(measure, "point", figure.date, figure.value, figure.source, figure.role, figure.note)
    for count in mission.activity:
        add(count.measure, "count", count.as_of, count.value, count.source, scope=count.scope,
            period_from=count.period_from)  # fmt: skip
    return rows


FATALITY_COLUMNS = [
    "mission_id",
    "order",
    "group",
    "cause",
    "value",
    "low",
    "high",
    "as_of",
    "scope",
    "sources",
    "whole_operation",
    "note",
    "grade",
]


def build_tables(
    records: dict[str, Mission], vocabularies: Vocabularies, today: date, publishers: Registry | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a Dataset, from valid records; every sourced value carries its grade (data/publishers.yaml)."""
    ordered = sorted(records.values(), key=lambda m: (earliest_day(m.start), m.id))
    registry = publishers or {}

    def graded(mission: Mission, url: str) -> dict[str, str]:
        found = source_evidence(mission, url, registry)
        return {"grade": found.grade, "publisher": found.name}

    missions = pd.DataFrame([mission_row(m, vocabularies, today, registry) for m in ordered], columns=MISSION_COLUMNS)
    for column in ("peak_personnel", "contributing_nations", "country_count"):
        missions[column] = missions[column].astype("Int64")
    missions = missions.set_index("id", drop=False)
    missions.index.name = None  # the id stays a column too, for exports; an unnamed index avoids ambiguity
    personnel = pd.DataFrame(
        [
            {
                "mission_id": m.id,
                "date": p.date,
                "day": pd.Timestamp(earliest_day(p.date)),
                "value": p.value,
                "source": p.source,
                "note": p.note,
                **graded(m, p.source),
            }
            for m in ordered
            for p in m.personnel
        ],
        columns=["mission_id", "date", "day", "value", "source", "note", "grade", "publisher"],
    )
    events = pd.DataFrame(
        [
            {
                "mission_id": m.id,
                "date": e.date,
                "day": pd.Timestamp(earliest_day(e.date)),
                "title": e.title,
                "source": e.source,
                **graded(m, e.source),
            }
            for m in ordered
            for e in m.events
        ],
        columns=["mission_id", "date", "day", "title", "source", "grade", "publisher"],
    )
    fatalities = pd.DataFrame(
        [
            {
                "mission_id": m.id,
                "order": index,
                "group": f.group,
                "cause": f.cause,
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "as_of": f.as_of,
                "scope": f.scope,
                "sources": " ; ".join(f.sources),
                "whole_operation": f.whole_operation,
                "note": f.note,
                "grade": graded(m, f.sources[0])["grade"],
            }
            for m in ordered
            for index, f in enumerate(m.human_cost.figures)
        ],
        columns=FATALITY_COLUMNS,
    )
    for column in ("value", "low", "high"):
        fatalities[column] = fatalities[column].astype("Int64")
    deployments = pd.DataFrame(
        [{"mission_id": m.id, "country": c} for m in ordered for c in m.countries],
        columns=["mission_id", "country"],
    )
    sizes = pd.DataFrame([row for m in ordered for row in size_rows(m, graded)], columns=SIZE_COLUMNS)
    return {
        "missions": missions,
        "personnel": personnel,
        "events": events,
        "deployments": deployments,
        "fatalities": fatalities,
        "sizes": sizes,
        "aftermath": aftermath_rows(ordered, graded),
        "assessments": assessment_rows(ordered, graded),
    }


def load_dataset(data_dir: Path = DATA_DIR, today: date | None = None) -> Dataset:
    """Validate every file and build the tables; invalid records are left out and listed in problems."""
    today = today or date.today()
    vocabularies, records, problems = validate_data_dir(data_dir, today)
    publishers, _ = load_publishers(data_dir)  # its problems are among validate_data_dir's
    sea_shapes, sea_problems = load_sea_shapes(data_dir, vocabularies)
    notes, note_problems = load_historical_notes(data_dir)
    tables = build_tables(records, vocabularies, today, publishers)
    campaigns, _ = load_campaigns(data_dir, records, publishers, today)  # its problems are among validate_data_dir's
    def cite(url: str) -> dict[str, str]:
        found = evidence(url, publishers)
        return {"grade": found.grade, "publisher": found.name}

    tables["tolls"] = toll_rows(campaigns, cite)
    return Dataset(
        campaigns=campaigns,
        records=records,
        vocabularies=vocabularies,
        problems=problems + sea_problems + note_problems,
        today=today,
        sea_shapes=sea_shapes,
        historical_notes=notes,
        publishers=publishers,
        **tables,
    )


def missions_csv(missions: pd.DataFrame) -> bytes:
    """The data page's CSV download: the missions table as shown, without the computed day columns."""
    return csv_bytes(missions.drop(columns=["start_day", "end_day", "bar_end"]))
