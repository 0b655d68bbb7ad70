"""Chart builders, checked as data (plotly's own style), not as pixels."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.charts import frame, labels, maps, panels, phone, questions, strength, timeline
from dashboard.dataset import comparisons, geo
from dashboard.dataset.filters import Filters
from dashboard.dataset.loading import Dataset
from dashboard.dataset.schema import Mission

COLOURS = frame.category_colours(["peace-enforcement", "peacekeeping-stabilisation", "maritime-security"])
LABELS = {"peacekeeping-stabilisation": "Peacekeeping", "maritime-security": "Maritime"}


def test_colours_are_stable_per_vocabulary_position() -> None:
    assert COLOURS["peace-enforcement"] == frame.PALETTE[0]
    assert COLOURS["maritime-security"] == frame.PALETTE[2]


def test_timeline_has_one_bar_per_operation_coloured_by_type(tables: dict[str, pd.DataFrame]) -> None:
    fig = timeline.mission_timeline(tables["missions"], COLOURS, LABELS, {"balkans": "Balkans"})
    assert [trace.name for trace in fig.data] == ["Peacekeeping", "Maritime", timeline.YEARS_ON_TOP]
    assert fig.data[-1].xaxis == "x2" and fig.layout.xaxis2.side == "top" and fig.layout.xaxis2.matches == "x"
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.yref == "container", "a legend across the top"
    peacekeeping, maritime = fig.data[:2]
    assert list(peacekeeping.base) == ["1992-03-01", "2000-01-15"]
    assert [c[0] for c in peacekeeping.customdata] == ["un-op", "minimal-op"], "the id comes first, for clicks"
    assert peacekeeping.marker.color == COLOURS["peacekeeping-stabilisation"]
    # the ongoing operation runs to today (2026-11-21): 2009-08-17 + 6305 days
    assert maritime.x[0] == 6305 * 86_400_000
    assert maritime.customdata[0][3] == "ongoing"
    assert fig.layout.template.layout.paper_bgcolor == "white", "explicit template, not Streamlit's"


def test_timeline_groups_operations_by_theatre(tables: dict[str, pd.DataFrame]) -> None:
    rows, headings = timeline.timeline_rows(tables["missions"])
    assert headings == [(0.0, "balkans"), (3.4, "east-africa")], "theatres in order of their first start"
    assert rows == {"un-op": 1.0, "minimal-op": 2.0, "sea-op": 4.4}
    fig = timeline.mission_timeline(tables["missions"], COLOURS, LABELS, {"balkans": "Balkans"})
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert ticks[0.0] == "<b>Balkans</b>" and ticks[3.4] == "<b>east-africa</b>" and ticks[1.0] == "UNTM"
    assert fig.layout.yaxis.autorange == "reversed"


def test_timeline_draws_succession_and_events(tables: dict[str, pd.DataFrame]) -> None:
    fig = timeline.mission_timeline(
        tables["missions"],
        COLOURS,
        LABELS,
        events=tables["events"],
        successors={"un-op": ["minimal-op"], "minimal-op": ["not-shown"]},
    )
    links, arrows, events = (t for t in fig.data if t.type == "scatter" and t.name != timeline.YEARS_ON_TOP)
    assert list(links.x) == ["1995-12-20", "2000-01-15", None] and list(links.y) == [1.0, 2.0, None]
    assert list(arrows.text) == ["UNTM handed over to Minimal"]
    assert list(events.x) == ["2000-01-15", "2002-06-01"] and list(events.y) == [2.0, 2.0]
    source = "Example Research Institute · independent"  # the publisher and grade, not a raw url
    assert list(events.customdata[0]) == ["minimal-op", "2000-01-15", "Start", source, "Minimal"]
    assert events.hovertemplate.startswith("<b>%{customdata[4]}</b>"), "a diamond's hover names its operation first"
    plain = timeline.mission_timeline(tables["missions"], COLOURS, LABELS)
    assert [t.type for t in plain.data if t.name != timeline.YEARS_ON_TOP] == ["bar", "bar"], "no links or events"


def test_operations_per_year_counts_active_operations(tables: dict[str, pd.DataFrame]) -> None:
    table = comparisons.active_per_year(tables["missions"], LABELS, 1992, 2003)
    fig = timeline.operations_per_year(table, COLOURS)
    peacekeeping = fig.data[0]
    counts = dict(zip(peacekeeping.x, peacekeeping.y, strict=True))
    assert counts[1992] == 1 and counts[2000] == 1
    assert 1996 not in counts and 2003 not in counts, "years with no operation of a type draw no bar"
    assert fig.layout.barmode == "stack"


def map_layers(tables: dict[str, pd.DataFrame], records: dict[str, Mission]) -> tuple[pd.DataFrame, ...]:
    missions = tables["missions"]
    countries = geo.presence(geo.country_places(tables["deployments"]), missions, 1990, 2026)
    seas = geo.presence(geo.sea_places(missions), missions, 1990, 2026)
    markers = geo.hq_markers(geo.headquarters(records, missions.index), dict(missions["short_name"]))
    return countries, seas, markers


SHAPES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": "gulf-of-aden-horn-of-africa",
            "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [[[44, 12], [50, 12], [50, 14], [44, 14], [44, 12]]]},
        }
    ],
}


def test_map_draws_countries_seas_and_headquarters(
    tables: dict[str, pd.DataFrame], records: dict[str, Mission]
) -> None:
    countries, seas, markers = map_layers(tables, records)
    names = {"XKX": "Kosovo", "BIH": "Bosnia and Herzegovina", "gulf-of-aden-horn-of-africa": "Gulf of Aden"}
    fig = maps.deployment_map(countries, seas, SHAPES, markers, names)
    land, sea, hq = fig.data
    assert list(land.locations) == ["BIH", "XKX"] and list(land.z) == [2, 1]
    assert land.colorbar.dtick == 1, "a scale up to 2 ticks whole numbers, never '1, 1'"
    assert list(land.customdata[1][:2]) == ["XKX", "Kosovo"]
    assert "Minimal (2000-2002, Peacekeeping and stabilisation)" in land.customdata[1][2]
    assert list(sea.locations) == ["gulf-of-aden-horn-of-africa"] and sea.featureidkey == "id"
    assert [f["id"] for f in sea.geojson["features"]] == ["gulf-of-aden-horn-of-africa"]
    assert "approximate outline" in sea.hovertemplate and sea.showscale is True, "the seas have their own scale"
    assert (land.zmax, sea.zmax) == (2, 2) and fig.layout.showlegend is False, "one range; the map takes the width"
    fixed = maps.deployment_map(countries, seas, SHAPES, markers, names, scale=(5, " (fixed)"))
    assert (fixed.data[0].zmax, fixed.data[1].zmax) == (5, 5) and fixed.data[0].colorbar.title.text.endswith("(fixed)")
    assert hq.textfont.shadow, "labels on a white halo, readable on dark countries"
    assert hq.type == "scattergeo" and hq.customdata[0][0] == "un-op, minimal-op, sea-op", "one marker per place"
    assert hq.customdata[0][1].startswith("Test HQ, Sarajevo — UNTM")
    assert hq.mode == "markers", "no text labels on the world view"
    assert fig.layout.geo.fitbounds is False and fig.layout.geo.scope is None


def test_map_measures_and_views(tables: dict[str, pd.DataFrame], records: dict[str, Mission]) -> None:
    countries, seas, markers = map_layers(tables, records)
    years = maps.deployment_map(countries, seas, SHAPES, markers, {}, measure="years")
    # BIH: UNTM 1992-1995 and Minimal 2000-2002 -> 7 calendar years; XKX: 2000-2002 -> 3
    assert list(years.data[0].z) == [7, 3]
    assert years.data[0].colorbar.title.text == "Countries<br>Years of presence"
    europe = maps.deployment_map(countries, seas, SHAPES, markers, {}, view="europe")
    assert europe.layout.geo.scope == "europe" and europe.layout.geo.resolution == 50
    assert europe.data[2].mode == "markers+text"
    fit = maps.deployment_map(countries, seas, SHAPES, markers, {}, view="fit")
    assert fit.layout.geo.fitbounds == "locations" and fit.data[0].showscale is False


def test_personnel_line_goes_through_published_points_only(tables: dict[str, pd.DataFrame]) -> None:
    fig = strength.personnel_over_time(tables["personnel"], "Strength")
    line = fig.data[0]
    assert list(line.x) == ["2000-02-01", "2001-01-01"]
    assert list(line.y) == [1000, 800]
    assert line.mode == "lines+markers"
    assert line.customdata[1][1] == "Example Research Institute · independent"


def test_strength_lines_draw_published_points_only(tables: dict[str, pd.DataFrame]) -> None:
    missions = tables["missions"]
    fig = strength.strength_lines(tables["personnel"], missions)
    assert [t.name for t in fig.data] == ["Minimal"], "operations with no published strength draw nothing"
    line = fig.data[0]
    assert list(line.x) == ["2000-02-01", "2001-01-01"] and list(line.y) == [1000, 800]
    assert list(line.customdata[1][:3]) == ["minimal-op", "2001", "Example Research Institute · independent"]
    assert line.customdata[1][3] == "approximate"
    months = strength.strength_lines(tables["personnel"], missions, align="months")
    # 2000-01-15 -> 2000-02-01 is 17 days; -> 2001-01-01 is 352 days
    assert list(months.data[0].x) == [round(17 / 30.4375, 1), round(352 / 30.4375, 1)]
    assert months.layout.xaxis.title.text == "Months since the operation began"
    assert strength.strength_lines(tables["personnel"], missions.loc[["un-op"]]).data == ()


def test_a_timeline_of_too_many_operations_counts_them_per_year_and_says_so(
    data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = Filters(year_from=1990, year_to=2026)
    bars = panels.timeline_panel(data, everything, partners=True)
    assert bars.figure is not None and bars.file_name == "timeline"
    assert len(bars.ids) <= panels.TIMELINE_MAX_BARS, "the real dataset draws one bar per operation"
    monkeypatch.setattr(panels, "TIMELINE_MAX_BARS", 10)
    counted = panels.timeline_panel(data, everything, partners=True)
    assert counted.figure is not None and counted.file_name == "timeline-per-year"
    layout = counted.figure.to_plotly_json()["layout"]
    assert layout["title"]["text"] == "Operations under way each year, by type"
    assert "More than 10 operations match, too many for one bar each" in counted.source
    per_year: dict[int, int] = {}
    for trace in counted.figure.data:
        for year, count in zip(trace.x, trace.y, strict=True):
            per_year[year] = per_year.get(year, 0) + count
    missions = data.missions
    ends = missions["end"].fillna("2026-11-21").astype(str).str[:4].astype(int)
    starts = missions["start"].astype(str).str[:4].astype(int)
    assert per_year[1999] == int(((starts <= 1999) & (ends >= 1999)).sum()), "every operation under way in 1999"
    assert sorted(counted.ids) == sorted(bars.ids)


def test_a_phone_gets_the_chart_without_legend_or_texts_it_cannot_wrap_and_a_key_instead(data: Dataset) -> None:
    panel = panels.timeline_panel(data, Filters(), partners=False)
    small, title, subtitle, footer = phone.for_phone(panel.figure)
    assert title == "When each operation ran" and "all mission types" in subtitle and footer.startswith("Source:")
    assert small.layout.showlegend is False and not small.layout.title.text
    assert not [note for note in small.layout.annotations if note.name == frame.FOOTER]
    assert small.layout.margin.l <= 8 and small.layout.yaxis.automargin
    # the names above their bars, across the plot, not beside it: the years get the screen's width
    assert small.layout.yaxis.showticklabels is False and panel.figure.layout.yaxis.showticklabels is not False
    names = [(note.y, note.text) for note in small.layout.annotations if note.name == phone.ROW_NAME]
    assert names == list(zip(panel.figure.layout.yaxis.tickvals, panel.figure.layout.yaxis.ticktext, strict=True))
    assert all(note.x == 0 and note.xref == "paper" and note.yanchor == "bottom"
               for note in small.layout.annotations if note.name == phone.ROW_NAME)  # fmt: skip
    bars = [trace for trace in small.data if trace.type == "bar"]
    assert bars and all(trace.width == phone.PHONE_BAR for trace in bars)
    low, high = sorted(small.layout.yaxis.range)
    plot_px = small.layout.height - small.layout.margin.t - small.layout.margin.b
    # the x axis's labels take some of that (automargin): a row gets no less than PHONE_ROW_PX, and not much more
    assert phone.PHONE_ROW_PX <= plot_px / (high - low) <= 1.1 * phone.PHONE_ROW_PX, "room for a name above each bar"
    assert low < min(panel.figure.layout.yaxis.tickvals) - 1, "the first row's name inside the plot"
    key = frame.legend_key(panel.figure)
    colour = frame.category_colours(list(data.labels("mission_type")))["peace-enforcement"]
    assert ("Peace enforcement", colour, frame.KEY_SQUARE) in key
    marks = {entry.name: entry.glyph for entry in key}  # each entry drawn as the chart draws it
    assert marks["Event"] == frame.KEY_HOLLOW["diamond"] and marks["Handed over to"] == frame.KEY_DOTTED, marks
    assert all(entry.colour.lower() != "#ffffff" for entry in key), "no white mark, invisible on the page"
    assert panel.figure.layout.showlegend is not False, "the laptop's figure is left as it was"
    banded = panels.timeline_panel(data, Filters(), partners=False, bands=True).figure
    names = [note.text for note in banded.layout.annotations if note.name == frame.BAND_LABEL]
    assert names, "the laptop names each campaign on its band"
    phone_notes = phone.for_phone(banded)[0].layout.annotations
    assert not [note for note in phone_notes if note.name == frame.BAND_LABEL], "no room for them in a phone's plot"
    assert set(names) <= {entry.name for entry in frame.legend_key(banded)}, "the key beneath names them instead"
    world = panels.map_panel(data, Filters(), None, "operations", "world").figure
    phone_map = phone.for_phone(world)[0]
    bars = [t.colorbar for t in phone_map.data if t.type == "choropleth" and t.showscale is not False]
    assert bars and all(bar.orientation == "h" and bar.title.text for bar in bars), "a map's scale goes beneath it"
    in_1999 = phone.for_phone(panels.map_panel(data, Filters(), 1999, "operations", "world").figure)[0]
    for figure in (phone_map, in_1999):  # 1999: the countries' scale says it is fixed for every year, a line more
        bars = [t.colorbar for t in figure.data if t.type == "choropleth" and t.showscale is not False]
        assert len(bars) == 2, "countries and sea areas, each with its scale"
        first, second = sorted(bars, key=lambda bar: bar.x)
        assert first.x + first.len <= second.x, "side by side: one scale never hides the other"
        assert first.title.text.count("<br>") == second.title.text.count("<br>"), "as many lines: the bars level"



def test_on_a_phone_every_chart_of_horizontal_rows_names_them_above_their_bars(data: Dataset) -> None:
    every = questions.compare_panels(data, Filters()) + questions.compare_panels(data, Filters(), log=True)
    rowed = [panel for panel in every if panel.figure is not None and phone.has_named_rows(panel.figure)]
    # how long, peak strength (linear and logarithmic), how they ended, peace, years of peace
    assert len(rowed) >= 6, [panel.key for panel in rowed]
    assert not [p for p in every if p.key in ("assessments", "basis") and phone.has_named_rows(p.figure)], "grids stay"
    for panel in rowed:
        assert panel.figure is not None
        small = phone.for_phone(panel.figure)[0]
        names = [frame.plain_text(n.text.replace("<br>", " ")) for n in small.layout.annotations
                 if n.name == phone.ROW_NAME]  # fmt: skip
        categories = [frame.plain_text(str(c).replace("<br>", " ")) for c in panel.figure.layout.yaxis.categoryarray]
        assert names == categories, panel.key
        assert small.layout.yaxis.showticklabels is False
        low, high = sorted(small.layout.yaxis.range)
        assert high - low > len(categories), "room above the top row for its name"
        outside = [t for t in small.data if t.type == "bar" and t.textposition == "outside"]
        if outside:  # texts beyond the bars' ends still end inside the plot, now a phone's full width
            longest = max(len(str(text)) for trace in outside for text in trace.text)
            low_x, high_x = small.layout.xaxis.range
            end = max(x for trace in outside for x in trace.x)
            end = math.log10(end) if small.layout.xaxis.type == "log" else end  # a range in powers of ten
            room = (high_x - end) / (high_x - low_x)
            assert room * phone.PHONE_WIDE_PLOT_PX >= longest * labels.CHAR_PX, panel.key
            assert room <= 0.6, "the bars keep most of the width"
        if small.layout.xaxis.type == "log":  # powers of ten only: the 1-2-5 ticks stood on their sides
            ticks = list(small.layout.xaxis.tickvals)
            assert 2 <= len(ticks) <= phone.PHONE_LOG_TICKS and all(str(int(t)).strip("0") == "1" for t in ticks)

def test_map_hovers_count_in_words_with_the_right_plural(data: Dataset) -> None:
    assert maps.amount(1, "operations") == "1 operation" and maps.amount(3, "operations") == "3 operations"
    assert maps.amount(1, "years") == "1 year of presence" and maps.amount(2, "years") == "2 years of presence"
    world = panels.map_panel(data, Filters(), None, "operations", "world").figure
    countries = next(t for t in world.data if t.type == "choropleth")
    assert all(row[3] == maps.amount(z, "operations") for row, z in zip(countries.customdata, countries.z, strict=True))
    assert "(s)" not in countries.hovertemplate


def test_the_strength_chart_draws_published_aircraft_where_a_series_exists(data: Dataset) -> None:
    panel = panels.strength_panel(data, ["icelandic-air-policing", "kfor"], "date", measure="aircraft")
    assert panel.figure is not None and list(panel.ids) == ["icelandic-air-policing"], "KFOR has no aircraft count"
    published = data.sizes[
        (data.sizes["mission_id"] == "icelandic-air-policing") & (data.sizes["measure"] == "aircraft")
    ]
    drawn = [y for trace in panel.figure.data for y in trace.y]
    assert sorted(drawn) == sorted(published["value"].tolist()), "exactly the published counts"
    assert panel.figure.layout.yaxis.title.text == "Aircraft (published figures)"
    assert "aircraft" in panel.figure.data[0].hovertemplate and "personnel" not in panel.figure.data[0].hovertemplate
    assert panels.strength_panel(data, ["kfor"], "date", measure="ships").figure is None
    assert panels.strength_panel(data, ["kfor"], "date", measure="nonsense").figure is not None, "personnel"


def test_headquarters_names_never_sit_on_each_other_or_run_off_the_map() -> None:
    markers = pd.DataFrame({
        "lat": [40.83, 40.87, 41.33, 41.32, 42.0, 44.0], "lon": [14.25, 14.04, 19.45, 19.82, 21.43, 5.2],
        "label": ["Naples", "Lago Patria", "Durres", "Tirana", "Skopje", "Edge"],
        "missions": ["a, b", "c", "d, e", "f", "g", "h"],
    })  # fmt: skip
    assert maps.spaced_labels(markers, "europe") == ["Naples", "", "Durres", "", "Skopje", ""]
    assert maps.spaced_labels(markers.iloc[[1]], "europe") == ["Lago Patria"], "alone, a name is always shown"
