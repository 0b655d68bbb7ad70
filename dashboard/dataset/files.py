"""Reading the data's files: where they are, YAML parsed safely, and the Problem every check reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, said so that a contributor knows what to fix."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}" if self.field else f"{self.file}: {self.message}"


MAX_FILE_BYTES = 1_000_000  # the largest record is about 30 KB and the Learn concepts about 80 KB


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse a YAML file; a syntax error becomes a Problem naming the line, and a huge file is not read at all."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1000
            message = (f"is {size / 1_000_000:.1f} MB, more than any data file should be ({limit} KB at most); "
                       "it was not read: check what was saved there")  # fmt: skip
            return None, [Problem(shown_as, "", message)]
        return yaml.safe_load(path.read_text(encoding="utf-8")), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "somewhere"
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(shown_as, "", f"is not valid YAML ({reason} at {where}); fix the syntax there")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(shown_as, "", f"cannot be read ({error}); save it as UTF-8 text")]


def field_path(location: Iterable[str | int]) -> str:
    """('personnel', 2, 'source') -> 'personnel[2].source'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
