"""Keep the French catalogue in step with the code: `python -m dashboard.messages` (make messages).

Every `_("...")` and `N_("...")` in dashboard/ is a message. New messages are added to
dashboard/i18n/locales/fr.po with an empty translation (to be written); messages the code no longer uses
are dropped. Translations already written are kept.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from dashboard.i18n import LOCALES

PACKAGE = Path(__file__).resolve().parents[1]  # the whole dashboard package: messages are written everywhere
KEYWORDS = {"_": None, "N_": None}
FIXED_DATE = datetime(2026, 11, 21, tzinfo=UTC)


def extracted() -> dict[str, list[tuple[str, int]]]:
    """Every message in the code, with where it is used (file, line)."""
    messages: dict[str, list[tuple[str, int]]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, str) and message:
            messages.setdefault(message, []).append((f"dashboard/{filename}", line))
    return messages


def read_catalogue(language: str) -> Catalog:
    with (LOCALES / f"{language}.po").open("rb") as file:
        return read_po(file, locale=language)


def update(language: str = "fr") -> tuple[int, int]:
    """Bring the catalogue up to date with the code; returns (messages, still untranslated)."""
    path = LOCALES / f"{language}.po"
    old = read_catalogue(language) if path.exists() else Catalog(locale=language)
    new = Catalog(
        locale=language,
        project="NATO Peace Operations Explorer",
        copyright_holder="NATO Peace Operations Explorer contributors",
        creation_date=FIXED_DATE,  # fixed, so that only real changes show in a diff
        revision_date=FIXED_DATE,
        last_translator="NATO Peace Operations Explorer contributors",
        language_team="French",
        fuzzy=False,
    )
    for message, places in sorted(extracted().items()):
        previous = old.get(message)
        new.add(message, previous.string if previous else "", locations=places)
    LOCALES.mkdir(exist_ok=True)
    with path.open("wb") as file:
        write_po(file, new, width=100, sort_output=True, include_lineno=False)
    missing = sum(1 for m in new if m.id and not m.string)
    return len([m for m in new if m.id]), missing


def main() -> None:
    count, missing = update()
    print(f"dashboard/i18n/locales/fr.po: {count} messages, {missing} without a French translation")
    sys.exit(0)


if __name__ == "__main__":
    main()
