"""A small synthetic dataset built from the valid fixture record, so most unit tests do not depend on data/;
and the real dataset and Learn content, for the builders that are tested on what the app really shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import Dataset, build_tables, load_dataset
from dashboard.dataset.publishers import load_publishers
from dashboard.dataset.schema import Mission
from dashboard.dataset.vocabularies import Vocabularies, load_vocabularies
from dashboard.learn.content import Learn, load_learn

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 21)
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def vocabularies() -> Vocabularies:
    loaded, problems = load_vocabularies(ROOT / "data" / "vocabularies.yaml")
    assert problems == []
    return loaded


def variant(**changes: object) -> Mission:
    raw = yaml.safe_load((ROOT / "tests" / "fixtures" / "valid" / "minimal-op.yaml").read_text())
    raw.update(changes)
    return Mission.model_validate(raw)


@pytest.fixture(scope="session")
def records() -> dict[str, Mission]:
    made = [
        variant(),
        variant(
            id="sea-op",
            name="Operation Sea",
            acronym="SEA",
            mission_type="maritime-security",
            organisation="NATO",
            region="east-africa",
            countries=[],
            sea_areas=["gulf-of-aden-horn-of-africa"],
            start="2009-08-17",
            end=None,
            outcome="ongoing",
            personnel=[],
            peak_personnel=None,
            events=[],
            disagreements=[],
            human_cost={},
        ),
        variant(
            id="un-op",
            name="United Nations Test Mission",
            acronym="UNTM",
            organisation="UN",
            mission_type="peacekeeping-stabilisation",
            countries=["BIH"],
            start="1992-03",
            end="1995-12-20",
            personnel=[],
            peak_personnel=None,
            events=[],
            disagreements=[],
            human_cost={},
            outcome="succeeded-by-mission",
        ),
    ]
    return {m.id: m for m in made}


@pytest.fixture(scope="session")
def tables(records: dict[str, Mission], vocabularies: Vocabularies) -> dict[str, object]:
    publishers, problems = load_publishers(FIXTURES)  # example.org is a research institute there
    assert problems == []
    return build_tables(records, vocabularies, TODAY, publishers)  # type: ignore[return-value]


@pytest.fixture(scope="session")
def data() -> Dataset:
    """The real records, on the day the figure fingerprints are pinned to."""
    return load_dataset(DATA_DIR, TODAY)


@pytest.fixture(scope="session")
def content(data: Dataset) -> Learn:
    return load_learn(DATA_DIR, set(data.records))
