"""Every page in French: its title and its charts' titles are French, and the vocabulary labels are the French ones."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import load_dataset
from tests.app.conftest import figures, open_page

# page, URL parameters that make it draw a chart (the empty briefing page and the Learn concepts draw none)
PAGES = [
    ("views/overview.py", {}),
    ("views/timeline.py", {}),
    ("views/map.py", {}),
    ("views/compare.py", {}),
    ("views/mission.py", {"id": "kfor"}),
    ("views/data.py", {}),
    ("views/learn.py", {"lesson": "bosnia", "step": "1"}),
    ("views/brief.py", {"pack": "compare/peaks?log=1&org=NATO"}),
]


def titles(app: AppTest) -> list[str]:
    return [str(f["layout"]["title"]["text"]) for f in figures(app) if f["layout"].get("title", {}).get("text")]


@pytest.mark.parametrize(("page", "params"), PAGES, ids=[page for page, _ in PAGES])
def test_every_page_has_its_title_and_chart_titles_in_french(page: str, params: dict[str, str]) -> None:
    english, french = open_page(page, **params), open_page(page, lang="fr", **params)
    assert not french.exception, [e.value for e in french.exception]
    if page != "views/mission.py":  # a profile's title is the operation's name, which stays as the record gives it
        assert french.title[0].value != english.title[0].value
    if page == "views/learn.py":  # a lesson step's title is its header (from the lesson file, in both languages)
        assert french.main.header[0].value != english.main.header[0].value
    if page == "views/data.py":  # no chart: the table's headings are French instead
        assert french.dataframe[0].value.columns.tolist() == english.dataframe[0].value.columns.tolist()
        headings = json.loads(french.dataframe[0].proto.columns)
        assert headings["short_name"]["label"] == "Opération" and headings["mission_type_label"]["label"] == "Type"
        assert set(french.dataframe[0].value["status"]) <= {"en cours", "terminée"}
        return
    if page == "views/brief.py":  # the pack's list draws no chart; presenting it does
        english, french = (open_page(page, present="1", **params), open_page(page, present="1", lang="fr", **params))
        assert french.main.header[0].value != english.main.header[0].value
    assert titles(french), "the page draws a chart"
    assert len(titles(french)) == len(titles(english))
    for title_fr, title_en in zip(titles(french), titles(english), strict=True):
        assert title_fr != title_en, f"{title_en!r} is not translated"


def test_the_page_titles_read_as_french() -> None:
    expected = {
        "views/overview.py": "Explorateur des opérations de paix de l'OTAN",
        "views/timeline.py": "Chronologie",
        "views/map.py": "Carte des déploiements",
        "views/compare.py": "Comparer",
        "views/data.py": "Données et citation",
        "views/brief.py": "Présentation",
    }
    for page, title in expected.items():
        assert open_page(page, lang="fr").title[0].value == title


def test_compare_in_french_uses_the_french_mission_type_labels() -> None:
    data = load_dataset(DATA_DIR)
    english_labels = set(data.labels("mission_type").values())
    with i18n.using("fr"):
        french_labels = set(data.labels("mission_type").values())
    assert french_labels != english_labels
    app = open_page("views/compare.py", lang="fr")
    assert not app.exception
    assert app.get("button_group")[0].options[:3] == ["Quand", "Durée", "Ampleur"], "the questions, in French"
    decades = figures(app)[0]
    durations = figures(open_page("views/compare.py", lang="fr", question="how-long"))[0]
    legends = {str(trace["name"]) for trace in decades["data"] if trace.get("name")}
    categories = {str(label) for trace in durations["data"] for label in trace.get("y") or []}
    shown = {label for label in legends | categories if label.replace("<br>", " ") in french_labels}
    assert shown, "the charts name mission types by their French labels"
    english_only = english_labels - french_labels
    assert not {label for label in legends | categories if label in english_only}, "no English type label is left"
    side_by_side = open_page("views/compare.py", lang="fr", question="side-by-side").table[0].value
    assert set(side_by_side.loc["Type de mission"]) <= french_labels
    assert "Identifiant" not in side_by_side.index


def test_french_chart_text_is_french_beyond_the_title() -> None:
    app = open_page("views/compare.py", lang="fr", question="how-large")
    peaks = next(f for f in figures(app) if f["layout"]["title"]["text"] == "Effectif maximal, par type")
    assert peaks["layout"]["xaxis"]["title"]["text"] == "Effectif maximal (publié)"
    assert peaks["layout"]["title"]["subtitle"]["text"].startswith("OTAN et organisations partenaires")
    assert peaks["layout"]["annotations"][-1]["text"].startswith("Source\u00a0: NATO Peace Operations Explorer")
    assert peaks["layout"]["separators"] == ",\u202f", "decimal comma and spaced thousands"
    assert any(e.label == "Afficher les données" for e in app.expander)


def test_the_mission_profile_in_french_says_what_stays_in_english() -> None:
    app = open_page("views/mission.py", id="kfor", lang="fr")
    captions = [c.value for c in app.caption]
    assert any(c.startswith("Les résumés des missions") for c in captions)
    text = " ".join(m.value for m in app.markdown)
    assert "12 juin 1999 \u2013 en cours" in text
    assert "Fondement juridique" in [s.value for s in app.subheader]


def test_organisations_are_named_the_french_way_in_headers_hovers_tables_and_subtitles() -> None:
    profile = open_page("views/mission.py", lang="fr", id="kfor")
    assert profile.caption[0].value.startswith("OTAN · "), profile.caption[0].value
    timeline = figures(open_page("views/timeline.py", lang="fr"))[0]
    bars = [trace for trace in timeline["data"] if trace.get("type") == "bar"]
    assert bars and all(row[4] == "OTAN" for trace in bars for row in trace["customdata"])
    side_by_side = open_page("views/compare.py", lang="fr", question="side-by-side").table[0].value
    assert "NATO" not in set(side_by_side.loc["Organisation"]) and "OTAN" in set(side_by_side.loc["Organisation"])
    only_un = figures(open_page("views/compare.py", lang="fr", org="UN"))[0]
    assert only_un["layout"]["title"]["subtitle"]["text"].startswith("ONU · ")
