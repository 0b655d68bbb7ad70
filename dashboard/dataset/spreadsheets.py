"""Every CSV the app writes, through one function that keeps spreadsheets from running what a cell holds.

A cell that begins with =, +, -, @, a tab or a carriage return is read as a formula by Excel, LibreOffice and
Google Sheets; such cells get a leading apostrophe (the OWASP rule for CSV injection), which spreadsheets show
as text. Numbers are left alone: -5 is a value, not a formula.
"""

from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: object) -> object:
    """A text cell that a spreadsheet would run, prefixed with an apostrophe; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def is_text(column: pd.Series) -> bool:
    return bool(pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column))


def csv_bytes(table: pd.DataFrame, index: bool = False) -> bytes:
    """The table as UTF-8 CSV, with formula-like text cells (and headings and index labels) neutralised."""
    columns = [table.iloc[:, position] for position in range(table.shape[1])]
    parts = {
        position: column.map(neutralised) if is_text(column) else column for position, column in enumerate(columns)
    }
    safe = pd.DataFrame(parts, index=table.index)
    safe.columns = pd.Index([neutralised(str(column)) for column in table.columns])
    if index:
        safe.index = pd.Index([neutralised(label) for label in table.index], name=table.index.name)
    return safe.to_csv(index=index).encode("utf-8")
