"""The /compare tables and charts, checked as data against the three fixture records.

minimal-op: peacekeeping, NATO, 2000-01-15 to 2002-06, Chapter VII, peak 1,000, 12 nations, handed over.
un-op: peacekeeping, UN, 1992-03 to 1995-12-20, no published strength, succeeded by a mission.
sea-op: maritime, NATO, 2009-08-17 and ongoing, no published strength.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.charts import compare, frame, phone
from dashboard.dataset import comparisons
from dashboard.dataset.filters import Filters, read_compare_url
from dashboard.dataset.schema import NOT_PUBLISHED
from dashboard.i18n import duration_text, using

TYPES = {
    "peace-enforcement": "Peace enforcement",
    "peacekeeping-stabilisation": "Peacekeeping",
    "maritime-security": "Maritime",
}
COLOURS = frame.category_colours(list(TYPES))
OUTCOMES = {"ongoing": "Ongoing", "succeeded-by-mission": "Succeeded", "handed-over": "Handed over"}
BASES = {"unsc-chapter-vii": "Chapter VII", "host-nation-consent": "Consent"}


@pytest.fixture
def missions(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return tables["missions"]


def test_by_decade_counts_each_operation_once_by_start_or_in_every_active_decade(missions: pd.DataFrame) -> None:
    started = comparisons.by_decade(missions, TYPES)
    assert started[["decade", "mission_type", "operations", "names"]].to_numpy().tolist() == [
        ["1990s", "peacekeeping-stabilisation", 1, "UNTM"],
        ["2000s", "peacekeeping-stabilisation", 1, "Minimal"],
        ["2000s", "maritime-security", 1, "SEA"],
    ]
    active = comparisons.by_decade(missions, TYPES, "active")
    # sea-op (2009 to today) is counted in the 2000s, 2010s and 2020s
    assert active.loc[active["mission_type"] == "maritime-security", "decade"].tolist() == ["2000s", "2010s", "2020s"]
    assert active["operations"].sum() == 1 + 1 + 3


def test_decade_bars_stack_the_table_by_type(missions: pd.DataFrame) -> None:
    fig = compare.decade_bars(comparisons.by_decade(missions, TYPES), COLOURS, "By decade")
    assert [t.name for t in fig.data] == ["Peacekeeping", "Maritime"]
    assert list(fig.data[0].x) == ["1990s", "2000s"] and list(fig.data[0].y) == [1, 1]
    assert fig.data[1].marker.color == COLOURS["maritime-security"]
    assert fig.layout.barmode == "stack"


def test_peaks_leave_out_operations_with_no_published_strength(missions: pd.DataFrame) -> None:
    table = comparisons.peaks(missions)
    assert table["id"].tolist() == ["minimal-op"], "un-op and sea-op published no strength and must not appear"
    fig = compare.values_by_type(table, "peak_personnel", COLOURS, "Personnel", "Peaks", "%{x:,}", log=True)
    assert len(fig.data) == 1 and list(fig.data[0].x) == [1000.0]
    assert fig.layout.xaxis.type == "log"
    assert compare.values_by_type(table, "peak_personnel", COLOURS, "P", "Peaks", "%{x}").layout.xaxis.type == "linear"


def test_equal_peaks_keep_the_start_order_whichever_operations_are_kept(missions: pd.DataFrame) -> None:
    equal = missions.assign(peak_personnel=pd.array([500, 1000, 500], dtype="Int64"))
    assert comparisons.peaks(equal)["id"].tolist() == [equal.index[1], equal.index[0], equal.index[2]]
    kept = equal.iloc[[0, 2]]
    assert comparisons.duration_and_peak(kept)["id"].tolist() == [equal.index[0], equal.index[2]]
    labelled = compare.duration_peak_scatter(comparisons.duration_and_peak(equal), COLOURS, "Scatter", labels=2)
    named = {name for trace in labelled.data for name in trace.text if name}
    first = equal.loc[[equal.index[1], equal.index[0]], "short_name"]
    assert named == set(first), "the two largest, the tie broken by start order, as pandas' nlargest does"


def test_durations_show_every_operation_as_a_point_in_years_and_months(missions: pd.DataFrame) -> None:
    table = comparisons.durations(missions)
    assert table.loc[table["id"] == "sea-op", "end"].item() == "ongoing"
    un_op = table.loc[table["id"] == "un-op"]
    assert un_op["duration"].item() == duration_text(un_op["duration_years"].item())
    fig = compare.values_by_type(table, "duration_years", COLOURS, "Years", "Durations", "%{customdata[2]}",
                                 shown=duration_text)  # fmt: skip
    peacekeeping = fig.data[0]
    assert peacekeeping.type == "scatter" and peacekeeping.mode == "markers", "two points: a dot plot, no box"
    assert sorted(peacekeeping.x) == sorted(missions.loc[["un-op", "minimal-op"], "duration_years"])
    assert [c[0] for c in peacekeeping.customdata] == ["UNTM", "Minimal"]
    assert [c[2] for c in peacekeeping.customdata] == [duration_text(x) for x in peacekeeping.x]
    many = pd.concat([table[table["id"] == "un-op"]] * compare.BOX_FROM, ignore_index=True)
    boxed = compare.values_by_type(many, "duration_years", COLOURS, "Years", "Durations", "%{x}").data[0]
    assert boxed.type == "box" and boxed.boxpoints == "all", "enough points for a box"


def test_a_duration_reads_in_years_and_months() -> None:
    assert duration_text(7.95) == "7 years 11 months"
    assert duration_text(1.0) == "1 year"
    assert duration_text(1 + 1 / 12) == "1 year 1 month"
    assert duration_text(0.4) == "5 months"
    assert duration_text(0.0) == "0 months"
    assert duration_text(float("nan")) == ""
    with using("fr"):
        assert duration_text(7.95) == "7 ans 11 mois"


def test_outcomes_by_type_are_stacked_per_type(missions: pd.DataFrame) -> None:
    table = comparisons.outcomes_by_type(missions, TYPES, OUTCOMES)
    assert table[["mission_type", "outcome", "operations"]].to_numpy().tolist() == [
        ["peacekeeping-stabilisation", "succeeded-by-mission", 1],
        ["peacekeeping-stabilisation", "handed-over", 1],
        ["maritime-security", "ongoing", 1],
    ]
    fig = compare.stacked_by_type(table, "outcome", compare.OUTCOME_COLOURS, "Outcomes")
    assert [t.name for t in fig.data] == ["Ongoing", "Succeeded", "Handed over"], "the vocabulary's order"
    assert list(fig.data[0].y) == ["Maritime"] and list(fig.data[0].x) == [1]
    assert fig.layout.barmode == "stack"


def test_legal_basis_counts_every_kind_an_operation_rests_on(missions: pd.DataFrame) -> None:
    both = missions.copy()
    both.loc["minimal-op", "legal_basis"] = "unsc-chapter-vii; host-nation-consent"
    table = comparisons.legal_basis_by_type(both, TYPES, BASES)
    assert table[["mission_type", "basis", "operations", "names"]].to_numpy().tolist() == [
        ["peacekeeping-stabilisation", "unsc-chapter-vii", 2, "UNTM, Minimal"],
        ["peacekeeping-stabilisation", "host-nation-consent", 1, "Minimal"],
        ["maritime-security", "unsc-chapter-vii", 1, "SEA"],
    ]
    fig = compare.count_grid(table, "basis", BASES, "Legal basis")
    assert list(fig.data[0].y) == ["Peacekeeping", "Maritime"]
    assert [list(row) for row in fig.data[0].z] == [[2, 1], [1, 0]], "an empty cell is zero operations"
    long_names = {"unsc-chapter-vii": "UN Security Council authorisation under Chapter VII",
                  "host-nation-consent": "Peace or military-technical agreement"}  # fmt: skip
    grid = compare.count_grid(table, "basis", long_names, "Legal basis")
    headers = list(grid.data[0].x)
    assert all(len(line) <= compare.GRID_HEADER or " " not in line for h in headers for line in h.split("<br>"))
    assert headers[0].count("<br>") >= 3 and grid.layout.margin.t >= 100 + 16 * 4, "the lines fit above the grid"
    small = phone.for_phone(grid)[0]
    assert list(small.data[0].x) == list(long_names.values()), "on a phone: one line each, turned on its side"
    assert small.layout.xaxis.tickangle == -90 and small.layout.height > grid.layout.height


def test_scatter_sizes_by_nations_and_marks_unpublished_nations_open(missions: pd.DataFrame) -> None:
    table = comparisons.duration_and_peak(missions)
    assert table["id"].tolist() == ["minimal-op"]
    fig = compare.duration_peak_scatter(table, COLOURS, "Scatter")
    point = fig.data[0]
    assert list(point.y) == [1000.0] and list(point.text) == ["Minimal"]
    assert point.marker.symbol == ("circle",) and point.customdata[0][1] == "12 (counted date not published)"
    unknown = table.assign(contributing_nations=pd.array([None], dtype="Int64"))
    open_point = compare.duration_peak_scatter(unknown, COLOURS, "Scatter").data[0]
    assert open_point.marker.symbol == ("circle-open",) and open_point.customdata[0][1] == "not published"
    assert list(compare.duration_peak_scatter(table, COLOURS, "Scatter", labels=0).data[0].text) == [""]


def test_side_by_side_says_not_published_instead_of_guessing(
    missions: pd.DataFrame, tables: dict[str, pd.DataFrame]
) -> None:
    table = comparisons.side_by_side(missions, ["minimal-op", "sea-op"], BASES, tables["sizes"])
    assert table.columns.tolist() == ["Minimal", "SEA"]
    assert table.loc["Peak strength", "Minimal"] == "1,000 (2000-02)"
    assert table.loc["Peak strength", "SEA"] == NOT_PUBLISHED
    assert table.loc["Contributing nations", "Minimal"] == "12"
    assert table.loc["Ended", "SEA"] == "ongoing"
    assert table.loc["Legal basis", "SEA"] == "Chapter VII"


def test_chart_context_adds_subtitle_and_source_line(missions: pd.DataFrame) -> None:
    fig = compare.decade_bars(comparisons.by_decade(missions, TYPES), COLOURS, "By decade")
    height = fig.layout.height
    fig = frame.with_context(fig, "NATO · active 1990-2026", "Source: here.<br>Based on 3 of the 3 operations.")
    assert fig.layout.title.text == "By decade"
    assert fig.layout.title.subtitle.text == "NATO · active 1990-2026"
    assert fig.layout.annotations[-1].text == "Source: here.<br>Based on 3 of the 3 operations."
    assert fig.layout.height > height and fig.layout.legend.orientation == "v"


def test_readable_headings_cover_every_column_shown(missions: pd.DataFrame) -> None:
    for table in (
        comparisons.by_decade(missions, TYPES),
        comparisons.durations(missions),
        comparisons.peaks(missions),
        comparisons.outcomes_by_type(missions, TYPES, OUTCOMES),
        comparisons.legal_basis_by_type(missions, TYPES, BASES),
        comparisons.duration_and_peak(missions),
    ):
        assert set(table.columns) <= set(comparisons.HEADINGS), set(table.columns) - set(comparisons.HEADINGS)


def test_filters_subtitle_names_what_is_in_force() -> None:
    assert Filters(year_from=1990, year_to=2026).subtitle() == (
        "NATO and partner organisations · all mission types · all regions · active 1990-2026"
    )
    labels = {"mission_type": {"peace-enforcement": "Peace enforcement"}}
    chosen = Filters(
        organisations=("NATO",), mission_types=("peace-enforcement",), statuses=("ended",), year_from=1993, year_to=1999
    )
    assert chosen.subtitle(labels) == "NATO · Peace enforcement · all regions · ended · active 1993-1999"


def test_compare_url_keeps_known_ids_and_says_what_it_dropped() -> None:
    known = ["ifor", "kfor", "isaf", "sfor", "rsm"]
    assert read_compare_url({}, known).ids is None, "no ids: the page's default"
    reading = read_compare_url({"ids": ["ifor,nope,kfor"], "log": ["1"], "decades": ["active"]}, known)
    assert reading.ids == ["ifor", "kfor"] and reading.log and reading.decades == "active"
    assert reading.notices == ["Ignored ids=nope: no operation has that id."]
    too_many = read_compare_url({"ids": ["ifor,kfor,isaf,sfor,rsm"]}, known)
    assert too_many.ids == ["ifor", "kfor", "isaf", "sfor"] and "at most 4" in too_many.notices[0]
    assert read_compare_url({"ids": [""]}, known).ids == [], "an emptied choice stays empty"
    wrong = read_compare_url({"ids": ["zzz"], "log": ["yes"], "decades": ["x"], "align": ["y"]}, known)
    assert wrong.ids is None and not wrong.log and wrong.decades == "start" and wrong.align == "months"
    assert len(wrong.notices) == 4


def test_log_axes_tick_at_1_2_5_steps_across_the_data() -> None:
    assert frame.log_ticks([450, 130_000]) == [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000]
    assert frame.log_ticks([]) == []


def test_personnel_deaths_need_both_a_peak_and_a_count(tables: dict[str, pd.DataFrame]) -> None:
    missions, fatalities = tables["missions"], tables["fatalities"]
    table = comparisons.personnel_deaths(missions, fatalities)
    assert table["id"].tolist() == ["minimal-op"], "un-op and sea-op published neither and are left out"
    assert table.loc[0, "deaths"] == 12 and table.loc[0, "peak_personnel"] == 1000
    fig = compare.deaths_scatter(table, COLOURS, "Deaths", against="strength")
    assert list(fig.data[0].x) == [1000.0] and list(fig.data[0].y) == [12.0]
    assert fig.layout.xaxis.title.text == "Peak personnel (published)"
    by_years = compare.deaths_scatter(table, COLOURS, "Deaths", against="years")
    assert list(by_years.data[0].x) == [missions.loc["minimal-op", "duration_years"]]


def test_a_published_range_is_drawn_as_a_range_with_no_midpoint(tables: dict[str, pd.DataFrame]) -> None:
    fatalities = tables["fatalities"].copy()
    first = fatalities.index[0]
    fatalities.loc[first, ["value", "low", "high"]] = [pd.NA, 10, 14]
    table = comparisons.personnel_deaths(tables["missions"], fatalities)
    fig = compare.deaths_scatter(table, COLOURS, "Deaths")
    assert len(fig.data) == 1
    assert list(fig.data[0].y) == [10, 14] and fig.data[0].x[0] == fig.data[0].x[1]
    assert fig.data[0].customdata[0][1] == "10 to 14"


def test_fatalities_table_keeps_every_count_with_its_scope(tables: dict[str, pd.DataFrame]) -> None:
    fatalities = tables["fatalities"]
    assert fatalities[["group", "cause"]].to_numpy().tolist() == [
        ["personnel", "all-causes"],
        ["personnel", "hostile-action"],
        ["civilians", "all-causes"],
    ]
    civilians = fatalities.iloc[2]
    assert pd.isna(civilians["value"]) and (civilians["low"], civilians["high"]) == (20, 40)
    assert civilians["sources"] == "https://example.org/a ; https://example.org/b"


def test_only_whole_operation_counts_are_compared(tables: dict[str, pd.DataFrame]) -> None:
    one_nation = tables["fatalities"].assign(whole_operation=False)
    assert comparisons.personnel_deaths(tables["missions"], one_nation).empty


def test_largest_prefers_a_stated_peak_and_otherwise_says_it_is_the_largest_published_figure(
    missions: pd.DataFrame, tables: dict[str, pd.DataFrame]
) -> None:
    sizes = tables["sizes"]
    stated = comparisons.largest(missions, sizes, "personnel")
    assert stated.set_index("id").loc["minimal-op", ["value", "size_basis"]].tolist() == [1000.0, "peak"]
    unstated = sizes[~((sizes["mission_id"] == "minimal-op") & (sizes["kind"] == "peak"))]
    largest = comparisons.largest(missions, unstated, "personnel").set_index("id").loc["minimal-op"]
    assert (largest["value"], largest["size_basis"], largest["date"]) == (1000.0, "largest", "2000-02")
    assert comparisons.largest(missions, sizes, "aircraft").empty, "no aircraft published: nothing drawn"
    assert comparisons.sized_text(missions, unstated, "personnel")["minimal-op"] == (
        "1,000 (2000-02; largest published figure)"
    )
