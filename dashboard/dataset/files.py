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


class PlainLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors and aliases: hand-written records never need them, and a 2 KB file
    of nested aliases expands to hundreds of megabytes ("billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it unannotated
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "uses a YAML anchor or alias (&name, *name); write each value out in full",
                event.start_mark,
            )  # fmt: skip
        return super().compose_node(parent, index)


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse a YAML file; a syntax error becomes a Problem naming the line. Only a regular file is read (never a
    symbolic link or a device), and never more than MAX_FILE_BYTES of it."""
    limit = MAX_FILE_BYTES // 1000
    too_big = f"more than any data file should be ({limit} KB at most); it was not read: check what was saved there"
    try:
        if path.is_symlink() or not path.is_file():
            kind = "a symbolic link" if path.is_symlink() else "not a regular file"
            return None, [Problem(shown_as, "", f"is {kind}; data files must be plain files inside data/")]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown_as, "", f"is {size / 1_000_000:.1f} MB, {too_big}")]
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # the size on disk can lie (a file still being written)
        if len(raw) > MAX_FILE_BYTES:
            return None, [Problem(shown_as, "", f"is {too_big}")]
        return yaml.load(raw.decode("utf-8"), Loader=PlainLoader), []  # PlainLoader is a SafeLoader
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
