"""Did it work? (issue "What happened after each operation, how it was judged and by whom"): every ended NATO
operation has an aftermath, the eight most-debated operations have assessors of different kinds, and the
Afghanistan campaign carries its coalition death toll."""

from __future__ import annotations

import re
from datetime import date

import pytest

from dashboard.dataset.loading import Dataset, load_dataset

TODAY = date(2026, 12, 6)
DEBATED = ("ifor", "sfor", "kfor", "isaf", "resolute-support", "allied-force", "unified-protector", "essential-harvest")


@pytest.fixture(scope="module")
def data() -> Dataset:
    loaded = load_dataset(today=TODAY)
    assert loaded.problems == []
    return loaded


def test_every_ended_nato_operation_says_what_followed(data: Dataset) -> None:
    missing = [m.id for m in data.records.values() if m.organisation == "NATO" and m.end and m.aftermath is None]
    assert missing == []


def test_what_followed_is_sourced_unless_there_was_no_conflict_to_end(data: Dataset) -> None:
    for mission in data.records.values():
        after = mission.aftermath
        if after is not None and after.state != "not-applicable":
            assert after.sources, mission.id
            assert after.period_from and after.period_to, mission.id


@pytest.mark.parametrize("mission_id", DEBATED)
def test_the_debated_operations_have_assessors_of_different_kinds(data: Dataset, mission_id: str) -> None:
    kinds = {judgement.assessor_kind for judgement in data.records[mission_id].assessments}
    assert len(kinds) >= 2, f"{mission_id}: assessors of {kinds or 'no'} kind"


def test_assessments_keep_disagreeing_verdicts_side_by_side(data: Dataset) -> None:
    verdicts = {m: set(data.assessments[data.assessments["mission_id"] == m]["verdict"]) for m in DEBATED}
    assert sum(len(v) > 1 for v in verdicts.values()) >= 4, "assessors who disagree are kept, not reconciled"


def test_the_afghanistan_campaign_carries_its_coalition_toll(data: Dataset) -> None:
    campaign = next(c for c in data.campaigns if c.id == "afghanistan-2001-2021")
    assert {"isaf", "resolute-support"} <= set(campaign.operations)
    coalition = [t for t in campaign.human_cost if t.group == "coalition-military"]
    assert coalition and all(len(t.scope) > 40 for t in coalition), "each toll says exactly whom it counts"
    assert len(data.tolls[data.tolls["campaign_id"] == campaign.id]) == len(campaign.human_cost)


def test_years_of_peace_run_from_the_end(data: Dataset) -> None:
    row = data.aftermath.set_index("mission_id").loc["unified-protector"]
    assert row["state"] == "conflict-resumed" and row["years_after"] == int(row["resumed"][:4]) - 2011


def test_what_followed_and_each_judgement_is_said_in_one_or_two_sentences(data: Dataset) -> None:
    sentence_end = re.compile(r"[.!?](?:\s+(?=[A-Z])|$)")
    long = [
        f"{record.id} {field}"
        for record in data.records.values()
        for field, text in [
            ("aftermath", record.aftermath.summary if record.aftermath else ""),
            *((f"assessments[{i}]", a.summary) for i, a in enumerate(record.assessments or [])),
        ]
        if text and len(sentence_end.findall(text.strip())) > 2
    ]
    assert long == [], "the schema asks for one or two sentences"
