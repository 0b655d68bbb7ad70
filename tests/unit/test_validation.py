"""Each validation rule, on one invalid fixture file per rule: named file, field and fix."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from dashboard.dataset import validation
from dashboard.dataset.files import Problem
from dashboard.dataset.publishers import load_publishers
from dashboard.dataset.schema import Mission
from dashboard.dataset.validation import check_links, check_unique_ids, validate_records
from dashboard.dataset.vocabularies import Vocabularies, load_vocabularies
from tests.fixtures.make_invalid import AFTER, JUDGED, SOURCED, before_sources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATA = Path(__file__).resolve().parents[2] / "data"
TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def vocabularies() -> Vocabularies:
    loaded, problems = load_vocabularies(DATA / "vocabularies.yaml")
    assert problems == []
    return loaded


def check(path: Path, vocabularies: Vocabularies) -> tuple[dict[str, object], list[Problem]]:
    registry, _ = load_publishers(FIXTURES)
    valid, problems = validate_records([path], vocabularies, TODAY, root=FIXTURES, publishers=registry)
    return dict(valid), problems


def test_the_valid_fixture_passes(vocabularies: Vocabularies) -> None:
    valid, problems = check(FIXTURES / "valid" / "minimal-op.yaml", vocabularies)
    assert problems == []
    assert list(valid) == ["minimal-op"]


# fixture -> (field named, words the fix must contain)
CASES = {
    "not-yaml": ("", "not valid YAML"),
    "unquoted-date": ("start", "quoted date: write '2000-01-15'"),
    "impossible-date": ("start", "not a calendar date"),
    "missing-field": ("summary", "is missing; add it"),
    "unknown-field": ("sumary", "remove it or correct its spelling"),
    "negative-figure": ("personnel[0].value", "greater than or equal to 0"),
    "end-before-start": ("end", "'1999-12-31' is before start '2000-01-15'"),
    "unknown-vocabulary": ("mission_type", "not in the mission_type vocabulary; use one of"),
    "bad-country-code": ("countries[1]", "'BA' is not a country code; use 'BIH'"),
    "unlisted-source": ("events[0].source", "is not in sources; add it to sources"),
    "personnel-out-of-order": ("personnel[1].date", "list personnel in date order"),
    "personnel-outside-dates": ("personnel[1].date", "outside the operation"),
    "peak-below-point": ("peak_personnel", "the peak must be the highest published figure"),
    "unknown-disagreement-field": ("disagreements[0].field", "'begin' is not a field of the record"),
    "link-unresolved": ("successors[0]", "'no-such-mission' is not the id of any record"),
    "id-differs-from-file": ("id", "'another-id' differs from the file name"),
    "fatalities-range-reversed": ("human_cost.figures[2].low", "40 is above high 20; swap them"),
    "fatalities-value-and-range": ("human_cost.figures[2]", "gives both value and a range"),
    "fatalities-unknown-cause": ("human_cost.figures[1].cause", "'combat' is not in the fatality_causes vocabulary"),
    "fatalities-unlisted-source": ("human_cost.figures[1].sources[0]", "is not in sources; add it to sources"),
    "unregistered-publisher": ("sources[1].url", "'unknown.example.net' is not in data/publishers.yaml; add it"),
    "disinformation-source": (
        "personnel[1].source",
        "cites propaganda.example (An imaginary state outlet), which data/publishers.yaml lists as a disinformation",
    ),
    "copy-without-original": ("sources[1].original", "copies.example is a copy of someone else's page; name the"),
    "start-implausible": ("start", "'1200-01-15' is before 1949, NATO's founding; check the year"),
    "end-implausible": ("end", "'9999-12-31' is more than 5 years ahead"),
    "count-implausible": ("peak_personnel.value", "is more than any personnel count could be (at most 1,000,000)"),
    "aircraft-outside-dates": ("aircraft[0].date", "'1999-01' is outside the operation"),
    "activity-period-reversed": ("activity[0].period_from", "'2001-06' is after as_of '2001-01'; swap or correct them"),
    "activity-implausible": ("activity[0].value", "is more than any sorties count could be (at most 1,000,000)"),
    "aftermath-without-source": ("aftermath.sources", "cite at least one source that states what followed"),
    "aftermath-before-end": ("aftermath.period_from", "'2001' is before the operation ended (2002-06)"),
    "aftermath-resumed-missing": ("aftermath.resumed", "give when armed conflict resumed"),
    "aftermath-unknown-state": ("aftermath.state", "'peace' is not in the aftermath vocabulary; use one of"),
    "aftermath-of-ongoing": ("aftermath", "only an ended operation has an aftermath"),
    "assessment-before-start": ("assessments[0].date", "'1999' is before the operation began (2000-01-15)"),
    "assessment-unknown-verdict": ("assessments[0].verdict", "Input should be 'met', 'partly-met', 'mixed' or"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_rule_names_file_field_and_fix(name: str, vocabularies: Vocabularies) -> None:
    field, words = CASES[name]
    valid, problems = check(FIXTURES / "invalid" / f"{name}.yaml", vocabularies)
    assert valid == {}, "an invalid record must be left out"
    assert {p.file for p in problems} == {f"invalid/{name}.yaml"}
    named = [p for p in problems if p.field == field]
    assert named, f"no problem names {field!r}: {problems}"
    assert words in named[0].message
    assert str(named[0]).startswith(f"invalid/{name}.yaml: ")


def test_every_invalid_fixture_has_a_case() -> None:
    assert sorted(p.stem for p in (FIXTURES / "invalid").glob("*.yaml")) == sorted(CASES)


def test_all_problems_are_reported_at_once(vocabularies: Vocabularies) -> None:
    paths = [FIXTURES / "invalid" / f"{name}.yaml" for name in ("end-before-start", "bad-country-code", "not-yaml")]
    valid, problems = validate_records(paths, vocabularies, TODAY, root=FIXTURES)
    assert valid == {}
    assert {p.file for p in problems} == {
        f"invalid/{n}.yaml" for n in ("end-before-start", "bad-country-code", "not-yaml")
    }


def test_duplicate_ids_are_named_in_both_files(vocabularies: Vocabularies) -> None:
    valid, _ = check(FIXTURES / "valid" / "minimal-op.yaml", vocabularies)
    record = valid["minimal-op"]
    problems = check_unique_ids({"minimal-op": [("a.yaml", record), ("b.yaml", record)]})  # type: ignore[list-item]
    assert [(p.file, p.field) for p in problems] == [("a.yaml", "id"), ("b.yaml", "id")]
    assert "also used by b.yaml" in problems[0].message


def test_one_sided_links_are_reported(tmp_path: Path, vocabularies: Vocabularies) -> None:
    base = (FIXTURES / "valid" / "minimal-op.yaml").read_text()
    (tmp_path / "first-op.yaml").write_text(
        base.replace("id: minimal-op", "id: first-op").replace("successors: []", "successors: [second-op]")
    )
    (tmp_path / "second-op.yaml").write_text(base.replace("id: minimal-op", "id: second-op"))
    valid, problems = validate_records(sorted(tmp_path.glob("*.yaml")), vocabularies, TODAY, root=tmp_path)
    assert [str(p) for p in problems] == [
        "first-op.yaml: successors[0]: 'second-op' does not list 'first-op' in its predecessors; add it there too"
    ]
    assert list(valid) == ["second-op"]
    mutual = (tmp_path / "second-op.yaml").read_text().replace("predecessors: []", "predecessors: [first-op]")
    (tmp_path / "second-op.yaml").write_text(mutual)
    valid, problems = validate_records(sorted(tmp_path.glob("*.yaml")), vocabularies, TODAY, root=tmp_path)
    assert problems == []
    assert sorted(valid) == ["first-op", "second-op"]
    assert check_links({}, set()) == []


def test_vocabulary_file_problems_are_named(tmp_path: Path) -> None:
    broken = tmp_path / "vocabularies.yaml"
    broken.write_text("organisation:\n  NATO: {label: NATO}\n")
    _, problems = load_vocabularies(broken, "vocabularies.yaml")
    fields = {p.field for p in problems}
    assert "organisation.NATO.definition" in fields
    assert "mission_type" in fields


def test_command_line_exits_non_zero_and_prints_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "missions").mkdir()
    shutil.copy(DATA / "vocabularies.yaml", tmp_path / "vocabularies.yaml")
    shutil.copy(FIXTURES / "publishers.yaml", tmp_path / "publishers.yaml")
    for name in ("end-before-start", "unknown-vocabulary"):
        shutil.copy(FIXTURES / "invalid" / f"{name}.yaml", tmp_path / "missions")
    assert validation.main(["validate", str(tmp_path)]) == 1
    prefix = f"{tmp_path.name}/"
    lines = [line.removeprefix(prefix) for line in capsys.readouterr().out.strip().splitlines()]
    assert lines[0] == (
        "missions/end-before-start.yaml: end: '1999-12-31' is before start '2000-01-15'; correct one of the dates"
    )
    assert lines[-1].startswith("missions/unknown-vocabulary.yaml: mission_type: 'peacekeeping' is not in")
    shutil.copy(FIXTURES / "valid" / "minimal-op.yaml", tmp_path / "missions")
    for name in ("end-before-start", "unknown-vocabulary"):
        (tmp_path / "missions" / f"{name}.yaml").unlink()
    assert validation.main(["validate", str(tmp_path)]) == 0


def test_death_counts_need_one_number_or_a_whole_range_dated_within_the_operation() -> None:
    import yaml

    from dashboard.dataset.schema import Mission

    raw = yaml.safe_load((FIXTURES / "valid" / "minimal-op.yaml").read_text())
    figure = {"group": "personnel", "cause": "accident", "as_of": "2001", "scope": "Deaths in accidents, test"}

    def problems(**changes: object) -> list[str]:
        record = Mission.model_validate(raw | {"human_cost": {"figures": [figure | changes]}})
        return [f"{p.field}: {p.message}" for p in validation.check_fatalities("f.yaml", Path(), record, {}, TODAY)]

    assert problems(value=3, sources=["https://example.org/a"]) == []
    assert problems(sources=["https://example.org/a"]) == [
        "human_cost.figures[0]: has no number; give value, or low and high for a range"
    ]
    assert problems(low=3, sources=["https://example.org/a"]) == [
        "human_cost.figures[0]: has half a range; give both low and high"
    ]
    assert "for one number cite one source" in problems(value=3, sources=["https://example.org/a"] * 2)[0]
    assert "outside 2000-01-15 to today" in problems(value=3, as_of="1999", sources=["https://example.org/a"])[0]
    assert "outside 2000-01-15 to today" in problems(value=3, as_of="2031", sources=["https://example.org/a"])[0]


def test_a_well_formed_aftermath_and_assessment_pass(tmp_path: Path, vocabularies: Vocabularies) -> None:
    base = (FIXTURES / "valid" / "minimal-op.yaml").read_text()
    extra = AFTER.format(state="conflict-resumed", extra=' resumed: "2004-05",', sources=SOURCED)
    extra += JUDGED.format(date="2003", verdict="partly-met")
    path = tmp_path / "minimal-op.yaml"
    path.write_text(base.replace("\nsources:\n", before_sources(extra)))
    registry, _ = load_publishers(FIXTURES)
    valid, problems = validate_records([path], vocabularies, TODAY, root=tmp_path, publishers=registry)
    assert problems == []
    record = valid["minimal-op"]
    assert isinstance(record, Mission) and record.aftermath is not None
    assert record.aftermath.resumed == "2004-05" and record.assessments[0].verdict == "partly-met"
