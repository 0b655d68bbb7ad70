"""Campaigns (data/campaigns.yaml): the operations of one theatre and period, and the human cost published only for
the whole campaign (Afghanistan 2001-2021 across Enduring Freedom, ISAF and Resolute Support; Bosnia 1992-2004).

A toll keeps the scope its source gives; tolls of different scopes are shown side by side and never added up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, StrictInt, StrictStr, ValidationError, model_validator

from dashboard.dataset.files import Problem, field_path, read_yaml
from dashboard.dataset.parts import PartialDate, Record, earliest_day, latest_day
from dashboard.dataset.publishers import Registry, copies_without_original, disinformation, listed, unregistered
from dashboard.dataset.schema import MISSION_ID, Mission, Source
from dashboard.i18n import N_

CAMPAIGNS_FILE = "campaigns.yaml"
CampaignGroup = Literal["coalition-military", "national-forces", "civilians", "all-deaths"]
CAMPAIGN_GROUP_LABELS = {  # shown with _()
    "coalition-military": N_("Coalition military deaths"),
    "national-forces": N_("Deaths among the country's own forces"),
    "civilians": N_("Civilian deaths"),
    "all-deaths": N_("All deaths in the war"),
}


class CampaignToll(Record):
    """A death toll published for a whole campaign, with exactly what it counts."""

    group: CampaignGroup = Field(
        description="Whose deaths: coalition-military, national-forces (the country's own army and police), civilians"
        " or all-deaths (everyone killed in the war)."
    )
    cause: Literal["all-causes", "hostile-action", "accident", "other"] = Field(
        default="all-causes", description="Which deaths (vocabulary `fatality_causes`)."
    )
    value: StrictInt | None = Field(default=None, ge=0, description="The number as published; null for a range.")
    low: StrictInt | None = Field(default=None, ge=0, description="Lower end of a published range, else null.")
    high: StrictInt | None = Field(default=None, ge=0, description="Upper end of a published range, else null.")
    as_of: PartialDate = Field(description="The date the count runs to.")
    scope: StrictStr = Field(min_length=20, description="Own words: whose deaths, where, when, counted by whom.")
    sources: list[StrictStr] = Field(min_length=1, max_length=2, description="Urls from the campaign's `sources`.")
    note: StrictStr | None = None

    @model_validator(mode="after")
    def one_number(self) -> CampaignToll:
        ranged = self.low is not None or self.high is not None
        if (self.value is None) == (not ranged) or (ranged and (self.low is None or self.high is None)):
            raise ValueError("give either value, or both low and high (a published range), never both")
        if ranged and self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}; swap them")
        return self


class Campaign(Record):
    """The operations of one theatre and period."""

    id: StrictStr = Field(pattern=MISSION_ID.pattern, examples=["afghanistan-2001-2021"])
    name: StrictStr = Field(min_length=3, examples=["Afghanistan, 2001-2021"])
    start: PartialDate
    end: PartialDate | None = Field(description="When the campaign ended; null while it goes on.")
    operations: list[StrictStr] = Field(min_length=1, description="Ids of the records (any organisation) it groups.")
    summary: StrictStr = Field(min_length=20, description="One or two sentences, own words.")
    human_cost: list[CampaignToll] = Field(default_factory=list, description="Tolls published for the whole campaign.")
    human_cost_note: StrictStr | None = Field(
        default=None, description="What is and is not published for the campaign, own words."
    )
    sources: list[Source] = Field(min_length=1)


def _check_campaign(
    shown_as: str, index: int, campaign: Campaign, known: set[str], registry: Registry, today: date
) -> list[Problem]:
    where = f"campaigns[{index}]"
    problems = []
    for position, mission_id in enumerate(campaign.operations):
        if mission_id not in known:
            problems.append(
                Problem(
                    shown_as,
                    f"{where}.operations[{position}]",
                    f"'{mission_id[:40]}' is not the id of a record in data/missions/",
                )
            )
    if campaign.end is not None and latest_day(campaign.end) < earliest_day(campaign.start):
        problems.append(Problem(shown_as, f"{where}.end", f"'{campaign.end}' is before start '{campaign.start}'"))
    urls = {source.url for source in campaign.sources}
    for number, toll in enumerate(campaign.human_cost):
        if earliest_day(toll.as_of) > today:
            problems.append(
                Problem(shown_as, f"{where}.human_cost[{number}].as_of", f"'{toll.as_of}' is in the future")
            )
        for position, url in enumerate(toll.sources):
            if url not in urls:
                problems.append(
                    Problem(
                        shown_as,
                        f"{where}.human_cost[{number}].sources[{position}]",
                        f"'{url[:80]}' is not in the campaign's sources; add it there",
                    )
                )
    sources = listed(campaign.sources, f"{where}.")
    problems += unregistered(shown_as, sources, registry)
    problems += disinformation(shown_as, [(f"{field}.url", source.url) for field, source in sources], registry)
    problems += copies_without_original(shown_as, sources, registry)
    return problems


def load_campaigns(
    data_dir: Path, records: dict[str, Mission], registry: Registry, today: date
) -> tuple[list[Campaign], list[Problem]]:
    """Read and check data/campaigns.yaml (optional): the valid campaigns and every problem found."""
    path = data_dir / CAMPAIGNS_FILE
    shown_as = f"data/{CAMPAIGNS_FILE}"
    if not path.exists():
        return [], []
    raw, problems = read_yaml(path, shown_as)
    if problems:
        return [], problems
    if not isinstance(raw, dict) or not isinstance(raw.get("campaigns"), list):
        return [], [Problem(shown_as, "campaigns", "must be a list of campaigns under `campaigns:`")]
    campaigns: list[Campaign] = []
    seen: set[str] = set()
    # a record that exists but failed validation is that file's problem, reported there (as links are)
    known = set(records) | {p.stem for p in (data_dir / "missions").glob("*.yaml")}
    for index, entry in enumerate(raw["campaigns"]):
        try:
            campaign = Campaign.model_validate(entry)
        except ValidationError as error:
            problems += [
                Problem(shown_as, f"campaigns[{index}].{field_path(d['loc'])}", d["msg"]) for d in error.errors()
            ]
            continue
        found = _check_campaign(shown_as, index, campaign, known, registry, today)
        if campaign.id in seen:
            found.append(Problem(shown_as, f"campaigns[{index}].id", f"'{campaign.id}' is used twice"))
        seen.add(campaign.id)
        problems += found
        if not found:
            campaigns.append(campaign)
    return campaigns, problems
