"""English and French: the catalogue covers every message in the code, and both languages reach the page."""

from __future__ import annotations

import re

import pytest

from dashboard import i18n
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import vocabulary_label, vocabulary_text
from dashboard.dataset.vocabularies import load_vocabularies
from dashboard.i18n import _, messages

PLACEHOLDER = re.compile(r"\{(\w*)[^}]*\}")


def test_the_french_catalogue_holds_exactly_the_messages_of_the_code() -> None:
    in_code = set(messages.extracted())
    catalogue = {str(m.id) for m in messages.read_catalogue("fr") if m.id}
    assert in_code - catalogue == set(), "messages without a French entry: run `make messages` and translate them"
    assert catalogue - in_code == set(), "entries no message uses any more: run `make messages`"


def test_every_message_has_a_french_translation_with_the_same_placeholders() -> None:
    for message in messages.read_catalogue("fr"):
        if not message.id:
            continue
        assert message.string, f"no French for {message.id!r}"
        assert not message.fuzzy, f"fuzzy (unchecked) translation of {message.id!r}"
        assert set(PLACEHOLDER.findall(str(message.id))) == set(PLACEHOLDER.findall(str(message.string))), message.id


def test_a_message_follows_the_language_and_falls_back_to_english() -> None:
    with i18n.using("fr"):
        assert _("Timeline") == "Chronologie"
        assert _("A message nobody translated") == "A message nobody translated"
    with i18n.using("xx"):  # an unknown code is English
        assert i18n.language() == "en"
        assert _("Timeline") == "Timeline"
    assert i18n.set_language("de") == "en"


def test_dates_and_numbers_are_written_the_way_each_language_writes_them() -> None:
    with i18n.using("fr"):
        assert i18n.format_date("1995-12-20") == "20 décembre 1995"
        assert i18n.format_date("1998-10") == "octobre 1998"
        assert i18n.format_number(38599) == "38\u202f599"
    with i18n.using("en"):
        assert i18n.format_date("1995-12-20") == "20 December 1995"
        assert i18n.format_date("1992") == "1992"
        assert i18n.format_number(38599) == "38,599"


def test_data_texts_pick_their_language() -> None:
    with i18n.using("fr"):
        assert i18n.pick({"en": "Lesson", "fr": "Leçon"}) == "Leçon"
        assert i18n.pick({"en": "Only English"}) == "Only English"



def test_french_keeps_its_punctuation_on_the_line_of_the_word_before_it() -> None:
    """French puts a space before ? ! : ; » (and after «): a no-break one, or "?" can start a line on its own."""
    with i18n.using("fr"):
        assert _("Did peace hold?") == "La paix a-t-elle tenu\u00a0?"
        assert i18n.pick({"en": "Why?", "fr": "Pourquoi ? « Parce que » : voilà ; fin !"}) == (
            "Pourquoi\u00a0? «\u00a0Parce que\u00a0»\u00a0: voilà\u00a0; fin\u00a0!"
        )
        shown = [_(str(m.id)) for m in messages.read_catalogue("fr") if m.id]
        vocabularies, _problems = load_vocabularies(DATA_DIR / "vocabularies.yaml")
        shown += [text for entries in vocabularies.values() for entry in entries.values()
                  for text in vocabulary_text(entry)]  # fmt: skip
        assert not [text for text in shown if re.search(r" [?!:;»]|« ", text)], "an ordinary space before a mark"
        assert i18n.typeset("https://example.org 12:30", "fr") == "https://example.org 12:30", "no space, no change"
    assert i18n.pick({"en": "Why? Because: that", "fr": "x"}) == "Why? Because: that", "English is left alone"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_vocabulary_value_has_a_label_and_definition_in_both_languages(language: str) -> None:
    vocabularies, problems = load_vocabularies(DATA_DIR / "vocabularies.yaml")
    assert problems == []
    with i18n.using(language):
        for name, values in vocabularies.items():
            for value, entry in values.items():
                label = vocabulary_label(vocabularies, name, value)
                expected = entry["fr"]["label"] if language == "fr" else entry["label"]
                assert label == expected
                assert entry["fr"]["definition"] != entry["definition"], f"{name}.{value} is not translated"
