"""The controlled vocabularies (data/vocabularies.yaml): each value's label, definition and source, in two languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dashboard.dataset.files import Problem, read_yaml
from dashboard.i18n import N_, _

# how a chart, a hover or a header names an organisation in a few letters (in French: OTAN, ONU, UE, UA)
ORGANISATION_SHORT = {"NATO": N_("NATO"), "UN": N_("UN"), "EU": N_("EU"), "AU": N_("AU"), "OSCE": N_("OSCE"),
                      "coalition": N_("coalition")}  # fmt: skip


def organisation_short(organisation: str) -> str:
    """'NATO' in English, 'OTAN' in French; an organisation not in the list as it is written."""
    return _(ORGANISATION_SHORT[organisation]) if organisation in ORGANISATION_SHORT else organisation


VOCABULARY_NAMES = (
    "organisation",
    "mission_type",
    "domains",
    "region",
    "legal_basis_kinds",
    "outcome",
    "sea_areas",
    "casualty_groups",
    "fatality_causes",
    "aftermath",
)

Vocabularies = dict[str, dict[str, dict[str, Any]]]


class VocabularySource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    publisher: str
    url: str = Field(pattern=r"^https?://")
    accessed: str


class VocabularyTranslation(BaseModel):
    """The label and definition in French (the app's second language)."""

    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1)
    definition: str = Field(min_length=1)


class VocabularyEntry(BaseModel):
    """One controlled value: a label for the UI and a definition with its source, in English and French."""

    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    source: VocabularySource
    fr: VocabularyTranslation


def load_vocabularies(path: Path, shown_as: str = "data/vocabularies.yaml") -> tuple[Vocabularies, list[Problem]]:
    """Read and check the controlled vocabularies file."""
    raw, problems = read_yaml(path, shown_as)
    if problems:
        return {}, problems
    if not isinstance(raw, dict):
        return {}, [Problem(shown_as, "", "must be a mapping of vocabulary name to values")]
    vocabularies: Vocabularies = {}
    for name in VOCABULARY_NAMES:
        values = raw.get(name)
        if not isinstance(values, dict) or not values:
            problems.append(Problem(shown_as, name, "is missing or empty; add the vocabulary with its values"))
            continue
        vocabularies[name] = {}
        for value, entry in values.items():
            try:
                vocabularies[name][str(value)] = VocabularyEntry.model_validate(entry).model_dump()
            except ValidationError as error:
                for detail in error.errors():
                    field = ".".join([name, str(value), *map(str, detail["loc"])])
                    problems.append(
                        Problem(
                            shown_as,
                            field,
                            f"{detail['msg']}; give label, definition, source and fr (label, definition)",
                        )
                    )
    return vocabularies, problems
