"""Guess then reveal: questions generated from the dataset (and fact-or-myth claims), the same for a seed.

Every answer is computed from the records, and every question carries the facts and sources that
answer it, so the reveal can show a chart and the source. A question whose answer the data cannot
settle (two starts in the same month given only as a year, a duration on the edge of two ranges, a
resolution no event or source names) is never asked.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import answers
from dashboard.dataset.loading import Dataset, short_name
from dashboard.dataset.parts import earliest_day, latest_day
from dashboard.dataset.schema import Mission
from dashboard.i18n import _, format_date, format_number, pick
from dashboard.learn.content import Claim

Kind = Literal["first", "larger", "resolution", "duration", "claim"]
KINDS: tuple[Kind, ...] = ("first", "larger", "resolution", "duration", "claim")
PLAN: tuple[Kind, ...] = ("first", "larger", "claim", "resolution", "duration", "first", "larger", "claim")
SEED_MAX = 99_999
DURATION_BANDS = ((0.0, 1.0), (1.0, 5.0), (5.0, 10.0), (10.0, 100.0))  # years; lower bound included


@dataclass(frozen=True)
class Bar:
    """One operation as the reveal chart draws it."""

    mission_id: str
    label: str
    start: date
    end: date
    value: float | None = None  # peak strength, for 'larger'


@dataclass(frozen=True)
class Question:
    kind: Kind
    prompt: str
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str
    bars: tuple[Bar, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()  # (title, url)
    mission_ids: tuple[str, ...] = ()
    claim_id: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _source(mission: Mission, url: str) -> tuple[str, str]:
    """(title (publisher), url) of one of the record's sources; the url alone if the record does not list it."""
    source = next((s for s in mission.sources if s.url == url), None)
    return (f"{source.title} ({source.publisher})" if source else url, url)


def _event_source(mission: Mission, when: str | None) -> tuple[str, str] | None:
    """The source of the event dated like the start or end, if the record has one."""
    event = next((e for e in mission.events if when and e.date == when), None)
    return _source(mission, event.source) if event else None


def _bar(mission: Mission, today: date, value: float | None = None) -> Bar:
    end = latest_day(mission.end) if mission.end else today
    return Bar(mission.id, short_name(mission), earliest_day(mission.start), end, value)


def option_name(mission: Mission) -> str:
    """How an answer names an operation: an acronym is spelt out ('RSM (Resolute Support Mission)')."""
    short = short_name(mission)
    return f"{short} ({mission.name})" if short == mission.acronym and mission.name != short else short


def _nato(data: Dataset) -> list[Mission]:
    return [m for m in sorted(data.records.values(), key=lambda m: m.id) if m.organisation == "NATO"]


def which_came_first(data: Dataset, rng: random.Random) -> Question | None:
    pool = list(data.records.values())
    pool.sort(key=lambda m: m.id)
    for _attempt in range(50):
        a, b = rng.sample(pool, 2)
        if latest_day(a.start) < earliest_day(b.start):
            first = a
        elif latest_day(b.start) < earliest_day(a.start):
            first = b
        else:
            continue  # the data cannot order them
        options = (option_name(a), option_name(b))
        sources = tuple(s for m in (a, b) if (s := _event_source(m, m.start)))
        explanation = _("{first} began in {first_start}; {second} in {second_start}.").format(
            first=short_name(first),
            first_start=format_date(first.start),
            second=short_name(b if first is a else a),
            second_start=format_date((b if first is a else a).start),
        )
        return Question(
            "first",
            _("Which began first?"),
            options,
            0 if first is a else 1,
            explanation,
            bars=(_bar(a, data.today), _bar(b, data.today)),
            sources=sources,
            mission_ids=(a.id, b.id),
        )
    return None


def which_was_larger(data: Dataset, rng: random.Random) -> Question | None:
    pool = [m for m in sorted(data.records.values(), key=lambda m: m.id) if m.peak_personnel is not None]
    for _attempt in range(50):
        a, b = rng.sample(pool, 2)
        assert a.peak_personnel is not None and b.peak_personnel is not None
        low, high = sorted((a.peak_personnel.value, b.peak_personnel.value))
        if high < 1.25 * low:
            continue  # too close to be a fair guess
        larger = a if a.peak_personnel.value > b.peak_personnel.value else b
        explanation = _("At its published peak {a} had {a_peak} personnel ({a_date}); {b} had {b_peak} ({b_date}).")
        return Question(
            "larger",
            _("Which had more personnel at its peak?"),
            (option_name(a), option_name(b)),
            0 if larger is a else 1,
            explanation.format(
                a=short_name(a),
                a_peak=format_number(a.peak_personnel.value),
                a_date=format_date(a.peak_personnel.date) if a.peak_personnel.date else _("date not published"),
                b=short_name(b),
                b_peak=format_number(b.peak_personnel.value),
                b_date=format_date(b.peak_personnel.date) if b.peak_personnel.date else _("date not published"),
            ),
            bars=(
                _bar(a, data.today, float(a.peak_personnel.value)),
                _bar(b, data.today, float(b.peak_personnel.value)),
            ),
            sources=(_source(a, a.peak_personnel.source), _source(b, b.peak_personnel.source)),
            mission_ids=(a.id, b.id),
        )
    return None


def resolution_source(mission: Mission, number: int) -> tuple[str, str] | None:
    """An event or a source of the record that names the resolution, so the answer can be checked."""
    for event in mission.events:
        if str(number) in event.title and "esolution" in event.title:
            return _source(mission, event.source)
    for source in mission.sources:
        if str(number) in source.title:
            return _source(mission, source.url)
    return None


def which_resolution(data: Dataset, rng: random.Random) -> Question | None:
    """'Resolution N authorised which of these?' among operations resting on other resolutions."""
    by_resolution: dict[int, list[Mission]] = {}
    for mission in _nato(data):
        for number in mission.legal_basis.unsc_resolutions:
            by_resolution.setdefault(number, []).append(mission)
    askable = sorted(n for n, ms in by_resolution.items() if len(ms) == 1 and resolution_source(ms[0], n))
    if not askable:
        return None
    number = rng.choice(askable)
    right = by_resolution[number][0]
    others = [m for m in _nato(data) if number not in m.legal_basis.unsc_resolutions and m.legal_basis.unsc_resolutions]
    if len(others) < 2:
        return None
    chosen = [right, *rng.sample(others, 2)]
    rng.shuffle(chosen)
    source = resolution_source(right, number)
    assert source is not None
    return Question(
        "resolution",
        _("UN Security Council resolution {number} is a legal basis of which of these NATO operations?").format(
            number=number
        ),
        tuple(option_name(m) for m in chosen),
        chosen.index(right),
        _("{name} rests on resolutions {numbers}.").format(
            name=short_name(right), numbers=", ".join(map(str, right.legal_basis.unsc_resolutions))
        )
        + " "
        + right.legal_basis.note,
        bars=tuple(_bar(m, data.today) for m in chosen),
        sources=(source,),
        mission_ids=tuple(m.id for m in chosen),
        extra={"resolution": str(number)},
    )


def duration_band(years: float) -> int:
    return next(i for i, (low, high) in enumerate(DURATION_BANDS) if low <= years < high)


def band_labels() -> tuple[str, ...]:
    return (_("Less than a year"), _("1 to 5 years"), _("5 to 10 years"), _("More than 10 years"))


def how_long(data: Dataset, rng: random.Random) -> Question | None:
    pool = [m for m in _nato(data) if m.end is not None]
    rng.shuffle(pool)
    for mission in pool:
        assert mission.end is not None
        shortest = (earliest_day(mission.end) - latest_day(mission.start)).days / 365.25
        longest = (latest_day(mission.end) - earliest_day(mission.start)).days / 365.25
        if duration_band(max(shortest, 0.0)) != duration_band(longest):
            continue  # partial dates leave it on the edge of two ranges
        sources = tuple(s for s in (_event_source(mission, mission.start), _event_source(mission, mission.end)) if s)
        return Question(
            "duration",
            _("How long did {name} last?").format(name=option_name(mission)),
            band_labels(),
            duration_band(longest),
            _("{name} ran from {start} to {end}.").format(
                name=short_name(mission), start=mission.start, end=mission.end
            ),
            bars=(_bar(mission, data.today),),
            sources=sources,
            mission_ids=(mission.id,),
        )
    return None


def fact_or_myth(claims: Sequence[Claim], rng: random.Random, used: set[str]) -> Question | None:
    fresh = [c for c in claims if c.id not in used]
    if not fresh:
        return None
    claim = rng.choice(fresh)
    used.add(claim.id)
    return Question(
        "claim",
        pick(claim.statement.as_dict()),
        (_("Fact"), _("Myth")),
        0 if claim.answer == "fact" else 1,
        pick(claim.explanation.as_dict()),
        sources=tuple((f"{s.title} ({s.publisher})", s.url) for s in claim.sources),
        claim_id=claim.id,
    )


def new_seed(avoid: int | None = None) -> int:
    """A fresh seed for a new set of questions (never the one just used)."""
    seed = random.SystemRandom().randint(1, SEED_MAX)
    return seed if seed != avoid else seed % SEED_MAX + 1


def questions(data: Dataset, claims: Sequence[Claim], seed: int, count: int = len(PLAN)) -> list[Question]:
    """The quiz for a seed: the same seed gives the same questions, in the same order, to every student."""
    rng = random.Random(seed)
    used_claims: set[str] = set()
    asked: list[Question] = []
    seen: set[tuple[str, ...]] = set()
    for kind in (PLAN * (count // len(PLAN) + 1))[:count]:
        for _attempt in range(5):
            question = {
                "first": lambda: which_came_first(data, rng),
                "larger": lambda: which_was_larger(data, rng),
                "resolution": lambda: which_resolution(data, rng),
                "duration": lambda: how_long(data, rng),
                "claim": lambda: fact_or_myth(claims, rng, used_claims),
            }[kind]()
            if question is None:
                break
            key = (question.kind, *sorted(question.mission_ids), question.claim_id or "")
            if key not in seen:
                seen.add(key)
                asked.append(question)
                break
    return asked


def reveal(question: Question) -> tuple[go.Figure, pd.DataFrame] | None:
    """The chart that answers a question, and the table it draws (its text alternative); None for a claim."""
    if not question.bars:
        return None
    right = question.mission_ids[question.answer] if question.kind != "duration" else question.mission_ids[0]
    table = pd.DataFrame(
        [{"id": b.mission_id, "label": b.label, "start": b.start, "end": b.end, "value": b.value}
         for b in question.bars]
    )  # fmt: skip
    larger = question.kind == "larger"
    figure = answers.quiz_reveal(
        table,
        right,
        _("Peak strength as published") if larger else _("When each ran"),
        value_title=_("Personnel at the published peak") if larger else None,
    )
    shown = table.drop(columns=["id"] if larger else ["id", "value"]).rename(
        columns={"label": _("Operation"), "start": _("Start"), "end": _("End"), "value": _("Peak personnel")}
    )
    return figure, shown
