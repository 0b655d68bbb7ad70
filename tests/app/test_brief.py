"""The briefing pack: added from any page as shown, reordered on /brief, rebuilt from a link, presented."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts import briefing
from dashboard.outputs import printing
from tests.app.conftest import figures, open_page, open_tables

PACK = "brief-pack"


def button(app: AppTest, key: str) -> object:
    matches = [b for b in app.button if b.key == key]
    assert len(matches) == 1, f"no single button with key {key!r}"
    return matches[0]


def test_add_to_briefing_keeps_the_view_as_the_page_showed_it() -> None:
    app = open_page("views/compare.py", log="1", org="NATO")
    button(app, "peaks-brief").click().run()  # type: ignore[attr-defined]
    [entry] = app.session_state[PACK]
    view = briefing.decode(entry)
    assert view is not None and (view.page, view.chart) == ("compare", "peaks")
    assert sorted(view.params) == [("log", "1"), ("org", "NATO")]
    button(app, "peaks-brief").click().run()  # type: ignore[attr-defined]
    assert len(app.session_state[PACK]) == 1, "the same view is not added twice"
    app.switch_page("views/mission.py")
    app.query_params["id"] = "isaf"
    app.run()
    button(app, "where-map-brief").click().run()  # type: ignore[attr-defined]
    assert app.session_state[PACK][-1].startswith("mission/where-map?") and "id=isaf" in app.session_state[PACK][-1]


def test_every_chart_offers_png_svg_and_add_to_briefing() -> None:
    app = open_page("views/timeline.py")
    labels = [b.proto.label for b in app.get("download_button")]
    drawn = len(figures(app))
    assert sum(label.startswith("PNG 1920x1080") for label in labels) == drawn and labels.count("SVG") == drawn
    assert [b.label for b in app.button].count("Add to briefing") == drawn


def test_a_pack_link_rebuilds_the_pack_and_the_page_reorders_and_removes() -> None:
    app = open_page("views/brief.py", pack=["compare/peaks?log=1", "map/map?view=europe", "nope/x"], title="Balkans")
    assert not app.exception
    assert app.session_state[PACK] == ["compare/peaks?log=1", "map/map?view=europe"]
    assert any("nope/x" in info.value for info in app.info), "a bad entry is named"
    assert app.text_input[0].value == "Balkans"
    assert any(m.value == "**1. How large did each kind grow?**" for m in app.markdown)
    button(app, "down-0").click().run()  # type: ignore[attr-defined]
    assert app.session_state[PACK] == ["map/map?view=europe", "compare/peaks?log=1"]
    assert app.query_params["pack"] == ["map/map?view=europe", "compare/peaks?log=1"]
    button(app, "remove-1").click().run()  # type: ignore[attr-defined]
    assert app.session_state[PACK] == ["map/map?view=europe"]
    assert [b.proto.label for b in app.get("download_button")] == ["PowerPoint deck (.pptx)", "PDF"]


def test_presentation_mode_steps_through_the_pack_with_large_type() -> None:
    app = open_page("views/brief.py", pack=["compare/peaks", "compare/durations"], present="1")
    assert not app.exception
    shown = figures(app)
    assert len(shown) == 1 and shown[0]["layout"]["title"]["text"] == "Peak strength, by type"
    assert shown[0]["layout"]["font"]["size"] >= 20
    assert not app.get("download_button"), "no download or table clutter while presenting"
    button(app, "present-next").click().run()  # type: ignore[attr-defined]
    assert app.query_params["slide"] == "2"
    assert figures(app)[0]["layout"]["title"]["text"] == "How long operations lasted, by type"


def test_an_empty_pack_says_how_to_fill_it_and_offers_an_example() -> None:
    app = open_page("views/brief.py")
    assert not app.exception
    assert any("The pack is empty" in m.value for m in app.markdown)
    button(app, "brief-example").click().run()  # type: ignore[attr-defined]
    example = [view.encode() for view in map(briefing.decode, briefing.EXAMPLE_PACK) if view is not None]
    assert len(example) == 8 and app.session_state[PACK] == example
    assert not app.exception and app.query_params["pack"] == example
    previews = [chart for chart in app.get("plotly_chart") if json.loads(chart.proto.config).get("staticPlot")]
    assert len(previews) == 8, "a still preview of each chart in the pack"
    for chart in previews:
        figure = json.loads(chart.proto.spec)
        assert figure["layout"]["width"] == 240 and figure["layout"]["height"] == 135
        assert not figure["layout"]["showlegend"] and not figure["layout"].get("annotations")
        assert figure["layout"]["title"]["text"] == "", "the card says the title; the preview shows the marks"


def test_without_chromium_the_downloads_are_disabled_and_say_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "")
    monkeypatch.setattr(printing.shutil, "which", lambda name: None)
    app = open_tables(open_page("views/mission.py", id="kfor"))
    assert not app.exception
    downloads = {b.proto.label: b.proto for b in app.get("download_button")}
    for label in ("Fact card (PDF)", "Fact card (PNG)", "PNG 1920x1080", "SVG"):
        assert downloads[label].disabled and "make chromium" in downloads[label].help, label
    assert not downloads["Download this table (CSV)"].disabled, "the data stays downloadable"
