"""The Learn page's content: concepts, guided lessons and fact-or-myth claims, read from data/learn/.

Each text is given in English and French ({en, fr}); each factual sentence cites its item's own
numbered sources with [n]. Loading checks the schema, that every [n] points at a source and every
source is cited, and that every link and lesson step opens something the app can draw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from dashboard.charts import briefing
from dashboard.dataset.files import Problem, field_path, read_yaml
from dashboard.dataset.filters import whole_number
from dashboard.i18n import _

LEARN_DIR = "learn"
LINK_PAGES = ("overview", "timeline", "map", "compare", "mission", "data")
CITATION = re.compile(r"\[(\d+)\]")


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(Item):
    """One text in both of NATO's official languages."""

    en: StrictStr = Field(min_length=1)
    fr: StrictStr = Field(min_length=1)

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "fr": self.fr}


class LearnSource(Item):
    title: StrictStr = Field(min_length=1)
    publisher: StrictStr = Field(min_length=1)
    url: StrictStr = Field(pattern=r"^https?://")
    accessed: StrictStr = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    note: StrictStr | None = None


class Link(Item):
    """A button that opens a page of the app with its filters."""

    label: Text
    page: Literal["overview", "timeline", "map", "compare", "mission", "data"]
    query: StrictStr = ""


class Concept(Item):
    id: StrictStr = Field(pattern=r"^[a-z0-9-]+$")
    title: Text
    summary: Text
    paragraphs: list[Text] = Field(min_length=1)
    links: list[Link] = Field(min_length=1)
    sources: list[LearnSource] = Field(min_length=1)


class Step(Item):
    title: Text
    view: StrictStr = Field(description="'page/chart?query': the chart the step shows, as a briefing pack holds it.")
    text: Text
    question: Text


class Lesson(Item):
    id: StrictStr = Field(pattern=r"^[a-z0-9-]+$")
    title: Text
    summary: Text
    level: Text
    steps: list[Step] = Field(min_length=6, max_length=10)
    sources: list[LearnSource] = Field(min_length=1)


class Claim(Item):
    id: StrictStr = Field(pattern=r"^[a-z0-9-]+$")
    statement: Text
    answer: Literal["fact", "myth"]
    explanation: Text
    link: Link
    sources: list[LearnSource] = Field(min_length=1)


@dataclass
class Learn:
    concepts: list[Concept] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def last_checked(self) -> str | None:
        """The latest date a source of the Learn page was read (worked out once: the content never changes)."""
        items: list[Concept | Lesson | Claim] = [*self.concepts, *self.lessons, *self.claims]
        dates = [s.accessed for item in items for s in item.sources]
        return max(dates) if dates else None

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)


def cited_texts(item: Concept | Lesson | Claim) -> Iterable[tuple[str, Text]]:
    """Every text of an item that may cite its sources, with where it sits."""
    if isinstance(item, Concept):
        yield from ((f"paragraphs[{i}]", t) for i, t in enumerate(item.paragraphs))
    elif isinstance(item, Lesson):
        yield from ((f"steps[{i}].text", step.text) for i, step in enumerate(item.steps))
    else:
        yield "explanation", item.explanation


def check_citations(shown_as: str, index: int, item: Concept | Lesson | Claim) -> list[Problem]:
    """Every [n] names one of the item's sources, in both languages alike, and every source is cited."""
    problems: list[Problem] = []
    where = f"[{index}] {item.id}"
    cited: set[int] = set()
    for name, text in cited_texts(item):
        english, french = (sorted(set(map(int, CITATION.findall(t)))) for t in (text.en, text.fr))
        if english != french:
            problems.append(Problem(shown_as, f"{where}.{name}", f"cites {english} in English but {french} in"
                                    " French; cite the same sources in both"))  # fmt: skip
        for number in english:
            if not 1 <= number <= len(item.sources):
                problems.append(Problem(shown_as, f"{where}.{name}", f"cites [{number}] but the item has "
                                        f"{len(item.sources)} sources; fix the number or add the source"))  # fmt: skip
        cited.update(english)
    for number in range(1, len(item.sources) + 1):
        if number not in cited:
            problems.append(Problem(shown_as, f"{where}.sources[{number - 1}]", "is never cited; cite it with "
                                    f"[{number}] where it supports a sentence, or remove it"))  # fmt: skip
    return problems


def check_ids(shown_as: str, where: str, query: str, mission_ids: set[str]) -> list[Problem]:
    """A link's or a view's URL parameters name only known operations."""
    params = dict(parse_qsl(query))
    ids = [params["id"]] if "id" in params else []
    ids += [i for key in ("ids", "strength") for i in params.get(key, "").split(",") if i]
    return [
        Problem(shown_as, f"{where}.query", f"'{i}' is not an operation id; use a file name from data/missions/")
        for i in ids
        if i not in mission_ids
    ]


def check_view(shown_as: str, where: str, view_text: str, mission_ids: set[str]) -> list[Problem]:
    view = briefing.decode(view_text)
    if view is None:
        charts = "; ".join(f"{page}: {', '.join(keys)}" for page, keys in briefing.CHARTS.items())
        return [Problem(shown_as, where, f"'{view_text}' is not a chart the app can draw; write "
                        f"'page/chart?query' with one of {charts}")]  # fmt: skip
    return check_ids(shown_as, where, view_text.partition("?")[2], mission_ids)


def _load(path: Path, model: type[Item], mission_ids: set[str]) -> tuple[list[Item], list[Problem]]:
    shown_as = f"data/{LEARN_DIR}/{path.name}"
    if not path.exists():
        return [], [Problem(shown_as, "", "is missing; the Learn page needs it (see data/README.md)")]
    raw, problems = read_yaml(path, shown_as)
    if problems:
        return [], problems
    if not isinstance(raw, list):
        return [], [Problem(shown_as, "", "must be a list of items, each starting with '- id:'")]
    items: list[Item] = []
    for index, entry in enumerate(raw):
        try:
            items.append(model.model_validate(entry))
        except ValidationError as error:
            for detail in error.errors():
                location = field_path([index, *detail["loc"]])
                problems.append(Problem(shown_as, location, f"{detail['msg']}; see data/README.md (Learn)"))
    seen: set[str] = set()
    for index, item in enumerate(items):
        assert isinstance(item, Concept | Lesson | Claim)
        if item.id in seen:
            problems.append(Problem(shown_as, f"[{index}].id", f"'{item.id}' appears twice; ids must be unique"))
        seen.add(item.id)
        problems += check_citations(shown_as, index, item)
        where = f"[{index}] {item.id}"
        if isinstance(item, Concept):
            for n, link in enumerate(item.links):
                problems += check_ids(shown_as, f"{where}.links[{n}]", link.query, mission_ids)
        elif isinstance(item, Claim):
            problems += check_ids(shown_as, f"{where}.link", item.link.query, mission_ids)
        else:
            for n, step in enumerate(item.steps):
                problems += check_view(shown_as, f"{where}.steps[{n}].view", step.view, mission_ids)
    return items, problems


def load_learn(data_dir: Path, mission_ids: set[str]) -> Learn:
    """Read and check data/learn/; items with problems are still returned when they parsed."""
    folder = data_dir / LEARN_DIR
    learn = Learn()
    for name, model in (("concepts.yaml", Concept), ("lessons.yaml", Lesson), ("claims.yaml", Claim)):
        items, problems = _load(folder / name, model, mission_ids)
        learn.problems += problems
        setattr(learn, name.removesuffix(".yaml"), items)
    return learn


PARTS = ("concepts", "lessons", "quiz", "glossary")


@dataclass
class LearnReading:
    """What a /learn link asks for, after checking it; `notices` say what was not understood."""

    part: str = "concepts"
    concept: str | None = None
    lesson: str | None = None
    step: int = 1
    seed: int | None = None
    teacher: bool = False
    notices: list[str] = field(default_factory=list)


def read_url(params: dict[str, list[str]], lessons: dict[str, int], concepts: list[str], seed_max: int) -> LearnReading:
    """Read part, concept, lesson, step, seed and teacher from the URL; anything else falls back with a notice.

    `lessons` maps each lesson id to its number of steps.
    """
    reading = LearnReading()

    def last(name: str) -> str | None:
        values = params.get(name) or []
        return values[-1] if values else None

    part, lesson, step, seed, teacher = (last(n) for n in ("part", "lesson", "step", "seed", "teacher"))
    concept = last("concept")
    if concept is not None:
        if concept in concepts:
            reading.concept = concept
        else:
            reading.notices.append(
                _("Ignored concept={value}: no such concept; showing the first.").format(value=concept[:40])
            )
    if lesson is not None:
        if lesson in lessons:
            reading.lesson, reading.part = lesson, "lessons"
        else:
            reading.notices.append(
                _("Ignored lesson={value}: no such lesson; choose one of {choices}.").format(
                    value=lesson[:40], choices=", ".join(lessons)
                )
            )
    if part is not None and reading.lesson is None:
        if part in PARTS:
            reading.part = part
        else:
            reading.notices.append(
                _("Ignored part={value}: use one of {choices}.").format(value=part[:40], choices=", ".join(PARTS))
            )
    if step is not None and reading.lesson is not None:
        count = lessons[reading.lesson]
        number = whole_number(step, 1, count)
        if number is not None:
            reading.step = number
        else:
            reading.notices.append(
                _("Ignored step={value}: this lesson has steps 1 to {count}; showing step 1.").format(
                    value=step[:20], count=count
                )
            )
    if seed is not None:
        number = whole_number(seed, 1, seed_max)
        if number is not None:
            reading.seed = number
        else:
            reading.notices.append(
                _("Ignored seed={value}: use a whole number from 1 to {maximum}; new questions are shown.").format(
                    value=seed[:20], maximum=seed_max
                )
            )
        if reading.lesson is None and part is None:
            reading.part = "quiz"
    if teacher is not None:
        if teacher in ("0", "1"):
            reading.teacher = teacher == "1"
        else:
            reading.notices.append(
                _("Ignored teacher={value}: use teacher=1 to show the answers.").format(value=teacher[:20])
            )
    return reading
