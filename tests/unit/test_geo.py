"""The map's data layer: presence per place, years, sea shapes, headquarters and former states."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.dataset import geo
from dashboard.dataset.loading import build_tables
from dashboard.dataset.schema import Mission
from dashboard.dataset.vocabularies import Vocabularies

from .conftest import ROOT, TODAY, variant


def test_presence_counts_operations_and_years_per_country(tables: dict[str, pd.DataFrame]) -> None:
    missions = tables["missions"]
    table = geo.presence(geo.country_places(tables["deployments"]), missions, 1990, 2026)
    assert table[["place", "operations", "years", "first_year", "last_year", "missions"]].to_dict("records") == [
        {
            "place": "BIH",
            "operations": 2,
            "years": 7,
            "first_year": 1992,
            "last_year": 2002,
            "missions": "un-op, minimal-op",
        },
        {"place": "XKX", "operations": 1, "years": 3, "first_year": 2000, "last_year": 2002, "missions": "minimal-op"},
    ]
    assert table.loc[0, "details"] == (
        "UNTM (1992-1995, Peacekeeping and stabilisation)<br>Minimal (2000-2002, Peacekeeping and stabilisation)"
    )
    clipped = geo.presence(geo.country_places(tables["deployments"]), missions, 1994, 2000)
    assert clipped["years"].tolist() == [3, 1], "years of presence count only the chosen range"


def test_presence_of_sea_areas_and_ongoing_operations(tables: dict[str, pd.DataFrame]) -> None:
    missions = tables["missions"]
    seas = geo.presence(geo.sea_places(missions), missions, 1990, 2026)
    assert seas["place"].tolist() == ["gulf-of-aden-horn-of-africa"]
    assert seas.loc[0, "years"] == 2026 - 2009 + 1
    assert "SEA (2009-ongoing" in seas.loc[0, "details"]
    assert geo.presence(geo.sea_places(missions.iloc[0:0]), missions.iloc[0:0], 1990, 2026).empty


def test_active_in_a_year(tables: dict[str, pd.DataFrame]) -> None:
    missions = tables["missions"]
    assert geo.active_in(missions, 1995).index.tolist() == ["un-op"]
    assert geo.active_in(missions, 2001).index.tolist() == ["minimal-op"]
    assert geo.active_in(missions, 1997).empty
    assert geo.active_in(missions, 2026).index.tolist() == ["sea-op"]


def test_long_hover_lists_are_cut(vocabularies: Vocabularies) -> None:
    many = [variant(id=f"op-{n}", countries=["BIH"]) for n in range(12)]
    built = build_tables({m.id: m for m in many}, vocabularies, TODAY)
    table = geo.presence(geo.country_places(built["deployments"]), built["missions"], 1990, 2026)
    lines = table.loc[table["place"] == "BIH", "details"].iloc[0].split("<br>")
    assert len(lines) == geo.HOVER_LINES + 1 and lines[-1] == "and 2 more"


def test_headquarters_become_one_marker_per_place(records: dict[str, Mission]) -> None:
    hq = geo.headquarters(records, ["minimal-op", "un-op"])
    assert hq[["mission_id", "name", "main"]].to_dict("records") == [
        {"mission_id": "minimal-op", "name": "Test HQ, Sarajevo", "main": True},
        {"mission_id": "un-op", "name": "Test HQ, Sarajevo", "main": True},
    ]
    markers = geo.hq_markers(hq, {"minimal-op": "Minimal", "un-op": "UNTM"})
    assert markers[["lat", "lon", "label", "missions"]].to_dict("records") == [
        {"lat": 43.86, "lon": 18.41, "label": "Sarajevo", "missions": "minimal-op, un-op"}
    ]
    assert markers.loc[0, "hover"] == "Test HQ, Sarajevo — Minimal<br>Test HQ, Sarajevo — UNTM"
    assert geo.hq_markers(geo.headquarters(records, []), {}).empty


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Camp Film City, Pristina", "Pristina"),
        ("Konya Air Base (NATO AWACS forward deployment)", "Konya Air Base"),
        ("Allied Air Component Command Izmir (air operations)", "Izmir"),
        ("Aviano Air Base", "Aviano Air Base"),
    ],
)
def test_place_labels_are_short(name: str, label: str) -> None:
    assert geo.place_label(name) == label


def copy_geo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data" / "geo", tmp_path / "geo")
    return tmp_path


def test_committed_sea_shapes_load_without_problems(vocabularies: Vocabularies) -> None:
    shapes, problems = geo.load_sea_shapes(ROOT / "data", vocabularies)
    assert problems == []
    assert sorted(f["id"] for f in shapes["features"]) == sorted(vocabularies["sea_areas"])


def test_a_missing_sea_file_is_named_with_the_fix(tmp_path: Path, vocabularies: Vocabularies) -> None:
    shapes, problems = geo.load_sea_shapes(tmp_path, vocabularies)
    assert shapes["features"] == []
    assert [str(p) for p in problems] == [
        "data/geo/sea_areas.geojson: the file is missing, so no sea area is drawn; "
        "rebuild it with: python data/geo/build_sea_areas.py"
    ]


def test_a_broken_or_unknown_sea_shape_is_reported(tmp_path: Path, vocabularies: Vocabularies) -> None:
    folder = copy_geo(tmp_path)
    path = folder / "geo" / "sea_areas.geojson"
    path.write_text("{not json")
    _, problems = geo.load_sea_shapes(folder, vocabularies)
    assert len(problems) == 1 and "cannot be read as JSON" in problems[0].message
    collection = json.loads((ROOT / "data" / "geo" / "sea_areas.geojson").read_text())
    collection["features"][0]["id"] = "north-sea"
    path.write_text(json.dumps(collection))
    shapes, problems = geo.load_sea_shapes(folder, vocabularies)
    assert [p.field for p in problems] == ["features[0].id", "features"]
    assert "'north-sea' is not a sea area" in problems[0].message
    assert len(shapes["features"]) == len(collection["features"]) - 1


def test_historical_notes_load_and_match_missions(tmp_path: Path) -> None:
    notes, problems = geo.load_historical_notes(ROOT / "data")
    assert problems == [] and notes
    kosovo_1999 = variant(countries=["XKX"], start="1999-06-12", end=None)
    texts = [n.note for n in geo.historical_notes_for(kosovo_1999, notes, TODAY)]
    assert any("Federal Republic of Yugoslavia" in t for t in texts)
    assert any("declared independence on 17 February 2008" in t for t in texts)
    assert geo.historical_notes_for(variant(countries=["XKX"], start="2009", end=None), notes, TODAY) == []
    assert geo.historical_notes_for(variant(countries=["BIH"], start="1995", end="1996"), notes, TODAY) == []


def test_a_broken_historical_note_names_the_field(tmp_path: Path) -> None:
    folder = copy_geo(tmp_path)
    path = folder / "geo" / "historical_states.yaml"
    path.write_text(path.read_text().replace('until: "2003-02-04"', 'until: "2003-02-30"', 1))
    _, problems = geo.load_historical_notes(folder)
    assert len(problems) == 1 and problems[0].field == "notes[0].until"
    assert problems[0].file == "data/geo/historical_states.yaml"
    path.write_text("notes: [")
    assert "cannot be read as YAML" in geo.load_historical_notes(folder)[1][0].message
