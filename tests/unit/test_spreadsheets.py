"""CSV downloads never carry a formula a spreadsheet would run (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pandas as pd

from dashboard.dataset.loading import Dataset, missions_csv
from dashboard.dataset.spreadsheets import csv_bytes


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_formula_cells_headings_and_labels_are_neutralised_and_numbers_kept() -> None:
    table = pd.DataFrame(
        {
            "name": ["=HYPERLINK(\"http://x\")", "+1", "-cmd", "@SUM(A1)", "\tx", "plain", "a=b"],
            "value": [1, -5, 3, 4, 5, 6, 7],
        },
        index=["=A1", "b", "c", "d", "e", "f", "g"],
    )
    table["=bad heading"] = "ok"
    written = rows(csv_bytes(table, index=True))
    assert written[0] == ["", "name", "value", "'=bad heading"]
    cells = [row[1] for row in written[1:]]
    assert cells[:5] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-cmd", "'@SUM(A1)", "'\tx"]
    assert cells[5:] == ["plain", "a=b"], "only a leading sign makes a formula"
    assert [row[2] for row in written[1:]][:2] == ["1", "-5"], "numbers are values, not formulas"
    assert written[1][0] == "'=A1"
    assert list(table.columns) == ["name", "value", "=bad heading"], "the table itself is not changed"


def test_the_data_page_csv_neutralises_a_formula_written_into_a_record(data: Dataset) -> None:
    missions = data.missions.copy()
    missions.loc["kfor", "summary"] = "=cmd|' /C calc'!A0"
    written = rows(missions_csv(missions))
    column = written[0].index("summary")
    kfor = next(row for row in written[1:] if row[0] == "kfor")
    assert kfor[column] == "'=cmd|' /C calc'!A0"
