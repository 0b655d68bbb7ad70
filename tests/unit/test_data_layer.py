"""The data layer: partial dates, tables, counts, filters and URL reading."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.dataset import loading
from dashboard.dataset.filters import (
    Filters,
    filter_missions,
    matching,
    matching_ids,
    read_mission_id,
    read_url,
    whole_number,
)
from dashboard.dataset.loading import Dataset, missions_csv
from dashboard.dataset.parts import earliest_day, latest_day
from dashboard.dataset.profile import disagreements_for, figure_markdown
from dashboard.dataset.schema import NOT_PUBLISHED, Mission
from tests.unit.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1999", date(1999, 1, 1), date(1999, 12, 31)),
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29)),
        ("2001-02-03", date(2001, 2, 3), date(2001, 2, 3)),
    ],
)
def test_partial_dates_span_their_precision(text: str, first: date, last: date) -> None:
    assert earliest_day(text) == first
    assert latest_day(text) == last


def test_mission_table_has_one_row_per_record_in_start_order(tables: dict[str, pd.DataFrame]) -> None:
    missions = tables["missions"]
    assert missions.index.tolist() == ["un-op", "minimal-op", "sea-op"]
    assert missions.loc["sea-op", "status"] == "ongoing"
    assert missions.loc["sea-op", "bar_end"] == pd.Timestamp(TODAY)
    assert pd.isna(missions.loc["sea-op", "end_day"])
    assert missions.loc["minimal-op", "bar_end"] == pd.Timestamp("2002-06-30")
    assert missions.loc["minimal-op", "short_name"] == "Minimal"
    assert missions.loc["minimal-op", "peak_personnel"] == 1000
    assert pd.isna(missions.loc["sea-op", "peak_personnel"]), "an unpublished figure stays empty"
    assert missions.loc["minimal-op", "mission_type_label"] == "Peacekeeping and stabilisation"


def test_long_tables_carry_every_point_with_its_source(tables: dict[str, pd.DataFrame]) -> None:
    personnel = tables["personnel"]
    assert personnel["value"].tolist() == [1000, 800]
    assert personnel["source"].tolist() == ["https://example.org/a", "https://example.org/b"]
    assert sorted(tables["deployments"]["country"]) == ["BIH", "BIH", "XKX"]


def test_filters_combine_choices_and_year_overlap(tables: dict[str, pd.DataFrame]) -> None:
    missions = tables["missions"]
    assert filter_missions(missions, Filters()).index.tolist() == missions.index.tolist()
    assert filter_missions(missions, Filters(organisations=("UN",))).index.tolist() == ["un-op"]
    assert filter_missions(missions, Filters(statuses=("ongoing",))).index.tolist() == ["sea-op"]
    assert filter_missions(missions, Filters(year_from=1996, year_to=2001)).index.tolist() == ["minimal-op"]
    assert filter_missions(missions, Filters(year_from=2003, year_to=2026)).index.tolist() == ["sea-op"]
    both = Filters(mission_types=("peacekeeping-stabilisation",), regions=("balkans",), year_from=1990, year_to=1999)
    assert filter_missions(missions, both).index.tolist() == ["un-op"]


def test_the_year_range_includes_the_first_and_last_year_of_each_operation(data: Dataset) -> None:
    """Every operation is active in the years it began and ended, and not in the year before or after."""
    missions = data.missions
    for mission_id, start, end in zip(missions.index, missions["start_day"], missions["bar_end"], strict=True):
        for year, active in ((start.year, True), (end.year, True), (start.year - 1, False), (end.year + 1, False)):
            shown = filter_missions(data.missions, Filters(year_from=year, year_to=year)).index
            assert (mission_id in shown) is active, (mission_id, year)


def test_matching_is_the_filtered_table_worked_out_once(data: Dataset) -> None:
    filters = Filters(organisations=("NATO",), year_from=1995, year_to=2005)
    first = matching(data, filters, labelled=False)
    pd.testing.assert_frame_equal(first, filter_missions(data.missions, filters))
    assert matching(data, filters, labelled=False) is first, "the second call builds nothing"
    with i18n.using("fr"):
        french = matching(data, filters)
        assert french is not first and french.index.tolist() == first.index.tolist()
        assert french.loc["kfor", "mission_type_label"] == data.label("mission_type", "peacekeeping-stabilisation")
        assert french.loc["kfor", "mission_type_label"] != first.loc["kfor", "mission_type_label"]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(organisations=("NATO",), year_from=1995, year_to=2005),
        Filters(mission_types=("training", "maritime-security"), statuses=("ended",)),
        Filters(regions=("balkans",), year_from=2030, year_to=2030),
    ],
)
def test_matching_ids_are_the_ids_of_the_matching_table(data: Dataset, filters: Filters) -> None:
    assert matching_ids(data, filters) == matching(data, filters).index.tolist()


def test_a_dataset_remembers_only_the_most_recently_used_results(
    data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "REMEMBERED", 2)
    built: list[str] = []

    def build(key: str) -> str:
        built.append(key)
        return key.upper()

    for key in ("a", "b", "a", "c", "a", "b"):
        assert data.remembered(("test", key), lambda key=key: build(key)) == key.upper()
    assert built == ["a", "b", "c", "b"], "b was the least recently used when c came, so it was built again"
    for key in ("x", "y", "z", "x"):  # each kind keeps its own: "keep" one of this kind
        data.remembered(("other kind", key), lambda key=key: build(key), keep=1)
    assert built[4:] == ["x", "y", "z", "x"]
    assert data.remembered(("test", "b"), lambda: build("never")) == "B", "another kind did not push b out"


def test_filters_describe_themselves_with_labels() -> None:
    filters = Filters(organisations=("NATO",), mission_types=("peace-enforcement",), year_from=1993, year_to=1999)
    labels = {"mission_type": {"peace-enforcement": "Peace enforcement"}}
    assert filters.describe(labels) == "NATO; Peace enforcement; 1993-1999"


OPTIONS = {"org": ["NATO", "UN"], "type": ["peace-enforcement"], "region": ["balkans"], "status": ["ongoing", "ended"]}


def test_url_values_that_are_understood_are_kept_silently() -> None:
    reading = read_url({"org": ["UN"], "from": ["1995"], "to": ["2001"]}, OPTIONS, 1990, 2026)
    assert reading.choices == {"org": ["UN"]}
    assert (reading.year_from, reading.year_to) == (1995, 2001)
    assert reading.notices == []


def test_url_values_not_understood_are_dropped_with_a_notice() -> None:
    reading = read_url({"org": ["UN", "WTO"], "type": ["war"], "from": ["1850"], "to": ["soon"]}, OPTIONS, 1990, 2026)
    assert reading.choices == {"org": ["UN"]}
    assert (reading.year_from, reading.year_to) == (None, None)
    assert reading.notices == [
        "Ignored org=WTO: not a known organisation; showing the rest of your choice.",
        "Ignored type=war: not a known mission type; showing every mission type.",
        "Ignored from=1850: the year must be between 1990 and 2026; using 1990.",
        "Ignored to=soon: the year must be between 1990 and 2026; using 2026.",
    ]


def test_a_reversed_year_range_falls_back_to_all_years() -> None:
    reading = read_url({"from": ["2010"], "to": ["2000"]}, OPTIONS, 1990, 2026)
    assert (reading.year_from, reading.year_to) == (None, None)
    assert "reversed" in reading.notices[0]


def test_mission_id_from_the_url() -> None:
    assert read_mission_id({}, ["kfor", "isaf"], "kfor") == ("kfor", None)
    assert read_mission_id({"id": ["isaf"]}, ["kfor", "isaf"], "kfor") == ("isaf", None)
    chosen, notice = read_mission_id({"id": ["nope"]}, ["kfor", "isaf"], "kfor")
    assert chosen == "kfor"
    assert notice == "Ignored id=nope: no operation has that id; showing kfor instead."


def test_profile_figures_link_their_source_or_say_not_published(records: dict[str, Mission]) -> None:
    mission = records["minimal-op"]
    assert figure_markdown(mission, mission.peak_personnel) == (
        '1,000 (2000-02, [source](https://example.org/a "Test: Page A"))'
    )
    assert figure_markdown(mission, mission.contributing_nations).startswith("12 (date not published, [source]")
    assert figure_markdown(records["sea-op"], None) == f"*{NOT_PUBLISHED}*"
    assert disagreements_for(mission, "start") == [
        '2000-01-10 according to [Test: Page B](https://example.org/b "Test: Page B"): Decision date, not start.'
    ]


def test_the_csv_download_leaves_out_the_computed_days(tables: dict[str, pd.DataFrame]) -> None:
    lines = missions_csv(tables["missions"]).decode("utf-8").splitlines()
    assert lines[0].startswith("id,name,acronym,short_name,organisation")
    assert "start_day" not in lines[0] and "bar_end" not in lines[0]
    assert len(lines) == 1 + len(tables["missions"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1995", 1995), ("0001995", 1995), ("²", None), ("⑤", None), ("٣", None), ("1995²", None), ("1e3", None),
     ("-1995", None), (" 1995", None), ("1" * 5000, None), ("", None), ("2031", None), ("1989", None)],
)  # fmt: skip
def test_whole_number_parameters_take_ascii_digits_in_range_only(text: str, expected: int | None) -> None:
    assert whole_number(text, 1990, 2030) == expected


def test_a_unicode_digit_in_a_year_falls_back_with_a_short_notice() -> None:
    reading = read_url({"from": ["²"], "to": ["9" * 5000]}, {}, 1990, 2026)
    assert (reading.year_from, reading.year_to) == (None, None)
    assert reading.notices[0].startswith("Ignored from=²: the year must be between 1990 and 2026")
    assert len(reading.notices[1]) < 200, "a huge value is cut in the notice"
