"""Every page runs with no exception, with and without URL parameters; filters found by label."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

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
    all_bars = sum(len(trace["y"]) for trace in figures(app)[0]["data"])
    by_label(app.multiselect, "Mission type").set_value(["peace-enforcement"]).run()
    traces = figures(app)[0]["data"]
    assert [t["name"] for t in traces] == ["Peace enforcement"]
    assert 0 < len(traces[0]["y"]) < all_bars


def test_year_range_is_mirrored_in_the_url() -> None:
    app = open_page("views/compare.py")
    by_label(app.slider, "Years active").set_value((2000, 2010)).run()
    assert app.query_params["from"] == "2000" and app.query_params["to"] == "2010"
    by_label(app.slider, "Years active").set_value((1990, app.slider[0].max)).run()
    assert "from" not in app.query_params and "to" not in app.query_params


def test_a_filter_that_matches_nothing_says_so() -> None:
    app = open_page("views/timeline.py", org="AU")
    assert not app.exception
    assert any("No operation matches" in i.value for i in app.info)
    assert figures(app) == []


def test_every_chart_gets_the_offline_map_configuration() -> None:
    for page in PAGES:
        app = open_page(page)
        for chart in app.get("plotly_chart"):
            assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/topojson/", page


def test_map_shades_kosovo_for_kfor() -> None:
    app = open_page("views/map.py", **{"from": "2020"})
    choropleth = figures(app)[0]["data"][0]
    assert "XKX" in choropleth["locations"]
    assert choropleth["z"][choropleth["locations"].index("XKX")] >= 1


def test_map_view_toggle_zooms_on_the_balkans() -> None:
    app = open_page("views/map.py")
    assert figures(app)[0]["layout"]["geo"].get("scope") is None
    by_label(app.get("button_group"), "View").set_value("Europe and the Balkans").run()
    assert figures(app)[0]["layout"]["geo"]["scope"] == "europe"


def test_mission_profile_shows_every_part_with_sources() -> None:
    app = open_page("views/mission.py", id="kfor")
    assert app.title[0].value == "Kosovo Force (KFOR)"
    text = " ".join(m.value for m in app.markdown)
    for part in ("Peak personnel", "Contributing nations", "Dates", "1999-06-12 to ongoing", "1244"):
        assert part in text
    headers = [h.value for h in app.subheader]
    assert "1999-06-12" in text and "](https://press.un.org" in text, "events link their sources"
    assert headers == ["Legal basis", "Where", "Strength over time", "Before and after", "Events", "Sources"]
    from dashboard.missions import load_dataset

    for source in load_dataset().records["kfor"].sources:
        assert f"]({source.url})" in text, source.url


def test_mission_profile_links_predecessor_and_successor() -> None:
    app = open_page("views/mission.py", id="sfor")
    links = [link.proto.label for link in app.get("page_link")]
    assert any(label.startswith("Took over from: IFOR") for label in links)


def test_unknown_mission_id_falls_back_to_kfor_with_a_notice() -> None:
    app = open_page("views/mission.py", id="atlantis")
    assert not app.exception
    assert "Ignored id=atlantis: no operation has that id; showing kfor instead." in [i.value for i in app.info]
    assert app.title[0].value == "Kosovo Force (KFOR)"


def test_data_page_offers_downloads_and_a_citation() -> None:
    app = open_page("views/data.py")
    assert len(app.get("download_button")) == 2
    assert "NATO Peace Operations Explorer (dataset)" in app.code[0].value
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
