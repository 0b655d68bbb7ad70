"""Every page runs with no exception, with and without URL parameters; filters found by label."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import load_dataset
from dashboard.dataset.profile import safe_url
from dashboard.outputs.package import tables, version_of
from tests.app.conftest import PAGES, by_label, figures, open_page

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_parameters(page: str) -> None:
    app = open_page(page)
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, "every page starts with a title"


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_with_parameters(page: str) -> None:
    app = open_page(
        page,
        org="NATO",
        type=["peace-enforcement", "peacekeeping-stabilisation"],
        region="balkans",
        status="ended",
        **{"from": "1995", "to": "2005"},
        id="ifor",
    )
    assert not app.exception, [e.value for e in app.exception]
    assert by_label(app.multiselect, "Mission type").value == ["peace-enforcement", "peacekeeping-stabilisation"]
    assert by_label(app.slider, "Years active").value == (1995, 2005)
    assert not app.info, "valid parameters raise no notice"


@pytest.mark.parametrize("page", PAGES)
def test_unknown_parameters_fall_back_with_a_notice(page: str) -> None:
    app = open_page(page, type=["war", "peace-enforcement"], org="WTO", **{"from": "1850"})
    assert not app.exception
    notices = [i.value for i in app.info]
    assert "Ignored type=war: not a known mission type; showing the rest of your choice." in notices
    assert "Ignored org=WTO: not a known organisation; showing every organisation." in notices
    assert any(n.startswith("Ignored from=1850") for n in notices)
    assert by_label(app.multiselect, "Mission type").value == ["peace-enforcement"]
    assert by_label(app.multiselect, "Organisation").value == []
    assert by_label(app.slider, "Years active").value[0] == 1990


def test_timeline_follows_the_type_filter() -> None:
    """(AppTest does not see bound widgets write the URL; the browser test checks that.)"""
    app = open_page("views/timeline.py")
    all_bars = sum(len(trace["y"]) for trace in figures(app)[0]["data"] if trace["type"] == "bar")
    by_label(app.multiselect, "Mission type").set_value(["peace-enforcement"]).run()
    bars = [t for t in figures(app)[0]["data"] if t["type"] == "bar"]
    assert [t["name"] for t in bars] == ["Peace enforcement"]
    assert 0 < len(bars[0]["y"]) < all_bars


def test_a_long_timeline_downloads_as_one_slide_image_per_part() -> None:
    labels = [button.label for button in open_page("views/timeline.py").get("download_button")]
    assert "PNG 1920x1080, 3 parts (zip)" in labels, labels
    few = open_page("views/timeline.py", type="peace-enforcement")
    assert "PNG 1920x1080" in [button.label for button in few.get("download_button")], "a short one: one image"


def test_year_range_is_mirrored_in_the_url() -> None:
    app = open_page("views/compare.py")
    by_label(app.slider, "Years active").set_value((2000, 2010)).run()
    assert app.query_params["from"] == "2000" and app.query_params["to"] == "2010"
    by_label(app.slider, "Years active").set_value((1990, app.slider[0].max)).run()
    assert "from" not in app.query_params and "to" not in app.query_params


def test_a_filter_that_matches_nothing_says_so() -> None:
    app = open_page("views/timeline.py", org="OSCE", type="maritime-security")
    assert not app.exception
    assert any("No operation matches" in i.value for i in app.info)
    assert figures(app) == []


def test_every_chart_gets_the_offline_map_configuration_and_a_16_9_camera_button() -> None:
    for page in PAGES:
        app = open_page(page)
        for chart in app.get("plotly_chart"):
            config = json.loads(chart.proto.config)
            assert config["topojsonURL"] == "app/static/topojson/", page
            camera = config["toImageButtonOptions"]
            assert (camera["width"] * camera["scale"], camera["height"] * camera["scale"]) == (1920, 1080), page


def test_map_shades_kosovo_for_kfor() -> None:
    app = open_page("views/map.py", **{"from": "2020"})
    choropleth = figures(app)[0]["data"][0]
    assert "XKX" in choropleth["locations"]
    assert choropleth["z"][choropleth["locations"].index("XKX")] >= 1


def test_map_view_toggle_zooms_on_the_balkans() -> None:
    app = open_page("views/map.py")
    assert figures(app)[0]["layout"]["geo"].get("scope") is None
    by_label(app.get("button_group"), "View").set_value("europe").run()
    assert figures(app)[0]["layout"]["geo"]["scope"] == "europe"
    assert app.query_params["view"] == "europe"


def traces(app: AppTest) -> dict[str, dict[str, Any]]:
    return {trace["name"]: trace for trace in figures(app)[0]["data"]}


def test_map_draws_sea_areas_and_headquarters() -> None:
    app = open_page("views/map.py")
    drawn = traces(app)
    seas = drawn["Sea areas (approximate outlines)"]
    assert "adriatic-sea" in seas["locations"] and "mediterranean-sea" in seas["locations"]
    assert {f["id"] for f in seas["geojson"]["features"]} == set(seas["locations"])
    hq = drawn["Headquarters and main bases"]
    assert any("kfor" in ids.split(", ") for ids, _ in hq["customdata"])
    app.toggle(key="map-hq").set_value(False).run()
    assert "Headquarters and main bases" not in traces(app)


def test_map_year_slider_shows_one_year() -> None:
    app = open_page("views/map.py")
    everything = traces(app)["Countries"]["locations"]
    app.select_slider(key="map-year").set_value(1995).run()
    assert figures(app)[0]["layout"]["title"]["text"] == "Where the operations deployed, 1995"
    in_1995 = traces(app)["Countries"]["locations"]
    assert "BIH" in in_1995 and "AFG" not in in_1995 and set(in_1995) < set(everything)
    assert app.query_params["year"] == "1995"
    app.select_slider(key="map-year").set_value(2003).run()
    assert "AFG" in traces(app)["Countries"]["locations"]


def test_map_year_comes_from_the_url_and_a_bad_one_says_so() -> None:
    app = open_page("views/map.py", year="1999", shade="years")
    assert app.select_slider(key="map-year").value == 1999
    assert figures(app)[0]["layout"]["title"]["text"] == "Years of presence, 1990-1999"
    bad = open_page("views/map.py", year="1850", shade="colour")
    assert not bad.exception
    notices = " ".join(i.value for i in bad.info)
    assert "Ignored year=1850" in notices and "Ignored shade=colour" in notices
    assert bad.select_slider(key="map-year").value == "All years"


def test_map_shade_toggle_switches_to_years_of_presence() -> None:
    app = open_page("views/map.py")
    counts = traces(app)["Countries"]
    by_label(app.get("button_group"), "Shade by").set_value("years").run()
    years = traces(app)["Countries"]
    assert years["colorbar"]["title"]["text"] == "Countries<br>Years of presence"
    kosovo = years["locations"].index("XKX")
    assert years["z"][kosovo] >= 2026 - 1999 and counts["z"][counts["locations"].index("XKX")] < years["z"][kosovo]
    assert app.query_params["shade"] == "years"


def test_map_play_steps_through_the_years() -> None:
    app = open_page("views/map.py", **{"from": "1995", "to": "2000"})
    by_label(app.button, "Play").click().run()
    assert app.session_state["map-playing"] is True
    assert app.select_slider(key="map-year").value == 1995
    app.session_state["map-next-tick"] = 0.0  # the timer is due
    app.run()
    assert app.select_slider(key="map-year").value == 1996
    assert figures(app)[0]["layout"]["title"]["text"].endswith("1996")
    by_label(app.button, "Pause").click().run()
    assert app.session_state["map-playing"] is False


def test_every_year_of_the_map_has_one_colour_scale_for_countries_and_for_seas() -> None:
    app = open_page("views/map.py")
    scales = set()
    for year in (1993, 1999, 2005, 2011, 2020):
        app.select_slider(key="map-year").set_value(year).run()
        drawn = traces(app)
        countries, seas = drawn["Countries"], drawn["Sea areas (approximate outlines)"]
        assert countries["showscale"] and seas["showscale"], "a scale for the seas as well"
        assert "fixed for 1990-2026" in countries["colorbar"]["title"]["text"], "the scale says it is fixed"
        scales.add((countries["zmin"], countries["zmax"], seas["zmax"]))
        assert countries["zmax"] >= max(countries["z"]) and seas["zmax"] >= max(seas["z"])
    assert len(scales) == 1, scales


def clicked(app: AppTest, point: dict[str, Any]) -> AppTest:
    """What a click on the map sends back (the browser test clicks for real)."""
    app.session_state["map"] = {"selection": {"points": [point], "point_indices": [0], "box": [], "lasso": []}}
    return app.run()


def test_map_click_on_a_sea_lists_its_operations() -> None:
    app = clicked(open_page("views/map.py"), {"location": "adriatic-sea"})
    assert not app.exception, [e.value for e in app.exception]
    assert "Operations in Adriatic Sea" in [h.value for h in app.subheader]
    links = " ".join(str(link.proto.label) for link in app.get("page_link"))
    assert "Sharp Guard" in links and "KFOR" not in links


def test_map_click_on_a_headquarters_opens_its_operation() -> None:
    app = clicked(open_page("views/map.py"), {"customdata": ["kfor", "Camp Film City, Pristina — KFOR"]})
    assert app.title[0].value == "Kosovo Force (KFOR)"


def test_profile_has_its_own_map_and_explains_former_states() -> None:
    app = open_page("views/mission.py", id="allied-force")
    where = [f for f in figures(app) if f["layout"]["title"]["text"] == "Where Allied Force deployed"]
    assert len(where) == 1 and where[0]["layout"]["geo"]["fitbounds"] == "locations"
    drawn = {t["name"]: t for t in where[0]["data"]}
    assert sorted(drawn["Countries"]["locations"]) == ["MNE", "SRB", "XKX"]
    assert drawn["Sea areas (approximate outlines)"]["locations"] == ["adriatic-sea"]
    notes = " ".join(i.value for i in app.info)
    assert "Federal Republic of Yugoslavia" in notes and "](https://lexbuild.dev" in notes


def test_mission_profile_shows_every_part_with_sources() -> None:
    app = open_page("views/mission.py", id="kfor")
    assert app.title[0].value == "Kosovo Force (KFOR)"
    text = " ".join(m.value for m in app.markdown)
    for part in ("Peak personnel", "Contributing nations", "Dates", "1999-06-12 to ongoing", "1244"):
        assert part in text
    headers = [h.value for h in app.subheader]
    assert "1999-06-12" in text and "](https://press.un.org" in text, "events link their sources"
    assert headers == [
        "Legal basis",
        "Where",
        "Strength over time",
        "Aircraft, ships and activity",
        "Human cost",
        "Before and after",
        "What followed",
        "How it was judged",
        "Events",
        "Sources",
    ]
    from dashboard.dataset.loading import load_dataset

    for source in load_dataset().records["kfor"].sources:
        assert f"]({safe_url(source.url)})" in text, source.url  # ( ) [ ] escaped, so no url can open a second link


def test_mission_profile_links_predecessor_and_successor() -> None:
    app = open_page("views/mission.py", id="sfor")
    links = [link.proto.label for link in app.get("page_link")]
    assert any(label.startswith("Took over from: IFOR") for label in links)


def test_pages_are_made_once_per_session_and_language_and_links_point_at_them() -> None:
    app = open_page("views/mission.py", id="sfor")
    made = app.session_state["app-pages-en"]
    assert sorted(made) == sorted(PAGES)
    app.run()
    assert app.session_state["app-pages-en"] is made, "the same pages on the next rerun"
    hashes = {page._script_hash: page.url_path for page in made.values()}
    links = {link.proto.label: link.proto for link in app.get("page_link")}
    took_over = next(link for label, link in links.items() if label.startswith("Took over from: IFOR"))
    assert hashes[took_over.page_script_hash] == took_over.page == "mission"
    assert hashes[links["Timeline"].page_script_hash] == "timeline"
    french = open_page("views/mission.py", id="sfor", lang="fr")
    assert french.session_state["app-pages-fr"]["views/timeline.py"].title == "Chronologie"
    assert "Chronologie" in [link.proto.label for link in french.get("page_link")]


def test_unknown_mission_id_falls_back_to_kfor_with_a_notice() -> None:
    app = open_page("views/mission.py", id="atlantis")
    assert not app.exception
    assert "Ignored id=atlantis: no operation has that id; showing kfor instead." in [i.value for i in app.info]
    assert app.title[0].value == "Kosovo Force (KFOR)"


def test_data_page_offers_downloads_and_a_citation() -> None:
    app = open_page("views/data.py")
    assert len(app.get("download_button")) == 5  # CSV, JSON package, zip package, one table as CSV and Parquet
    offered = [option.split(":")[0] for option in by_label(app.selectbox, "One table of the package").options]
    assert offered == list(tables(load_dataset(DATA_DIR))), "every table of the package, in its order"
    cited = app.code[0].value
    assert cited.startswith("NATO Peace Operations Explorer (dataset), version 20") and "CC BY 4.0" in cited
    assert "localhost" not in cited and "127.0.0.1" not in cited, "the dataset's home, never this server's address"
    french = open_page("views/data.py", lang="fr").code[0].value
    assert "(jeu de données), version 20" in french and "Sous licence CC BY 4.0" in french, "cited in French too"
    by_label(app.text_input, "Search").input("Kosovo").run()
    assert "of" in app.caption[0].value


def test_an_invalid_record_is_left_out_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken)
    record = broken / "missions" / "kfor.yaml"
    record.write_text(record.read_text().replace('start: "1999-06-12"', 'start: "2099-06-12"'))
    monkeypatch.setenv("NPOE_DATA_DIR", str(broken))
    app = open_page("views/overview.py")
    assert not app.exception
    warning = " ".join(w.value for w in app.warning)
    assert "data/missions/kfor.yaml: start: '2099-06-12' is in the future" in warning
    assert "1 data file(s) have problems" in app.expander[0].label
    operations = by_label(app.metric, "Operations")
    assert int(operations.value) == len(list(DATA.glob("missions/*.yaml"))) - 1


def timeline_ids(app: AppTest) -> set[str]:
    return {c[0] for t in figures(app)[0]["data"] if t["type"] == "bar" for c in t["customdata"]}


def test_timeline_partner_toggle_adds_un_eu_au_missions_and_links() -> None:
    app = open_page("views/timeline.py", region="balkans")
    nato_only = timeline_ids(app)
    assert "sfor" in nato_only and "unprofor" not in nato_only and "eufor-althea" not in nato_only
    app.toggle(key="timeline-partners").set_value(True).run()
    assert {"unprofor", "eufor-althea", "unmik"} <= timeline_ids(app)
    assert app.query_params["partners"] == "1"
    arrows = next(t for t in figures(app)[0]["data"] if t["name"] == "Handed over to" and t["mode"] == "markers")
    assert "SFOR handed over to EUFOR Althea" in arrows["text"] and "IFOR handed over to SFOR" in arrows["text"]


def test_timeline_shades_campaigns_from_the_toggle_or_the_url_and_names_a_bad_value() -> None:
    app = open_page("views/timeline.py")
    assert not figures(app)[0]["layout"].get("shapes")
    app.toggle(key="timeline-campaigns").set_value(True).run()
    assert app.query_params["campaigns"] == "1"
    named = {note["text"] for note in figures(app)[0]["layout"]["annotations"]}
    assert {"Afghanistan, 2001-2021", "Bosnia and Herzegovina, 1992-2004"} <= named
    linked = open_page("views/timeline.py", campaigns="1")
    assert linked.toggle(key="timeline-campaigns").value is True and figures(linked)[0]["layout"]["shapes"]
    wrong = open_page("views/timeline.py", campaigns="yes")
    assert wrong.toggle(key="timeline-campaigns").value is False
    assert any("campaigns=yes" in notice.value for notice in wrong.info), "a bad value is named"


def test_timeline_shows_events_with_their_sources_and_reads_partners_from_the_url() -> None:
    app = open_page("views/timeline.py", partners="1", id="ignored")
    assert app.toggle(key="timeline-partners").value is True
    events = next(t for t in figures(app)[0]["data"] if t["name"] == "Event")
    kfor = [c for c in events["customdata"] if c[0] == "kfor"]
    grades = ("official", "independent", "reference", "copy or personal")
    assert kfor and all(c[3].rsplit(" · ", 1)[1] in grades for c in kfor), "each event names its publisher and grade"
    assert "NATO · official" in {c[3] for c in kfor}
    bad = open_page("views/timeline.py", partners="yes")
    assert "Ignored partners=yes" in " ".join(i.value for i in bad.info)
    assert bad.toggle(key="timeline-partners").value is False


def test_timeline_strength_chart_aligns_by_months_and_keeps_its_state_in_the_url() -> None:
    app = open_page("views/timeline.py", strength="kfor,isaf,nosuch", align="months")
    assert "Ignored strength=nosuch" in " ".join(i.value for i in app.info)
    strength = next(f for f in figures(app) if f["layout"]["title"]["text"] == "Published strength over time")
    assert [t["name"] for t in strength["data"]] == ["KFOR", "ISAF"]
    assert strength["layout"]["xaxis"]["title"]["text"] == "Months since the operation began"
    assert min(strength["data"][0]["x"]) >= 0
    by_label(app.get("button_group"), "Align by").set_value("date").run()
    assert app.query_params["strength"] == "kfor,isaf" and "align" not in app.query_params
    app.multiselect(key="timeline-strength").set_value(["sfor"]).run()
    strength = next(f for f in figures(app) if f["layout"]["title"]["text"] == "Published strength over time")
    assert [t["name"] for t in strength["data"]] == ["SFOR"] and app.query_params["strength"] == "sfor"


def test_data_broken_in_many_ways_still_serves_every_valid_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Invalid YAML, a wrong type, an unknown vocabulary value, a dangling link, a duplicate id, a huge file
    and a missing Learn file, all at once: every page runs, names each problem, and shows the rest."""
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken)
    missions = broken / "missions"
    (missions / "kfor.yaml").write_text("id: kfor\nname: [unclosed\n", encoding="utf-8")
    isaf = missions / "isaf.yaml"
    isaf.write_text(
        isaf.read_text(encoding="utf-8").replace("mission_type: ", "mission_type: war-", 1), encoding="utf-8"
    )
    sfor = missions / "sfor.yaml"
    sfor.write_text(
        sfor.read_text(encoding="utf-8").replace("\nsummary: ", "\nsummary: 42\nnotes: ", 1), encoding="utf-8"
    )
    ifor = missions / "ifor.yaml"
    ifor.write_text(ifor.read_text(encoding="utf-8").replace("successors: [", "successors: [no-such-operation, ", 1))
    shutil.copy(missions / "ocean-shield.yaml", missions / "ocean-shield-copy.yaml")
    (missions / "huge.yaml").write_text("x: " + "y" * 2_000_000, encoding="utf-8")
    (broken / "learn" / "claims.yaml").unlink()
    monkeypatch.setenv("NPOE_DATA_DIR", str(broken))
    # a duplicated id leaves out both files: the app cannot tell which one is right, and says so in both
    left_out = {"kfor", "isaf", "sfor", "ifor", "ocean-shield", "ocean-shield-copy", "huge"}
    for page in PAGES:
        app = open_page(page)
        assert not app.exception, (page, [e.value for e in app.exception])
    app = open_page("views/overview.py")
    warning = " ".join(w.value for w in app.warning)
    named = {line.split(":")[0] for line in warning.replace("`", "").split("- ") if line.startswith("data/")}
    assert named == {f"data/missions/{name}.yaml" for name in left_out}
    assert "is not valid YAML" in warning and "huge.yaml: is 2.0 MB" in warning
    assert "'war-" in warning and "no-such-operation" in warning and "is also used by" in warning
    served = len(list(DATA.glob("missions/*.yaml"))) - len(left_out - {"ocean-shield-copy", "huge"})
    assert int(by_label(app.metric, "Operations").value) == served, "every valid record is served"
    learn_page = open_page("views/learn.py", part="quiz", seed="3")
    assert not learn_page.exception
    assert "data/learn/claims.yaml: is missing" in " ".join(w.value for w in learn_page.warning)


@pytest.mark.parametrize("digit", ["²", "⑤", "1" * 5000])
def test_a_unicode_or_huge_number_in_any_whole_number_parameter_falls_back_with_a_notice(digit: str) -> None:
    for page, name in (("views/overview.py", "from"), ("views/map.py", "year"), ("views/learn.py", "seed"),
                       ("views/brief.py", "slide")):  # fmt: skip
        params = {name: digit, "part": "quiz"} if name == "seed" else {name: digit}
        if name == "slide":
            params |= {"present": "1", "pack": "compare/decades"}
        app = open_page(page, **params)
        assert not app.exception, (page, name)
        if name != "slide":  # a slide out of range shows the first, as a presentation should
            assert any(f"Ignored {name}=" in str(notice.value) for notice in app.info), (page, name)


def test_record_text_is_shown_as_text_never_as_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = tmp_path / "data"
    shutil.copytree(DATA, hostile)
    path = hostile / "missions" / "kfor.yaml"
    record = yaml.safe_load(path.read_text())
    record["summary"] = "![](http://tracker.example/x.png) $x^2$ :red[alarm] [click](javascript:alert(1)) # heading"
    old_url = record["sources"][0]["url"]
    new_url = old_url + ") [evil](https://evil.example"
    path.write_text(yaml.safe_dump(record, allow_unicode=True).replace(old_url, new_url))
    monkeypatch.setenv("NPOE_DATA_DIR", str(hostile))
    app = open_page("views/mission.py", id="kfor")
    assert not app.exception and not app.warning, [w.value for w in app.warning]
    shown = "\n".join(str(m.value) for m in app.markdown)
    assert "\\!\\[\\](http://tracker.example/x.png) \\$x^2\\$ :red\\[alarm\\]" in shown, "no image, math or colour"
    assert "](https://evil.example" not in shown, "a url cannot open a second link"
    assert "%29%20%5Bevil%5D%28https://evil.example" in shown


def test_a_profile_shows_the_largest_published_figure_and_its_aircraft_ships_and_activity() -> None:
    sfor = open_page("views/mission.py", id="sfor")
    assert "largest published figure: 36,100" in " ".join(str(m.value) for m in sfor.markdown)
    guard = open_page("views/mission.py", id="active-endeavour")
    text = " ".join(str(m.value) for m in guard.markdown)
    assert "**Vessels hailed or queried**" in text and "128,000" in text
    quiet = open_page("views/mission.py", id="allied-goodwill")
    assert any(str(m.value).startswith("*Not published: ") for m in quiet.markdown)


@pytest.mark.parametrize("script", ["views/overview.py", "views/mission.py", "views/learn.py"])
def test_every_page_names_the_data_version_to_cite_in_the_sidebar(script: str) -> None:
    version = version_of(load_dataset(DATA_DIR))
    app = open_page(script)
    assert any(f"Data version {version}" in caption.value for caption in app.sidebar.caption)
    assert not any("Data version" in c.value for c in open_page(script, present="1").sidebar.caption)


def test_the_strength_chart_switches_to_aircraft_from_the_link_or_the_control() -> None:
    app = open_page("views/timeline.py", measure="aircraft")
    assert app.session_state["timeline-measure"] == "aircraft"
    strength = figures(app)[-1]
    assert strength["layout"]["yaxis"]["title"]["text"] == "Aircraft (published figures)"
    assert "icelandic-air-policing" in app.session_state["timeline-strength"]
    app.segmented_control(key="timeline-measure").set_value("personnel").run()
    assert figures(app)[-1]["layout"]["yaxis"]["title"]["text"] == "Personnel (published figures)"
    assert "measure" not in app.query_params
    wrong = open_page("views/timeline.py", measure="tanks")
    assert any("measure=tanks" in notice.value for notice in wrong.info)


def test_the_timeline_spells_out_the_names_it_abbreviates() -> None:
    app = open_page("views/timeline.py")
    key = next(e for e in app.expander if e.label.startswith("Names in full"))
    text = " ".join(m.value for m in key.markdown)
    expected = (("BAP", "Air Policing in the Baltic"), ("NTM-I", "NATO Training Mission-Iraq"), ("eFP", "Forward"))
    for label, name in expected:
        assert f"**{label}**" in text or f"**{label.replace('-', chr(92) + '-')}**" in text, label
        assert name in text, name
    assert "**KFOR**" in text and "Kosovo Force" in text
    labels = [line.split("**")[1] for line in text.split("- ") if "**" in line]
    assert labels == sorted(labels, key=str.casefold), "in alphabetical order"
