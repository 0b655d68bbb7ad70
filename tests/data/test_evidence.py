"""What the dataset rests on (issue "Evidence a briefer can cite"): measured over every url cited in data/missions/.

The targets met are asserted as they are (at least half of all strength figures from official sources, since
session 22); the one still being worked towards (blogs and copies at most 2% of citations) is a ratchet at the
level reached, so the share can only improve: tighten it as sources are replaced, until it reaches the target.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.publishers import EvidenceSummary, Registry, load_publishers, summarise, weak_citations
from dashboard.dataset.schema import Mission
from dashboard.dataset.validation import validate_data_dir

WEAK_CEILING = 0.0355  # target 0.02: blogs, forums, hobby sites, copies and aggregators (before the registry: 0.161)
OFFICIAL_STRENGTH_FLOOR = 0.50  # the target, reached in session 22 (before the registry: 0.29)


@pytest.fixture(scope="module")
def validated() -> tuple[list[Mission], Registry]:
    _, records, problems = validate_data_dir(DATA_DIR, date(2026, 12, 6))
    assert problems == []
    registry, _ = load_publishers(DATA_DIR)
    return list(records.values()), registry


@pytest.fixture(scope="module")
def summary(validated: tuple[list[Mission], Registry]) -> EvidenceSummary:
    return summarise(*validated)


def test_every_cited_domain_is_registered_and_none_is_a_disinformation_outlet(summary: EvidenceSummary) -> None:
    assert summary.citations["unregistered"] == 0
    assert summary.citations["disinformation"] == 0
    assert sum(summary.citations.values()) > 1500


def test_encyclopedias_and_their_mirrors_are_at_most_two_percent(summary: EvidenceSummary) -> None:
    assert summary.share("reference") <= 0.02


def test_blogs_and_copies_only_ever_decrease(summary: EvidenceSummary) -> None:
    assert summary.share("personal", "copy") <= WEAK_CEILING


def test_officially_sourced_strength_figures_only_ever_increase(summary: EvidenceSummary) -> None:
    assert summary.strength_share("official") >= OFFICIAL_STRENGTH_FLOOR
    assert summary.strength["refused"] == 0


def test_the_report_counts_an_archived_official_page_as_official(summary: EvidenceSummary) -> None:
    """make validate's shares are the grades a reader sees: an archive naming an official original is official."""
    archives = summary.citations["archive"]
    assert archives > 0
    weak_kinds = summary.citations["personal"] + summary.citations["copy"]
    assert summary.grades["copy-personal"] < weak_kinds + archives  # not every archive is of a weak page
    assert sum(summary.grades.values()) == sum(summary.citations.values())


def test_the_weak_list_holds_exactly_the_citations_the_target_counts(
    summary: EvidenceSummary, validated: tuple[list[Mission], Registry]
) -> None:
    """make weak lists every copy or personal citation the ratchet counts, each listed source with its values."""
    weak = weak_citations(*validated)
    assert sum(item.citations for item in weak) == summary.citations["personal"] + summary.citations["copy"]
    assert all(item.kind in ("copy", "personal") and "sources" in item.fields for item in weak)
    assert [item.citations for item in weak] == sorted((item.citations for item in weak), reverse=True)
