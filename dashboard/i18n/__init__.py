"""English and French: the interface's messages, and texts that the data gives in both languages.

Interface text is written in English in the code, wrapped in `_()`; `dashboard/i18n/locales/fr.po`
(a gettext catalogue, read with Babel) holds the French. `make messages` brings the catalogue up to date
with the code, and a test fails on any message without a French translation.

The language is set once per script run (the `lang` URL parameter) and read by `_()` from a context
variable, so the pure chart builders need no extra parameter. Functions cached across sessions must
take the language as an argument, or a French page would get an English figure from the cache.

French text, from the catalogue or the data, is shown with no-break spaces before ? ! : ; » (`typeset`).

The lowest layer: imports the standard library and Babel only, never another part of dashboard/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date as babel_format
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
LOCALES = Path(__file__).parent / "locales"
_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)
# French sets "?", "!", ":", ";" and "»" off with a space, and "«" too: a no-break one, so that the mark never
# starts a line of its own ("... a-t-il duré" then "?" alone beneath it, in a heading on a phone)
_FRENCH_SPACE = re.compile(r"(?:(?<=\S)|^) (?=[?!:;»])|(?<=«) ")


def typeset(text: str, code: str) -> str:
    """The text with the spacing its language's typography asks for (French: no-break spaces, see above)."""
    return _FRENCH_SPACE.sub("\u00a0", text) if code == "fr" else text


@cache
def catalogue(language: str) -> dict[str, str]:
    """The translations of one language: English message -> translated message (empty for English)."""
    path = LOCALES / f"{language}.po"
    if language == DEFAULT_LANGUAGE or not path.exists():
        return {}
    with path.open("rb") as file:
        messages = read_po(file, locale=language)
    return {str(m.id): typeset(str(m.string), language) for m in messages if m.id and m.string and not m.fuzzy}


def language() -> str:
    return _language.get()


def set_language(code: str) -> str:
    """Use this language for the rest of the run; an unknown code falls back to English. Returns the one used."""
    chosen = code if code in LANGUAGES else DEFAULT_LANGUAGE
    _language.set(chosen)
    return chosen


@contextmanager
def using(code: str) -> Iterator[None]:
    """Run a block in a language (tests, and builders called outside a page)."""
    token = _language.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """The message in the current language (English when it has no translation)."""
    return catalogue(_language.get()).get(message, message) if message else message


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is declared; translate it with _() where it is shown."""
    return message


def pick(texts: Mapping[str, str] | str) -> str:
    """One text of a data file given as {en: ..., fr: ...}, in the current language or else English."""
    if isinstance(texts, str):
        return texts
    code = _language.get()
    return typeset(texts[code], code) if texts.get(code) else texts.get(DEFAULT_LANGUAGE, "")


def format_date(partial: str) -> str:
    """'1995-12-20' -> '20 December 1995' (or '20 décembre 1995'); '1998-10' -> 'October 1998'; '1992' stays."""
    parts = [int(p) for p in partial.split("-")] if partial else []
    if len(parts) == 3:
        return str(babel_format(date(*parts), format="d MMMM y", locale=language()))
    if len(parts) == 2:
        return str(babel_format(date(parts[0], parts[1], 1), format="LLLL y", locale=language()))
    return partial


def format_number(value: float) -> str:
    """38599 -> '38,599' in English, '38 599' in French."""
    return str(format_decimal(value, locale=language()))


def duration_text(years: float) -> str:
    """7.95 years -> '7 years 11 months' ('7 ans 11 mois'): how long, as people say it, to the nearest month."""
    if years != years:  # NaN: not known
        return ""
    whole, months = divmod(max(0, round(float(years) * 12)), 12)
    parts = []
    if whole:
        parts.append(_("1 year") if whole == 1 else _("{count} years").format(count=whole))
    if months or not whole:
        parts.append(_("1 month") if months == 1 else _("{count} months").format(count=months))
    return " ".join(parts)


def shown_date(partial: str) -> str:
    """A record's date as a page shows it: as written (1995-12-20) in English, where pages have always shown
    ISO dates, and in words ('20 décembre 1995') in another language.
    """
    return partial if language() == DEFAULT_LANGUAGE else format_date(partial)


def either(values: Sequence[str]) -> str:
    """'a or b' (or 'a, b or c') in the current language, for notices that list what is allowed."""
    if len(values) < 2:
        return "".join(values)
    return _("{first} or {last}").format(first=", ".join(values[:-1]), last=values[-1])


def in_every_language(message: str) -> set[str]:
    """A message as every language of the app writes it."""
    translations = set()
    for code in LANGUAGES:
        with using(code):
            translations.add(_(message))
    return translations
