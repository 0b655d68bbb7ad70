"""Data files that try to hurt the server: aliases that expand to gigabytes, links to devices, huge values."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from dashboard.dataset.files import MAX_FILE_BYTES, read_yaml
from dashboard.dataset.validation import validate_records
from dashboard.dataset.vocabularies import Vocabularies, load_vocabularies

DATA = Path(__file__).resolve().parents[2] / "data"
VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "minimal-op.yaml"

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.fixture(scope="module")
def vocabularies() -> Vocabularies:
    loaded, problems = load_vocabularies(DATA / "vocabularies.yaml")
    assert problems == []
    return loaded


def test_a_billion_laughs_file_is_refused_before_it_expands(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS)
    assert path.stat().st_size < 2_000
    value, problems = read_yaml(path, "laughs.yaml")
    assert value is None
    assert "uses a YAML anchor or alias" in problems[0].message and "line 1" in problems[0].message


def test_one_alias_in_a_record_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "minimal-op.yaml"
    path.write_text(VALID.read_text().replace("outcome_note: Handed", "outcome_note: &note Handed") + "x: *note\n")
    _, problems = read_yaml(path, "minimal-op.yaml")
    assert "write each value out in full" in problems[0].message


def test_a_symbolic_link_to_a_device_is_never_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    os.symlink("/dev/zero", link)
    _, problems = read_yaml(link, "missions/zero.yaml")
    assert [str(p) for p in problems] == [
        "missions/zero.yaml: is a symbolic link; data files must be plain files inside data/"
    ]


def test_a_device_or_a_folder_is_not_a_data_file(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    assert "not a regular file" in read_yaml(tmp_path / "folder.yaml", "folder.yaml")[1][0].message
    assert "not a regular file" in read_yaml(Path("/dev/null"), "null.yaml")[1][0].message


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("summary: " + "x" * MAX_FILE_BYTES)
    _, problems = read_yaml(path, "big.yaml")
    assert "KB at most" in problems[0].message


def test_a_huge_bad_value_is_quoted_as_a_short_excerpt(tmp_path: Path, vocabularies: Vocabularies) -> None:
    path = tmp_path / "minimal-op.yaml"
    huge_type = "mission_type: " + "w" * 50_000
    path.write_text(VALID.read_text().replace("mission_type: peacekeeping-stabilisation", huge_type))
    _, problems = validate_records([path], vocabularies, date(2026, 11, 21), root=tmp_path)
    message = next(p.message for p in problems if p.field == "mission_type")
    assert len(message) < 1_000 and "(50,000 characters)" in message
    path.write_text(VALID.read_text().replace("value: 1000, source", "value: [" + "9, " * 20_000 + "9], source"))
    _, problems = validate_records([path], vocabularies, date(2026, 11, 21), root=tmp_path)
    assert problems and all(len(p.message) < 1_000 for p in problems)
