"""The mission record contract: a pydantic model whose exported JSON Schema documents every field.

Structure and types live here; the controlled vocabularies (data/vocabularies.yaml) and the rules
that span fields or records live in validation.py. `mission_json_schema` adds the vocabularies to
the exported schema as enums, so the file in data/schema/ is complete on its own.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.judgements import Aftermath, Assessment
from dashboard.dataset.parts import PartialDate, Record
from dashboard.dataset.vocabularies import load_vocabularies
from dashboard.i18n import N_

# how the app shows a figure, a date or a count that no source publishes (the record leaves it empty)
NOT_PUBLISHED = N_("not published")  # shown with _()
MISSION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


SourceUrl = Annotated[
    StrictStr,
    Field(
        description="The URL of the source of this value; must be one of the record's `sources` urls.",
        examples=["https://www.nato.int/cps/en/natohq/topics_48818.htm"],
    ),
]
Note = Annotated[
    StrictStr | None,
    Field(default=None, description="What exactly the value counts, or why it is qualified; own words."),
]
Number = StrictInt | StrictFloat


class Original(Record):
    """The document that a copy or an archived page reproduces, named so that a reader can cite the original."""

    publisher: StrictStr = Field(
        description="Who published the original.", examples=["United Nations Security Council", "Reuters"]
    )
    title: StrictStr | None = Field(
        default=None, description="The original's title (give it, or its symbol, or both).",
        examples=["Security Council resolution 1244 (1999)"],
    )  # fmt: skip
    symbol: StrictStr | None = Field(
        default=None, description="The original's document symbol, where it has one.", examples=["S/RES/1244 (1999)"]
    )
    date: PartialDate | None = Field(
        description="When the original was published ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'), as the copy or the "
        "original states it; null when neither gives a date (never estimated).",
        examples=["1999-06-10"],
    )
    url: StrictStr | None = Field(
        default=None, pattern=r"^https?://",
        description="Where the original itself is published, when it still is.",
        examples=["https://docs.un.org/en/S/RES/1244(1999)"],
    )  # fmt: skip

    @model_validator(mode="after")
    def names_the_document(self) -> Original:
        if not self.title and not self.symbol:
            raise ValueError("give the original's title or its document symbol (or both), so a reader can find it")
        return self


class Source(Record):
    """A public source that the record's values come from."""

    title: StrictStr = Field(description="The page's or document's title.", examples=["NATO's role in Kosovo"])
    publisher: StrictStr = Field(description="Who published it.", examples=["NATO", "United Nations Security Council"])
    url: StrictStr = Field(
        pattern=r"^https?://", description="Where it can be read.", examples=["https://www.nato.int/..."]
    )
    accessed: PartialDate = Field(description="When the page was read for this record ('YYYY-MM-DD').")
    original: Original | None = Field(
        default=None,
        description="Required when the url is a copy of another publisher's document or a web archive of a page "
        "(data/publishers.yaml says which domains are): the original it reproduces.",
    )


class Figure(Record):
    """A published number with the date it describes and its source."""

    value: Number = Field(ge=0, description="The number exactly as published.", examples=[50000])
    date: PartialDate | None = Field(
        description="The date the number describes (not the date it was published); null only when the "
        "source gives none, never guessed."
    )
    source: SourceUrl
    note: Note = None


class DatedFigure(Figure):
    """A published number that must have a date: one point of a series."""

    date: PartialDate = Field(description="The date the number describes (not the date it was published).")


AIRCRAFT_ROLES = ("all", "combat", "support", "surveillance", "maritime-patrol", "transport", "tanker", "helicopter")
SHIP_ROLES = ("all", "surface", "submarine", "support")
# Activity measures: what an operation did over a period, counted as its sources count it (unit in the name).
ACTIVITY_MEASURES = (
    "sorties", "strike-sorties", "flying-hours", "vessels-hailed", "vessels-boarded", "vessels-diverted",
    "vessels-escorted", "scrambles", "trainees", "relief-flights", "tonnes-delivered",
)  # fmt: skip


class AircraftFigure(DatedFigure):
    """Aircraft deployed at a date, as published; `role` when the source counts one kind only."""

    role: Literal[
        "all", "combat", "support", "surveillance", "maritime-patrol", "transport", "tanker", "helicopter"
    ] = Field(default="all", description="Which aircraft the count covers; 'all' when the source counts every one.")


class ShipFigure(DatedFigure):
    """Ships (and submarines) deployed at a date, as published."""

    role: Literal["all", "surface", "submarine", "support"] = Field(
        default="all", description="Which vessels the count covers; 'all' when the source counts every one."
    )


class Activity(Record):
    """A count of what the operation did over a period (sorties flown, vessels hailed, people trained), as
    published, with the period it covers."""

    measure: Literal[
        "sorties", "strike-sorties", "flying-hours", "vessels-hailed", "vessels-boarded", "vessels-diverted",
        "vessels-escorted", "scrambles", "trainees", "relief-flights", "tonnes-delivered",
    ] = Field(description="What is counted (unit in the name).", examples=["sorties"])  # fmt: skip
    value: Number = Field(ge=0, description="The count exactly as published.", examples=[38004])
    as_of: PartialDate = Field(description="The date the count runs to (the end of the period).")
    period_from: PartialDate | None = Field(
        default=None, description="When the period counted begins; null when it is the whole operation so far."
    )
    scope: StrictStr = Field(
        min_length=1, description="Own words: what exactly is counted, by whom, and whether it is approximate."
    )
    source: SourceUrl
    note: Note = None


class LegalBasis(Record):
    """Why the operation was lawful in the view of those who ran it."""

    kinds: list[StrictStr] = Field(
        min_length=1,
        description="Kinds of legal basis (vocabulary `legal_basis_kinds`).",
        examples=[["unsc-chapter-vii", "peace-agreement"]],
    )
    unsc_resolutions: list[StrictInt] = Field(
        default_factory=list,
        description="Numbers of the UN Security Council resolutions it rests on; empty if none.",
        examples=[[1244]],
    )
    note: StrictStr = Field(
        min_length=1,
        description="In own words: which resolutions and chapter, agreement, invitation or NAC decision; "
        "says plainly when there was no UN authorisation.",
    )


class Headquarters(Record):
    """A headquarters or main base, with the coordinates of the named place."""

    name: StrictStr = Field(description="Name of the headquarters and its town.", examples=["Film City, Pristina"])
    lat: Number = Field(ge=-90, le=90, description="Latitude of the named place, decimal degrees.")
    lon: Number = Field(ge=-180, le=180, description="Longitude of the named place, decimal degrees.")
    source: SourceUrl


class Event(Record):
    """A dated milestone: a resolution, a decision, an expansion, a hand-over, the end."""

    date: PartialDate
    title: StrictStr = Field(min_length=1, description="What happened, in own words, one line.")
    source: SourceUrl


class Disagreement(Record):
    """A value another source gives for a field, kept so the UI can show the disagreement."""

    field: StrictStr = Field(description="The field this value disagrees on.", examples=["start", "peak_personnel"])
    value: StrictStr | Number = Field(description="The other source's value.")
    source: SourceUrl
    note: StrictStr = Field(description="Why the two differ, or why the record keeps its own value.")


class Fatalities(Record):
    """Deaths as one credible source (or two that disagree) published them, with exactly what is counted."""

    group: StrictStr = Field(
        description="Whose deaths (vocabulary `casualty_groups`): the operation's personnel, or civilians killed"
        " by the operation's own actions.",
        examples=["personnel"],
    )
    cause: StrictStr = Field(
        description="Which deaths (vocabulary `fatality_causes`): all causes, hostile action, accidents, other.",
        examples=["all-causes"],
    )
    value: StrictInt | None = Field(
        default=None, ge=0, description="The number as published; null when the source gives a range."
    )
    low: StrictInt | None = Field(default=None, ge=0, description="Lower end of a published range, else null.")
    high: StrictInt | None = Field(default=None, ge=0, description="Upper end of a published range, else null.")
    as_of: PartialDate = Field(description="The date the count runs to (for a finished operation, its end).")
    scope: StrictStr = Field(
        min_length=20,
        description="Exactly what is counted, in own words: whose deaths, where, when, under whose command,"
        " confirmed by whom (e.g. 'civilian deaths confirmed by the UN Commission of Inquiry', not 'civilians').",
    )
    sources: list[SourceUrl] = Field(
        min_length=1,
        max_length=2,
        description="The source of the number; two when a range joins two sources that disagree (low, high).",
    )
    whole_operation: StrictBool = Field(
        default=False,
        description="True only when the count covers all the operation's personnel (every nation) from its start"
        " to `as_of`; only such counts are compared across operations. False for one nation, one incident or a"
        " span that includes other operations.",
    )
    note: Note = None


class HumanCost(Record):
    """What is published about deaths caused by or suffered in the operation."""

    note: StrictStr | None = Field(
        default=None,
        description="What is and is not published, in own words: e.g. that NATO left casualty figures to the"
        " contributing nations; null when the figures speak for themselves.",
    )
    figures: list[Fatalities] = Field(default_factory=list, description="Published death counts; empty if none.")


class Mission(Record):
    """One operation or mission: one YAML file in data/missions/, named after its id."""

    id: StrictStr = Field(
        pattern=MISSION_ID.pattern,
        description="Lowercase, hyphenated common short name; equals the file name.",
        examples=["kfor", "deny-flight"],
    )
    name: StrictStr = Field(min_length=1, description="Full name.", examples=["Kosovo Force"])
    acronym: StrictStr | None = Field(description="Common acronym, or null.", examples=["KFOR"])
    short_name: StrictStr | None = Field(
        default=None,
        min_length=1,
        max_length=28,
        description="Label for charts and lists where the acronym is missing or unknown to most readers;"
        " omit it to use the acronym (or the name).",
        examples=["NATO support to AMIS"],
    )
    operation_names: list[StrictStr] = Field(
        description="Code names of the operation(s); empty if none.", examples=[["Joint Guardian"]]
    )
    organisation: StrictStr = Field(description="Who led it (vocabulary `organisation`).", examples=["NATO"])
    mission_type: StrictStr = Field(
        description="What kind of mission it was (vocabulary `mission_type`).",
        examples=["peacekeeping-stabilisation"],
    )
    domains: list[StrictStr] = Field(
        min_length=1, description="Where it operated: land, air, maritime (vocabulary `domains`)."
    )
    start: PartialDate = Field(description="When forces began the operation (not the decision date).")
    end: PartialDate | None = Field(description="When it ended; null while ongoing.")
    legal_basis: LegalBasis = Field(description="Why the operation was lawful in the view of those who ran it.")
    countries: list[StrictStr] = Field(
        description="ISO 3166-1 alpha-3 codes of the countries it operated in or over; XKX for Kosovo.",
        examples=[["XKX"]],
    )
    sea_areas: list[StrictStr] = Field(
        description="Sea areas it operated in (vocabulary `sea_areas`).", examples=[["adriatic-sea"]]
    )
    region: StrictStr = Field(description="Theatre region (vocabulary `region`).", examples=["balkans"])
    headquarters: list[Headquarters] = Field(description="Headquarters and main bases; the main HQ first.")
    personnel: list[DatedFigure] = Field(
        description="Published deployed strength over time, in date order; empty if none was published."
    )
    peak_personnel: Figure | None = Field(
        description="The highest published deployed strength, with its date; null if not published."
    )
    contributing_nations: Figure | None = Field(
        description="How many nations contributed forces, at a date; null if not published."
    )
    aircraft: list[AircraftFigure] = Field(
        default_factory=list, description="Published numbers of aircraft deployed, in date order; empty if none."
    )
    ships: list[ShipFigure] = Field(
        default_factory=list, description="Published numbers of ships deployed, in date order; empty if none."
    )
    activity: list[Activity] = Field(
        default_factory=list,
        description="Published counts of what the operation did (sorties, vessels hailed, people trained...).",
    )
    size_note: StrictStr | None = Field(
        default=None,
        description="Where no size or activity figure was published: what was searched, so the app can say why.",
    )
    predecessors: list[StrictStr] = Field(description="Ids of the missions this one took over from.")
    successors: list[StrictStr] = Field(description="Ids of the missions that took over from this one.")
    related: list[StrictStr] = Field(
        description="Ids of missions that ran beside this one in the same place, or that it supported or was"
        " supported by (e.g. ISAF and Operation Enduring Freedom; NATO's airlift for the African Union's AMIS)."
    )
    outcome: StrictStr = Field(description="How it ended (vocabulary `outcome`).", examples=["handed-over"])
    outcome_note: StrictStr = Field(min_length=1, description="One sentence on the outcome, own words.")
    summary: StrictStr = Field(min_length=1, description="Two to four sentences in own words.")
    events: list[Event] = Field(description="Dated, sourced milestones in date order.")
    disagreements: list[Disagreement] = Field(
        default_factory=list, description="Values other sources give where they disagree with this record."
    )
    human_cost: HumanCost = Field(
        default_factory=HumanCost,
        description="Deaths among the operation's personnel and civilians it killed, where credibly published.",
    )
    aftermath: Aftermath | None = Field(
        default=None,
        description="What happened in the operation's theatre in the years after it ended; only on ended operations.",
    )
    assessments: list[Assessment] = Field(
        default_factory=list,
        description="Published judgements of whether the operation met its aims, each attributed and sourced.",
    )
    sources: list[Source] = Field(min_length=1, description="Every source the record's values come from.")


def cited_sources(mission: Mission) -> list[tuple[str, str]]:
    """(field, url) for every value that names a source."""
    cited = [(f"personnel[{i}].source", p.source) for i, p in enumerate(mission.personnel)]
    cited += [(f"aircraft[{i}].source", a.source) for i, a in enumerate(mission.aircraft)]
    cited += [(f"ships[{i}].source", s.source) for i, s in enumerate(mission.ships)]
    cited += [(f"activity[{i}].source", a.source) for i, a in enumerate(mission.activity)]
    cited += [(f"events[{i}].source", e.source) for i, e in enumerate(mission.events)]
    cited += [(f"headquarters[{i}].source", h.source) for i, h in enumerate(mission.headquarters)]
    cited += [(f"disagreements[{i}].source", d.source) for i, d in enumerate(mission.disagreements)]
    cited += [
        (f"human_cost.figures[{i}].sources[{j}]", url)
        for i, f in enumerate(mission.human_cost.figures)
        for j, url in enumerate(f.sources)
    ]
    if mission.aftermath is not None:
        cited += [(f"aftermath.sources[{i}]", url) for i, url in enumerate(mission.aftermath.sources)]
    cited += [(f"assessments[{i}].source", a.source) for i, a in enumerate(mission.assessments)]
    for name in ("peak_personnel", "contributing_nations"):
        figure = getattr(mission, name)
        if figure is not None:
            cited.append((f"{name}.source", figure.source))
    return cited


def _vocabulary_enum(definition: dict[str, Any], values: list[str]) -> None:
    target = definition["items"] if definition.get("type") == "array" else definition
    target["enum"] = values


CONTROLLED_FIELDS: dict[str, str] = {
    "organisation": "organisation",
    "mission_type": "mission_type",
    "domains": "domains",
    "region": "region",
    "outcome": "outcome",
    "sea_areas": "sea_areas",
}


def mission_json_schema(vocabularies: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The JSON Schema of a mission record, with every controlled vocabulary as an enum."""
    schema = Mission.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "NATO Peace Operations Explorer mission record"
    # pydantic leaves out a field's description when the field is a plain $ref to a nested model.
    for name, info in Mission.model_fields.items():
        schema["properties"][name].setdefault("description", info.description)
    for field, vocabulary in CONTROLLED_FIELDS.items():
        _vocabulary_enum(schema["properties"][field], sorted(vocabularies[vocabulary]))
    _vocabulary_enum(schema["$defs"]["LegalBasis"]["properties"]["kinds"], sorted(vocabularies["legal_basis_kinds"]))
    _vocabulary_enum(schema["$defs"]["Aftermath"]["properties"]["state"], sorted(vocabularies["aftermath"]))
    fatalities = schema["$defs"]["Fatalities"]["properties"]
    _vocabulary_enum(fatalities["group"], sorted(vocabularies["casualty_groups"]))
    _vocabulary_enum(fatalities["cause"], sorted(vocabularies["fatality_causes"]))
    return schema


def schema_text(vocabularies: dict[str, dict[str, Any]]) -> str:
    """The schema as committed in data/schema/mission.schema.json."""
    return json.dumps(mission_json_schema(vocabularies), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Print the schema with the vocabularies of data/vocabularies.yaml (make schema)."""
    vocabularies, problems = load_vocabularies(DATA_DIR / "vocabularies.yaml")
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    print(schema_text(vocabularies), end="")


if __name__ == "__main__":
    main()
