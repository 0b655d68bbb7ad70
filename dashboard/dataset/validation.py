"""Validate mission records: the schema, then small named domain rules, then rules across records.

Every problem names the file, the field and what to do about it, one line each, and all problems
are reported at once. `python -m dashboard.dataset.validation` (make validate) exits non-zero on any.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
from pydantic import ValidationError

from dashboard.dataset.campaigns import load_campaigns
from dashboard.dataset.files import DATA_DIR, Problem, field_path, read_yaml
from dashboard.dataset.judgement_rules import JUDGEMENT_RULES
from dashboard.dataset.parts import earliest_day, latest_day
from dashboard.dataset.publishers import (
    PUBLISHER_RULES,
    Registry,
    evidence_report,
    load_publishers,
    summarise,
    weak_citations,
    weak_report,
)
from dashboard.dataset.schema import (
    CONTROLLED_FIELDS,
    DatedFigure,
    Event,
    Mission,
    cited_sources,
)
from dashboard.dataset.vocabularies import Vocabularies, load_vocabularies

KOSOVO = "XKX"  # user-assigned code, not in ISO 3166-1, used by the EU, IMF and this dataset


def short(text: object, length: int = 80) -> str:
    """A value from a record as a message quotes it: cut short, so a huge value cannot flood every page."""
    shown = str(text)
    return shown if len(shown) <= length else f"{shown[:length]}... ({len(shown):,} characters)"


def excerpt(value: Any) -> str:
    """A bad value as a message shows it: its repr, cut short (a value can be megabytes long)."""
    return short(repr(value), 60)


def explain(detail: Any) -> str:
    """Turn one pydantic error into a sentence with a fix; a bad value is quoted as a short excerpt."""
    kind, given = detail["type"], detail.get("input")
    if kind == "missing":
        return "is missing; add it (null or [] when the value is unknown or empty)"
    if kind == "extra_forbidden":
        return "is not a field of the record; remove it or correct its spelling (see data/README.md)"
    if given is None and kind.endswith("_type"):
        return "is empty; give a value (use [] for an empty list; this field cannot be null)"
    if kind == "string_type" and isinstance(given, date):
        return f"{given} must be a quoted date: write '{given.isoformat()}' in quotes"
    if kind == "string_type":
        return f"must be text, not {excerpt(given)}; put it in quotes"
    if kind in ("int_type", "float_type"):
        return f"must be a number, not {excerpt(given)}; write the digits only"
    if kind == "list_type":
        return f"must be a list, not {excerpt(given)}; write [] when empty"
    if kind == "model_type" or kind == "dict_type":
        return f"must be a mapping with named fields, not {excerpt(given)}"
    if kind == "string_pattern_mismatch":
        return f"{excerpt(given)} has the wrong form ({detail['msg'].lower()})"
    message = str(detail["msg"]).removeprefix("Value error, ")
    return message


RecordRule = Callable[[str, Path, Mission, Vocabularies, date], list[Problem]]


def check_id_matches_file(shown_as: str, path: Path, mission: Mission, _v: Vocabularies, _t: date) -> list[Problem]:
    if mission.id != path.stem:
        return [
            Problem(
                shown_as,
                "id",
                f"'{mission.id}' differs from the file name; rename the file to "
                f"{mission.id}.yaml or set id: {path.stem}",
            )
        ]
    return []


def check_end_not_before_start(
    shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, today: date
) -> list[Problem]:
    problems = []
    if mission.end is not None and latest_day(mission.end) < earliest_day(mission.start):
        problems.append(
            Problem(shown_as, "end", f"'{mission.end}' is before start '{mission.start}'; correct one of the dates")
        )
    if earliest_day(mission.start) > today:
        problems.append(
            Problem(
                shown_as, "start", f"'{mission.start}' is in the future; records describe operations that have begun"
            )
        )
    return problems


def check_vocabularies(
    shown_as: str, _p: Path, mission: Mission, vocabularies: Vocabularies, _t: date
) -> list[Problem]:
    problems = []
    values: list[tuple[str, str, str]] = []
    for field, vocabulary in CONTROLLED_FIELDS.items():
        raw = getattr(mission, field)
        values += [(field, vocabulary, v) for v in (raw if isinstance(raw, list) else [raw])]
    values += [("legal_basis.kinds", "legal_basis_kinds", v) for v in mission.legal_basis.kinds]
    for index, figure in enumerate(mission.human_cost.figures):
        values.append((f"human_cost.figures[{index}].group", "casualty_groups", figure.group))
        values.append((f"human_cost.figures[{index}].cause", "fatality_causes", figure.cause))
    for field, vocabulary, value in values:
        allowed = vocabularies.get(vocabulary, {})
        if value not in allowed:
            problems.append(
                Problem(
                    shown_as,
                    field,
                    f"'{short(value)}' is not in the {vocabulary} vocabulary; use one of: "
                    f"{', '.join(sorted(allowed))} (or add it to data/vocabularies.yaml)",
                )
            )
    return problems


def check_country_codes(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, _t: date) -> list[Problem]:
    problems = []
    for index, code in enumerate(mission.countries):
        if code != KOSOVO and pycountry.countries.get(alpha_3=code) is None:
            hint = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
            fix = f"use '{hint.alpha_3}'" if hint else "use an ISO 3166-1 alpha-3 code such as 'BIH' (XKX for Kosovo)"
            problems.append(Problem(shown_as, f"countries[{index}]", f"'{short(code)}' is not a country code; {fix}"))
    for code, count in Counter(mission.countries).items():
        if count > 1:
            problems.append(Problem(shown_as, "countries", f"'{short(code)}' is listed {count} times; list it once"))
    return problems


def check_sources_cited(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, _t: date) -> list[Problem]:
    listed = {source.url for source in mission.sources}
    problems = [
        Problem(
            shown_as,
            field,
            f"'{short(url)}' is not in sources; add it to sources (title, publisher, url, accessed) "
            "or cite a listed url",
        )
        for field, url in cited_sources(mission)
        if url not in listed
    ]
    for url, count in Counter(source.url for source in mission.sources).items():
        if count > 1:
            problems.append(Problem(shown_as, "sources", f"'{short(url)}' is listed {count} times; list it once"))
    return problems


def check_dated_values_in_order_and_span(
    shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, today: date
) -> list[Problem]:
    problems = []
    first = earliest_day(mission.start)
    last = latest_day(mission.end) if mission.end else today
    dated: tuple[tuple[str, Sequence[DatedFigure] | Sequence[Event]], ...] = (
        ("personnel", mission.personnel),
        ("aircraft", mission.aircraft),
        ("ships", mission.ships),
        ("events", mission.events),
    )
    for field, items in dated:
        dates = [item.date for item in items]
        days = [earliest_day(text) for text in dates]
        for index, (text, day) in enumerate(zip(dates, days, strict=True)):
            if index and day < days[index - 1]:
                problems.append(
                    Problem(
                        shown_as,
                        f"{field}[{index}].date",
                        f"'{text}' comes before the previous entry '{dates[index - 1]}'; list {field} in date order",
                    )
                )
            if field != "events" and (latest_day(text) < first or day > last):
                problems.append(
                    Problem(
                        shown_as,
                        f"{field}[{index}].date",
                        f"'{text}' is outside the operation "
                        f"({mission.start} to {mission.end or 'today'}); check the date or the source",
                    )
                )
    return problems


def check_peak_not_below_points(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, _t: date) -> list[Problem]:
    if mission.peak_personnel is None:
        return []
    higher = [p for p in mission.personnel if p.value > mission.peak_personnel.value]
    return [
        Problem(
            shown_as,
            "peak_personnel",
            f"{mission.peak_personnel.value} is below the personnel point "
            f"{p.value} on {p.date}; the peak must be the highest published figure",
        )
        for p in higher
    ]


def check_disagreement_fields(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, _t: date) -> list[Problem]:
    known = set(Mission.model_fields)
    return [
        Problem(
            shown_as,
            f"disagreements[{i}].field",
            f"'{short(d.field)}' is not a field of the record; name one of "
            "the record's fields, such as start, end or peak_personnel",
        )
        for i, d in enumerate(mission.disagreements)
        if d.field.split(".")[0] not in known
    ]


def check_fatalities(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, today: date) -> list[Problem]:
    """A death count is one number or an ordered range, dated no later than today and no earlier than the start."""
    problems = []
    for index, figure in enumerate(mission.human_cost.figures):
        field = f"human_cost.figures[{index}]"
        has_range = figure.low is not None or figure.high is not None
        if figure.value is None and not has_range:
            problems.append(Problem(shown_as, field, "has no number; give value, or low and high for a range"))
        elif figure.value is not None and has_range:
            problems.append(
                Problem(shown_as, field, "gives both value and a range; keep value, or low and high, not both")
            )
        elif has_range and (figure.low is None or figure.high is None):
            problems.append(Problem(shown_as, field, "has half a range; give both low and high"))
        elif figure.low is not None and figure.high is not None and figure.low > figure.high:
            problems.append(Problem(shown_as, f"{field}.low", f"{figure.low} is above high {figure.high}; swap them"))
        if earliest_day(figure.as_of) > today or latest_day(figure.as_of) < earliest_day(mission.start):
            problems.append(
                Problem(
                    shown_as,
                    f"{field}.as_of",
                    f"'{figure.as_of}' is outside {mission.start} to today; give the date the count runs to",
                )
            )
        if len(figure.sources) == 2 and not has_range:
            problems.append(
                Problem(
                    shown_as,
                    f"{field}.sources",
                    "two sources belong to a range (low from the first, high from the second); "
                    "for one number cite one source and record the other under disagreements",
                )
            )
    return problems


EARLIEST_YEAR = 1949  # NATO's founding: no operation of this dataset, or mission beside one, began earlier
PLANNED_YEARS = 5  # an announced end may lie ahead, but not further than this
LIMITS = {  # the largest value each kind of count could plausibly hold; the largest recorded is far below
    "personnel": 1_000_000,  # ISAF's peak was about 130,000
    "contributing_nations": 200,  # there are 193 UN member states
    "deaths": 1_000_000,
    "aircraft": 5_000,  # Allied Force: about 1,000
    "ships": 1_000,
    "sorties": 1_000_000,  # Deny Flight: about 100,000
    "strike-sorties": 1_000_000,
    "flying-hours": 10_000_000,
    "vessels-hailed": 10_000_000,
    "vessels-boarded": 10_000_000,
    "vessels-diverted": 10_000_000,
    "vessels-escorted": 10_000_000,
    "scrambles": 100_000,
    "trainees": 10_000_000,
    "relief-flights": 1_000_000,
    "tonnes-delivered": 10_000_000,
}


def check_plausible(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, today: date) -> list[Problem]:
    """Dates and counts a typo could put anywhere (a start in 1200, an end in 9999, a peak of 10^12) are refused:
    they would distort the timeline and the comparisons for every reader."""
    problems = []
    if earliest_day(mission.start).year < EARLIEST_YEAR:
        problems.append(Problem(shown_as, "start", f"'{mission.start}' is before {EARLIEST_YEAR}, NATO's founding; "
                                "check the year"))  # fmt: skip
    if mission.end is not None and earliest_day(mission.end).year > today.year + PLANNED_YEARS:
        problems.append(Problem(shown_as, "end", f"'{mission.end}' is more than {PLANNED_YEARS} years ahead; give the "
                                "end a source announces, or null while the operation runs on"))  # fmt: skip
    counts = [(f"personnel[{i}].value", p.value, "personnel") for i, p in enumerate(mission.personnel)]
    if mission.peak_personnel is not None:
        counts.append(("peak_personnel.value", mission.peak_personnel.value, "personnel"))
    if mission.contributing_nations is not None:
        counts.append(("contributing_nations.value", mission.contributing_nations.value, "contributing_nations"))
    for index, figure in enumerate(mission.human_cost.figures):
        for name in ("value", "low", "high"):
            counts.append((f"human_cost.figures[{index}].{name}", getattr(figure, name), "deaths"))
    counts += [(f"aircraft[{i}].value", a.value, "aircraft") for i, a in enumerate(mission.aircraft)]
    counts += [(f"ships[{i}].value", s.value, "ships") for i, s in enumerate(mission.ships)]
    counts += [(f"activity[{i}].value", a.value, a.measure) for i, a in enumerate(mission.activity)]
    for field, value, kind in counts:
        if value is not None and value > LIMITS[kind]:
            problems.append(Problem(shown_as, field, f"{short(value)} is more than any {kind.replace('_', ' ')} "
                                    f"count could be (at most {LIMITS[kind]:,}); check the digits"))  # fmt: skip
    return problems


def check_activity_periods(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, today: date) -> list[Problem]:
    """An activity count runs to a date inside the operation, over a period that begins no earlier than it."""
    problems = []
    first = earliest_day(mission.start)
    last = latest_day(mission.end) if mission.end else today
    span = f"({mission.start} to {mission.end or 'today'})"
    for index, count in enumerate(mission.activity):
        if latest_day(count.as_of) < first or earliest_day(count.as_of) > last:
            outside = f"'{count.as_of}' is outside the operation {span}; check the date or the source"
            problems.append(Problem(shown_as, f"activity[{index}].as_of", outside))
        if count.period_from is not None:
            if earliest_day(count.period_from) > latest_day(count.as_of):
                after = f"'{count.period_from}' is after as_of '{count.as_of}'; swap or correct them"
                problems.append(Problem(shown_as, f"activity[{index}].period_from", after))
            elif latest_day(count.period_from) < first:
                problems.append(Problem(shown_as, f"activity[{index}].period_from",
                                        f"'{count.period_from}' is before the operation began ({mission.start}); "
                                        "a count of another operation belongs in that record"))  # fmt: skip
    return problems


RECORD_RULES: tuple[RecordRule, ...] = (
    check_id_matches_file,
    check_end_not_before_start,
    check_vocabularies,
    check_country_codes,
    check_sources_cited,
    check_dated_values_in_order_and_span,
    check_peak_not_below_points,
    check_disagreement_fields,
    check_fatalities,
    check_plausible,
    check_activity_periods,
    *JUDGEMENT_RULES,
)


def check_unique_ids(missions: dict[str, list[tuple[str, Mission]]]) -> list[Problem]:
    return [
        Problem(
            shown_as,
            "id",
            f"'{mission_id}' is also used by {', '.join(s for s, _ in entries if s != shown_as)};"
            " give each record its own id",
        )
        for mission_id, entries in missions.items()
        if len(entries) > 1
        for shown_as, _ in entries
    ]


def check_links(missions: dict[str, list[tuple[str, Mission]]], other_files: set[str]) -> list[Problem]:
    """Predecessor, successor and related ids resolve, and each link is recorded on both sides.

    A link to a file that exists but failed the schema is that file's problem, reported there.
    """
    problems = []
    mirror = {"predecessors": "successors", "successors": "predecessors", "related": "related"}
    for entries in missions.values():
        for shown_as, mission in entries:
            for field, other_field in mirror.items():
                for index, other_id in enumerate(getattr(mission, field)):
                    if other_id not in missions and other_id in other_files:
                        continue
                    if other_id not in missions:
                        problems.append(
                            Problem(
                                shown_as,
                                f"{field}[{index}]",
                                f"'{short(other_id)}' is not the id of any "
                                "record; correct the id or add data/missions/"
                                f"{other_id}.yaml",
                            )
                        )
                        continue
                    other = missions[other_id][0][1]
                    if mission.id not in getattr(other, other_field):
                        problems.append(
                            Problem(
                                shown_as,
                                f"{field}[{index}]",
                                f"'{other_id}' does not list '{mission.id}' in its {other_field}; add it there too",
                            )
                        )
    return problems


def validate_records(
    paths: Iterable[Path],
    vocabularies: Vocabularies,
    today: date,
    root: Path | None = None,
    publishers: Registry | None = None,
) -> tuple[dict[str, Mission], list[Problem]]:
    """Check every record (with `publishers`, its sources against the registry too); return the valid ones by id
    and every problem found."""
    problems: list[Problem] = []
    parsed: dict[str, list[tuple[str, Mission]]] = {}
    paths = sorted(paths)
    for path in paths:
        shown_as = str(path.relative_to(root)) if root else str(path)
        raw, read_problems = read_yaml(path, shown_as)
        problems += read_problems
        if read_problems:
            continue
        if not isinstance(raw, dict):
            problems.append(
                Problem(shown_as, "", "must hold one mapping of fields (id, name, ...); see data/README.md")
            )
            continue
        try:
            mission = Mission.model_validate(raw)
        except ValidationError as error:
            problems += [Problem(shown_as, field_path(d["loc"]), explain(d)) for d in error.errors()]
            continue
        for rule in RECORD_RULES:
            problems += rule(shown_as, path, mission, vocabularies, today)
        if publishers is not None:
            for publisher_rule in PUBLISHER_RULES:
                problems += publisher_rule(shown_as, mission, publishers)
        parsed.setdefault(mission.id, []).append((shown_as, mission))
    problems += check_unique_ids(parsed)
    problems += check_links(parsed, {path.stem for path in paths})
    failed = {p.file for p in problems}
    valid = {
        mission_id: entries[0][1]
        for mission_id, entries in parsed.items()
        if len(entries) == 1 and entries[0][0] not in failed
    }
    return valid, problems


def validate_data_dir(data_dir: Path, today: date) -> tuple[Vocabularies, dict[str, Mission], list[Problem]]:
    """Validate data/vocabularies.yaml, data/publishers.yaml and every data/missions/*.yaml."""
    root = data_dir.parent
    vocabularies, problems = load_vocabularies(
        data_dir / "vocabularies.yaml", str((data_dir / "vocabularies.yaml").relative_to(root))
    )
    publishers, publisher_problems = load_publishers(data_dir)
    problems += publisher_problems
    paths = list((data_dir / "missions").glob("*.yaml"))
    if not paths:
        problems.append(Problem(str((data_dir / "missions").relative_to(root)), "", "holds no *.yaml records"))
    # a missing or unreadable registry is one problem, not one per source of every record
    missions, record_problems = validate_records(paths, vocabularies, today, root, publishers or None)
    _campaigns, campaign_problems = load_campaigns(data_dir, missions, publishers, today)
    return vocabularies, missions, problems + record_problems + campaign_problems


def main(argv: list[str]) -> int:
    list_weak = "--weak" in argv
    argv = [arg for arg in argv if arg != "--weak"]
    data_dir = Path(argv[1]) if len(argv) > 1 else DATA_DIR
    _, missions, problems = validate_data_dir(data_dir, date.today())
    for problem in problems:
        print(problem)
    print(f"{len(missions)} valid records, {len(problems)} problems", file=sys.stderr)
    registry, _ = load_publishers(data_dir)
    if registry:
        print(evidence_report(summarise(missions.values(), registry)), file=sys.stderr)
        if list_weak:
            print(weak_report(weak_citations(missions.values(), registry)))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
