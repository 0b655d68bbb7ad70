"""Size in every domain (issue "How large, in every domain"): every NATO operation has a published size or says why
not, and the sizes a summary states in prose are also in structured fields.

The gaps below are those the last research pass could not close (the stored pages were not searched for them
before the search budget ran out, or no measure fits); each must still be a gap, so the lists only shrink.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.schema import Mission
from dashboard.dataset.validation import validate_data_dir

NO_SIZE_YET: set[str] = set()  # every NATO operation has a size or says what was searched
# (record, number as the summary writes it): why it is not structured yet
UNSTRUCTURED = {
    ("katrina-relief", "707"): "not a count: the Boeing 707 trainer cargo aircraft",
    ("sky-monitor", "500"): "not the operation's activity: flights that broke the no-fly ban",
}
SIZE_IN_PROSE = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s+(?:\w+\s+){0,2}?(sorties|aircraft|ships|vessels|warships|flights|flying hours)\b", re.I
)
YEAR = re.compile(r"(19|20)\d\d")


@pytest.fixture(scope="module")
def records() -> dict[str, Mission]:
    _, valid, problems = validate_data_dir(DATA_DIR, date(2026, 12, 6))
    assert problems == []
    return valid


def has_size(mission: Mission) -> bool:
    return bool(mission.personnel or mission.peak_personnel or mission.aircraft or mission.ships or mission.activity)


def test_every_nato_operation_has_a_published_size_or_says_what_was_searched(records: dict[str, Mission]) -> None:
    nato = [m for m in records.values() if m.organisation == "NATO"]
    without = {m.id for m in nato if not has_size(m) and not m.size_note}
    assert without == NO_SIZE_YET, "shrink NO_SIZE_YET as records gain a size or a size_note"
    assert sum(1 for m in nato if m.aircraft or m.ships or m.activity) >= 25, "air and sea operations have their own"


def test_every_nato_operation_at_sea_only_has_a_ship_or_activity_count(records: dict[str, Mission]) -> None:
    """Ocean Shield was the last NATO operation at sea only with neither (it had only a size_note until its dated
    ship counts of 2010 and 2012 were found); none may lose its count again."""
    naval = [m for m in records.values() if m.organisation == "NATO" and m.domains == ["maritime"]]
    assert len(naval) >= 6
    assert {m.id for m in naval if not (m.ships or m.activity)} == set()
    assert records["ocean-shield"].ships, "Ocean Shield's dated ship counts (2010, 2012)"


def test_a_size_note_only_stands_where_no_size_was_published(records: dict[str, Mission]) -> None:
    """A size_note says what was searched because nothing was found; once a record has a size it must go."""
    assert {m.id for m in records.values() if m.size_note and has_size(m)} == set()


def structured_values(mission: Mission) -> set[float]:
    values = {float(f.value) for f in (*mission.aircraft, *mission.ships, *mission.activity)}
    for disagreement in mission.disagreements:
        try:
            values.add(float(str(disagreement.value).replace(",", "")))
        except ValueError:
            continue
    return values


def test_sizes_written_in_a_summary_are_in_structured_fields(records: dict[str, Mission]) -> None:
    unstructured = set()
    for mission in records.values():
        values = structured_values(mission)
        for match in SIZE_IN_PROSE.finditer(mission.summary):
            number = match.group(1)
            if YEAR.fullmatch(number):
                continue
            if float(number.replace(",", "")) not in values:
                unstructured.add((mission.id, number))
    assert unstructured == set(UNSTRUCTURED), "structure the new ones; remove closed gaps from UNSTRUCTURED"
