"""Validation rules for a record's `aftermath` and `assessments`: each names the file, the field and the fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.dataset.files import Problem
from dashboard.dataset.parts import earliest_day, latest_day
from dashboard.dataset.schema import Mission
from dashboard.dataset.vocabularies import Vocabularies


def check_aftermath(
    shown_as: str, _p: Path, mission: Mission, vocabularies: Vocabularies, today: date
) -> list[Problem]:
    """What followed an ended operation: a known state, a period after the end, sources unless not-applicable."""
    after = mission.aftermath
    if after is None:
        return []
    if mission.end is None:
        return [Problem(shown_as, "aftermath", "only an ended operation has an aftermath; remove it, or give `end`")]
    problems = []
    states = vocabularies.get("aftermath", {})
    if after.state not in states:
        problems.append(
            Problem(
                shown_as,
                "aftermath.state",
                f"'{after.state[:40]}' is not in the aftermath vocabulary; use one of: {', '.join(sorted(states))}",
            )
        )
    if after.state != "not-applicable" and not after.sources:
        problems.append(
            Problem(
                shown_as,
                "aftermath.sources",
                "cite at least one source that states what followed "
                "(never inferred from silence), or use state not-applicable",
            )
        )
    if after.period_from is None or after.period_to is None:
        if after.state != "not-applicable":
            problems.append(
                Problem(
                    shown_as,
                    "aftermath.period_from",
                    "give period_from and period_to: the years the sources cover after the end",
                )
            )
    else:
        problems += _check_period(shown_as, mission.end, after.period_from, after.period_to, today)
    if after.state == "conflict-resumed":
        if after.resumed is None:
            problems.append(
                Problem(
                    shown_as,
                    "aftermath.resumed",
                    "give when armed conflict resumed ('YYYY' or 'YYYY-MM'), as the sources state it",
                )
            )
        elif latest_day(after.resumed) < earliest_day(mission.end):
            problems.append(
                Problem(
                    shown_as,
                    "aftermath.resumed",
                    f"'{after.resumed}' is before the operation ended "
                    f"({mission.end}); a conflict that never stopped is conflict-continued",
                )
            )
    elif after.resumed is not None:
        problems.append(
            Problem(
                shown_as,
                "aftermath.resumed",
                "only conflict-resumed has a date of resumption; remove it or set state: conflict-resumed",
            )
        )
    return problems


def _check_period(shown_as: str, end: str, period_from: str, period_to: str, today: date) -> list[Problem]:
    problems = []
    if latest_day(period_from) < earliest_day(end[:4]):
        problems.append(
            Problem(
                shown_as,
                "aftermath.period_from",
                f"'{period_from}' is before the operation "
                f"ended ({end}); the aftermath begins with the year it ended or later",
            )
        )
    if earliest_day(period_to) < earliest_day(period_from):
        problems.append(
            Problem(
                shown_as,
                "aftermath.period_to",
                f"'{period_to}' is before period_from '{period_from}'; swap or correct them",
            )
        )
    if earliest_day(period_to) > today:
        problems.append(
            Problem(
                shown_as, "aftermath.period_to", f"'{period_to}' is in the future; give the last year the sources cover"
            )
        )
    return problems


def check_assessments(shown_as: str, _p: Path, mission: Mission, _v: Vocabularies, today: date) -> list[Problem]:
    """An assessment is published after the operation began and not in the future, and is listed once."""
    problems = []
    seen: set[tuple[str, str, str]] = set()
    for index, judgement in enumerate(mission.assessments):
        field = f"assessments[{index}]"
        if latest_day(judgement.date) < earliest_day(mission.start):
            problems.append(
                Problem(
                    shown_as,
                    f"{field}.date",
                    f"'{judgement.date}' is before the operation began "
                    f"({mission.start}); an assessment judges what it did",
                )
            )
        if earliest_day(judgement.date) > today:
            problems.append(Problem(shown_as, f"{field}.date", f"'{judgement.date}' is in the future"))
        key = (judgement.assessor, judgement.date, judgement.source)
        if key in seen:
            problems.append(
                Problem(shown_as, field, f"{judgement.assessor} ({judgement.date}) is listed twice; keep one")
            )
        seen.add(key)
    return problems


JUDGEMENT_RULES = (check_aftermath, check_assessments)
