"""Slide images: exactly 1920x1080, the chart's context inside, maps drawn offline from the committed files."""

from __future__ import annotations

import io
import json

import orjson
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from PIL import Image

from dashboard import i18n
from dashboard.charts import frame, panels, questions
from dashboard.dataset.filters import Filters
from dashboard.dataset.loading import Dataset
from dashboard.outputs import images
from dashboard.ui import display


def test_png_is_1920_by_1080_and_svg_carries_title_filters_and_source(data: Dataset) -> None:
    panel = questions.compare_panels(data, Filters(organisations=("NATO",), year_from=1990, year_to=2026))[0]
    assert panel.figure is not None
    png = Image.open(io.BytesIO(images.image(panel.figure, "png")))
    assert png.size == (1920, 1080)
    svg = images.image(panel.figure, "svg").decode("utf-8")
    assert svg.startswith("<svg")
    for text in ("Operations by the decade they began", "NATO · all mission types", "NATO Peace Operations Explorer",
                 "checked 2026"):  # fmt: skip
        assert text in svg, f"{text!r} missing from the exported image"


def test_a_tall_chart_is_laid_out_on_the_slide_itself_not_on_a_larger_canvas_shrunk_to_fit() -> None:
    short, tall = go.Figure(layout={"height": 400}), go.Figure(layout={"height": 1400})
    assert images.canvas(short) == (1280, 720, 1.5)
    assert images.canvas(tall) == (1920, 1080, 1.0), "shrunk from 2560 or 3840 px, its labels came out 7-10 px"


def shaded_pixels(png: bytes, colour: str) -> int:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    pixels = Image.open(io.BytesIO(png)).convert("RGB").get_flattened_data()
    return sum(1 for p in pixels if all(abs(a - b) <= 6 for a, b in zip(p, target, strict=True)))


def test_an_exported_map_draws_its_countries_from_the_committed_boundaries(data: Dataset) -> None:
    panel = panels.mission_map_panel(data, "isaf")  # one country: Afghanistan, at the darkest shade
    assert panel.figure is not None
    png = images.image(panel.figure, "png")
    darkest = frame.MAP_SCALE[-1][1]
    assert shaded_pixels(png, str(darkest)) > 20_000, "Afghanistan should fill a large part of the fitted map"
    assert images.TOPOJSON_URI.startswith("file://") and (images.TOPOJSON_DIR / "world_110m.json").exists()


def test_without_the_boundary_files_the_export_fails_with_a_message(
    data: Dataset, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setattr(images, "TOPOJSON_URI", "file:///nonexistent/topojson/")
    panel = panels.mission_map_panel(data, "kfor")
    assert panel.figure is not None
    with pytest.raises(images.ExportError, match="could not be drawn"):
        images.image(panel.figure, "png")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="png, svg"):
        images.image(go.Figure(), "gif")


def test_enlarge_makes_axis_text_at_least_20px_and_rewraps_the_source_line(data: Dataset) -> None:
    panel = questions.compare_panels(data, Filters(year_from=1990, year_to=2026))[2]
    assert panel.figure is not None
    before = panel.figure.to_dict()
    big = images.enlarge(panel.figure)
    assert big.layout.font.size >= 20
    assert big.layout.title.subtitle.font.size >= 20
    footer = big.layout.annotations[-1]
    assert all(len(line) <= frame.FOOTER_WIDTH / 1.5 for line in footer.text.split("<br>"))
    assert footer.text.replace("<br>", " ") == panel.figure.layout.annotations[-1].text.replace("<br>", " ")
    assert big.layout.height > panel.figure.layout.height
    assert panel.figure.to_dict() == before, "the cached figure is never changed"


def every_panel(data: Dataset) -> list[panels.Panel]:
    """The panels of every chart page and profile, for all operations and for a few, in both languages."""
    made: list[panels.Panel] = []
    few = Filters(mission_types=("peace-enforcement", "training"), year_from=1995, year_to=2020)
    for lang in ("en", "fr"):
        with i18n.using(lang):
            for filters in (Filters(year_from=1990, year_to=2026), few):
                made.append(panels.overview_panel(data, filters))
                made += [panels.timeline_panel(data, filters, partners) for partners in (False, True)]
                made.append(panels.map_panel(data, filters, None, "operations", "world"))
                made.append(panels.map_panel(data, filters, 2000, "years", "europe"))
                made += questions.compare_panels(data, filters)
            for mission_id in data.records:
                made += [panels.mission_map_panel(data, mission_id), panels.mission_strength_panel(data, mission_id)]
    return [panel for panel in made if panel.figure is not None]


def test_the_page_draws_each_figure_exactly_as_plotly_writes_it(data: Dataset) -> None:
    """display._drawn hands Streamlit the figure's own dicts, not plotly's copy of them (to_dict): the JSON must
    be the same, which it is not if a chart holds a numeric NumPy array (to_dict writes those as base64).

    And orjson writes every figure as it is: what it cannot write (an object array, a tuple subclass) makes
    plotly walk the whole figure in Python first, on every rerun that draws it.
    """
    drawn = every_panel(data)
    assert len(drawn) > 150
    for panel in drawn:
        assert panel.figure is not None
        spec = display._drawn(panel.figure).to_dict()
        orjson.dumps(spec, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)
        written = json.loads(pio.to_json(display._drawn(panel.figure), validate=False))
        assert written == json.loads(panel.figure.to_json()), panel.key


def test_a_panel_makes_its_table_when_asked_in_the_language_it_was_built_in(data: Dataset) -> None:
    with i18n.using("fr"):
        panel = questions.compare_panels(data, Filters(year_from=1990, year_to=2026), only=["peaks"])[0]
        french = i18n._("Peak personnel")
    assert "table" not in panel.__dict__, "not made until it is asked for"
    assert french != "Peak personnel" and french in panel.table.columns, "French headings, asked outside French"
    assert panel.table is panel.table, "made once"


def test_type_on_a_slide_image_is_at_least_18_px_and_a_tall_chart_keeps_its_rows_apart(data: Dataset) -> None:
    everything = Filters(year_from=1990, year_to=2026)
    for figure in (panels.overview_panel(data, everything).figure,
                   panels.timeline_panel(data, everything, partners=False).figure):  # fmt: skip
        assert figure is not None
        width, height, scale = images.canvas(figure)
        assert (width, height) in images.CANVASES and scale >= 1, "never a larger canvas shrunk to fit"
        slide = images.readable_on_slide(figure, height, scale)
        assert slide.layout.height == height
        assert slide.layout.font.size * scale >= images.SLIDE_TYPE
        assert (slide.layout.title.font.size or slide.layout.font.size) * scale >= images.SLIDE_TYPE
        rows = len(slide.layout.yaxis.tickvals or ())
        if rows:  # the timeline: its labels as large as its rows allow, and never overlapping
            margin = slide.layout.margin
            pitch = (height - margin.t - margin.b) / rows
            assert 9 <= slide.layout.yaxis.tickfont.size * scale <= 0.8 * pitch * scale + 0.01
            assert slide.layout.legend.y < 1 - frame.TITLE_ROOM / height, "the legend under the subtitle"


def test_a_long_timeline_goes_over_several_slides_each_with_18_px_labels(data: Dataset) -> None:
    figure = panels.timeline_panel(data, Filters(year_from=1990, year_to=2026), partners=False).figure
    assert figure is not None and len(figure.layout.yaxis.tickvals) > frame.SLIDE_ROWS
    parts = frame.row_parts(figure)
    shown = [(value, text) for part in parts for value, text in zip(part.layout.yaxis.tickvals,
                                                                     part.layout.yaxis.ticktext, strict=True)]
    assert sorted(shown) == sorted(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))
    for part in parts:
        ticks = part.layout.yaxis.tickvals
        assert len(ticks) <= frame.SLIDE_ROWS
        assert str(part.layout.yaxis.ticktext[0]).startswith("<b>"), "each slide begins with a theatre's heading"
        high, low = part.layout.yaxis.range
        assert high > max(ticks) and low < min(ticks), "the rows in view, top to bottom"
        bare = frame.bare(part, top=20, bottom=40)[0]
        _width, height, scale = images.canvas(bare)
        assert images.readable_on_slide(bare, height, scale).layout.yaxis.tickfont.size * scale >= images.SLIDE_TYPE
    short = panels.timeline_panel(data, Filters(year_from=1990, year_to=2026, regions=("balkans",)), partners=False)
    assert short.figure is not None and frame.row_parts(short.figure) == [short.figure], "a short one stays whole"
    log_axis = go.Figure(layout={"yaxis": {"type": "log", "tickvals": list(range(1, 40))}})
    assert len(frame.row_chunks(log_axis)) == 1, "ticks with no labels of their own are not rows"
