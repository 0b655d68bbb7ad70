"""The publisher registry (data/publishers.yaml): who publishes each domain the records cite, and so the grade
of the evidence behind every figure, computed here and never typed by hand.

A url's publisher is the registry entry for the longest domain suffix of its host (`jfcnaples.nato.int` falls
under `nato.int`). A grade follows from the publisher's kind; a copy or web archive that names an original
published by an official or independent publisher takes the original's grade, marked as read through a copy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pycountry
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from dashboard.dataset.files import Problem, read_yaml
from dashboard.dataset.schema import Mission, Source, cited_sources
from dashboard.i18n import N_

PUBLISHERS_FILE = "publishers.yaml"
Kind = Literal[
    "nato", "un", "eu", "au", "osce", "government", "parliament", "audit", "court",
    "research", "ngo", "press", "reference", "archive", "copy", "personal", "disinformation",
]  # fmt: skip
Grade = Literal["official", "independent", "reference", "copy-personal", "refused"]
GRADE_OF_KIND: dict[str, Grade] = {
    "nato": "official", "un": "official", "eu": "official", "au": "official", "osce": "official",
    "government": "official", "parliament": "official", "audit": "official", "court": "official",
    "research": "independent", "ngo": "independent", "press": "independent",
    "reference": "reference",
    "archive": "copy-personal", "copy": "copy-personal", "personal": "copy-personal",
    "disinformation": "refused",
}  # fmt: skip
GRADES: tuple[Grade, ...] = ("official", "independent", "reference", "copy-personal")  # best first; refused never shown
GRADE_LABELS = {  # shown with _()
    "official": N_("Official"),
    "independent": N_("Independent"),
    "reference": N_("Reference"),
    "copy-personal": N_("Copy or personal"),
    "refused": N_("Refused"),
}
GRADE_DEFINITIONS = {  # shown with _()
    "official": N_("Published by NATO, the UN, the EU, the AU, the OSCE, a government, a parliament, an audit body "
                   "or a court: the body that ran, mandated or oversaw the operation."),
    "independent": N_("Published by a research institute, a university, an NGO or the press, with its own "
                      "editorial responsibility."),
    "reference": N_("An encyclopedia or a mirror of one: a summary of other sources, used where nothing better "
                    "was found."),
    "copy-personal": N_("A blog, a forum, a hobby site, or a copy of someone else's document whose original is "
                        "not named: use with care."),
    "refused": N_("A state disinformation outlet: never cited."),
}  # fmt: skip
COPY_KINDS = ("archive", "copy")  # a source of these kinds must name the original it reproduces
OFFICIAL_KINDS = tuple(kind for kind, grade in GRADE_OF_KIND.items() if grade == "official")
KOSOVO = "XKX"
EMBEDDED_URL = re.compile(r"/(https?://.+)$")  # web.archive.org/web/2005.../http://www.nato.int/...


class Publisher(BaseModel):
    """Who publishes a domain, and what kind of publisher it is."""

    model_config = ConfigDict(extra="forbid")
    name: StrictStr = Field(min_length=1, description="The publisher's name.", examples=["NATO"])
    country: StrictStr | None = Field(
        description="ISO 3166-1 alpha-3 code of where it is based (XKX for Kosovo); null for an international body.",
        examples=["CAN", None],
    )
    kind: Kind = Field(description="What kind of publisher it is: decides the grade of what it publishes.")
    note: StrictStr | None = Field(default=None, description="Why it has this kind, where that needs saying.")


Registry = Mapping[str, Publisher]


@dataclass(frozen=True)
class Evidence:
    """What a cited url rests on: its publisher (None when the domain is not registered) and the grade."""

    domain: str
    publisher: Publisher | None
    grade: Grade
    through_copy: bool = False  # an official or independent original, read through a copy or an archive

    @property
    def name(self) -> str:
        return self.publisher.name if self.publisher is not None else self.domain


def domain_of(url: str) -> str:
    """'https://www.jfcnaples.nato.int:443/x' -> 'jfcnaples.nato.int'."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def entry_for(url: str, registry: Registry) -> tuple[str, Publisher] | None:
    """The registry entry for a url's domain: the longest registered suffix of its host."""
    labels = domain_of(url).split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in registry:
            return candidate, registry[candidate]
    return None


def evidence(url: str, registry: Registry, source: Source | None = None) -> Evidence:
    """The grade of a cited url; an unregistered domain counts as copy or personal until it is registered."""
    found = entry_for(url, registry)
    if found is None:
        return Evidence(domain_of(url), None, "copy-personal")
    domain, publisher = found
    grade = GRADE_OF_KIND[publisher.kind]
    if publisher.kind in COPY_KINDS:
        original = source.original.url if source is not None and source.original is not None else None
        embedded = EMBEDDED_URL.search(url.partition("://")[2])  # the archived url, after the archive's host
        for candidate in (original, embedded.group(1) if embedded else None):
            inner = entry_for(candidate, registry) if candidate else None
            if inner is not None and GRADE_OF_KIND[inner[1].kind] in ("official", "independent"):
                return Evidence(domain, publisher, GRADE_OF_KIND[inner[1].kind], through_copy=True)
    return Evidence(domain, publisher, grade)


def _country_problem(country: str | None) -> str | None:
    if country is None or country == KOSOVO or pycountry.countries.get(alpha_3=country) is not None:
        return None
    return f"'{country}' is not an ISO 3166-1 alpha-3 code; write e.g. USA, GBR, FRA, or null for an international body"


def load_publishers(data_dir: Path) -> tuple[dict[str, Publisher], list[Problem]]:
    """Read and check data/publishers.yaml: a mapping of domain to name, country and kind."""
    path = data_dir / PUBLISHERS_FILE
    shown_as = f"data/{PUBLISHERS_FILE}"
    if not path.exists():
        return {}, [Problem(shown_as, "", "is missing; every cited domain needs an entry (see data/README.md)")]
    raw, problems = read_yaml(path, shown_as)
    if problems:
        return {}, problems
    if not isinstance(raw, dict):
        return {}, [Problem(shown_as, "", "must be a mapping of domain to name, country and kind")]
    registry: dict[str, Publisher] = {}
    for domain, entry in raw.items():
        key = str(domain)
        if key != key.lower() or key.startswith("www.") or "/" in key or ":" in key:
            problems.append(Problem(shown_as, key, "write the domain in lower case, without www., port or path"))
            continue
        try:
            publisher = Publisher.model_validate(entry)
        except ValidationError as error:
            for detail in error.errors():
                where = ".".join([key, *map(str, detail["loc"])])
                problems.append(Problem(shown_as, where, f"{detail['msg']}; give name, country and kind"))
            continue
        country_problem = _country_problem(publisher.country)
        if country_problem:
            problems.append(Problem(shown_as, f"{key}.country", country_problem))
            continue
        registry[key] = publisher
    return registry, problems


def unregistered(shown_as: str, sources: Iterable[tuple[str, Source]], registry: Registry) -> list[Problem]:
    """Rule registered-publisher: every listed source's domain (field, source) has an entry in
    data/publishers.yaml."""
    return [
        Problem(shown_as, f"{field}.url",
                f"'{domain_of(source.url)}' is not in data/{PUBLISHERS_FILE}; add it there with name, country and kind")
        for field, source in sources
        if entry_for(source.url, registry) is None
    ]  # fmt: skip


def disinformation(shown_as: str, places: Iterable[tuple[str, str]], registry: Registry) -> list[Problem]:
    """Rule no-disinformation: nothing (field, url) rests on an outlet the registry lists as disinformation."""
    problems = []
    for field, url in places:
        found = entry_for(url, registry)
        if found is not None and found[1].kind == "disinformation":
            problems.append(Problem(
                shown_as, field,
                f"cites {found[0]} ({found[1].name}), which data/{PUBLISHERS_FILE} lists as a disinformation outlet; "
                "cite an official or independent source, or remove the value",
            ))  # fmt: skip
    return problems


def copies_without_original(shown_as: str, sources: Iterable[tuple[str, Source]], registry: Registry) -> list[Problem]:
    """Rule copy-names-original: a copy or a web archive (field, source) says which original it reproduces."""
    problems = []
    for field, source in sources:
        found = entry_for(source.url, registry)
        if found is not None and found[1].kind in COPY_KINDS and source.original is None:
            what = "a web archive" if found[1].kind == "archive" else "a copy"
            problems.append(Problem(
                shown_as, f"{field}.original",
                f"{found[0]} is {what} of someone else's page; name the original it reproduces: "
                "original: {publisher: ..., title: ... (or symbol: ...), date: ...}",
            ))  # fmt: skip
    return problems


def listed(sources: list[Source], where: str = "") -> list[tuple[str, Source]]:
    """('sources[0]', source), ...: a record's (or a campaign's, under `where`) listed sources by field."""
    return [(f"{where}sources[{index}]", source) for index, source in enumerate(sources)]


def check_publishers_registered(shown_as: str, mission: Mission, registry: Registry) -> list[Problem]:
    return unregistered(shown_as, listed(mission.sources), registry)


def check_no_disinformation(shown_as: str, mission: Mission, registry: Registry) -> list[Problem]:
    places = [*cited_sources(mission), *((f"{field}.url", s.url) for field, s in listed(mission.sources))]
    return disinformation(shown_as, places, registry)


def check_copies_name_original(shown_as: str, mission: Mission, registry: Registry) -> list[Problem]:
    return copies_without_original(shown_as, listed(mission.sources), registry)


PUBLISHER_RULES = (check_publishers_registered, check_no_disinformation, check_copies_name_original)


def source_evidence(mission: Mission, url: str, registry: Registry) -> Evidence:
    """The grade of a url as a record cites it (its `sources` entry may name the original a copy reproduces)."""
    listed = next((source for source in mission.sources if source.url == url), None)
    return evidence(url, registry, listed)


@dataclass(frozen=True)
class EvidenceSummary:
    """What the whole dataset rests on: every citation by publisher kind, every strength figure by grade."""

    citations: Counter[str]  # kind -> citations (sources listed and values that cite them); "unregistered" too
    strength: Counter[str]  # grade -> strength figures (personnel points and peaks)
    grades: Counter[str]  # grade -> citations, as shown (an archive of an official page is official)

    def grade_share(self, grade: str) -> float:
        total = sum(self.grades.values())
        return self.grades[grade] / total if total else 0.0

    def share(self, *kinds: str) -> float:
        total = sum(self.citations.values())
        return sum(self.citations[kind] for kind in kinds) / total if total else 0.0

    def strength_share(self, grade: str) -> float:
        total = sum(self.strength.values())
        return self.strength[grade] / total if total else 0.0


def all_citations(mission: Mission) -> list[tuple[str, str]]:
    """(field, url) for every citation the evidence targets count: each value's source, then each listed source."""
    return [*cited_sources(mission), *(("sources", source.url) for source in mission.sources)]


def summarise(records: Iterable[Mission], registry: Registry) -> EvidenceSummary:
    """Count every url cited in the records (each listed source and each value citing one) by kind of publisher."""
    citations: Counter[str] = Counter()
    strength: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    for mission in records:
        for _field, url in all_citations(mission):
            found = entry_for(url, registry)
            citations[found[1].kind if found is not None else "unregistered"] += 1
            grades[source_evidence(mission, url, registry).grade] += 1
        figures = [*mission.personnel, *([mission.peak_personnel] if mission.peak_personnel else [])]
        strength.update(source_evidence(mission, figure.source, registry).grade for figure in figures)
    return EvidenceSummary(citations, strength, grades)


WEAK_KINDS = ("copy", "personal")  # the kinds the evidence target counts: blogs, forums, hobby and copy sites


@dataclass(frozen=True)
class WeakCitation:
    """A url of a copy or personal publisher in one record, with every place that cites it."""

    mission: str
    kind: str
    url: str
    fields: tuple[str, ...]  # "sources" for its listing, then each value citing it

    @property
    def citations(self) -> int:
        return len(self.fields)


def weak_citations(records: Iterable[Mission], registry: Registry) -> list[WeakCitation]:
    """Every copy or personal url of the records, most cited first: the work list for replacing weak sources."""
    found: list[WeakCitation] = []
    for mission in records:
        places: dict[str, list[str]] = {}
        for field, url in all_citations(mission):
            places.setdefault(url, []).append(field)
        for url, fields in places.items():
            entry = entry_for(url, registry)
            if entry is not None and entry[1].kind in WEAK_KINDS:
                found.append(WeakCitation(mission.id, entry[1].kind, url, tuple(fields)))
    return sorted(found, key=lambda weak: (-weak.citations, weak.mission, weak.url))


def evidence_report(summary: EvidenceSummary) -> str:
    """What the valid records rest on, in two lines (for make validate)."""
    total = sum(summary.citations.values())
    shares = ", ".join(f"{grade} {100 * summary.grade_share(grade):.1f}%" for grade in GRADES)
    strength = ", ".join(
        f"{grade} {100 * summary.strength_share(grade):.0f}%" for grade in GRADES if summary.strength[grade]
    )
    return f"{total} citations: {shares}\n{sum(summary.strength.values())} strength figures: {strength}"


def weak_report(weak: list[WeakCitation]) -> str:
    """One line per copy or personal url: citations, record, kind, url and the fields citing it (make weak)."""
    lines = [f"{item.citations}  {item.mission}  {item.kind}  {item.url}  {', '.join(item.fields)}" for item in weak]
    total = sum(item.citations for item in weak)
    return "\n".join([*lines, f"{total} citations of copy or personal publishers, {len(weak)} urls"])
