"""Every real record: valid, sourced, linked both ways, and the schema file current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from dashboard.dataset.loading import Dataset, load_dataset
from dashboard.dataset.schema import schema_text

DATA = Path(__file__).resolve().parents[2] / "data"
RECORD_FILES = sorted((DATA / "missions").glob("*.yaml"))
FOUNDATION = [
    "deny-flight",
    "deliberate-force",
    "ifor",
    "sfor",
    "allied-force",
    "kfor",
    "isaf",
    "resolute-support",
    "ocean-shield",
    "unified-protector",
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def checked(dataset: Dataset) -> tuple[dict[str, dict[str, object]], dict[str, object], list[object]]:
    """The validation's results, as loading the dataset already worked them out (not validated twice)."""
    return dataset.vocabularies, dataset.records, dataset.problems  # type: ignore[return-value]


def test_every_record_is_valid(checked: tuple[object, dict[str, object], list[object]]) -> None:
    _, missions, problems = checked
    assert [str(p) for p in problems] == []
    assert sorted(missions) == sorted(p.stem for p in RECORD_FILES)


def test_the_foundation_operations_are_present() -> None:
    assert set(FOUNDATION) <= {p.stem for p in RECORD_FILES}


@pytest.mark.parametrize("path", RECORD_FILES, ids=[p.stem for p in RECORD_FILES])
def test_dates_are_quoted_strings_in_the_file(path: Path) -> None:
    raw = yaml.safe_load(path.read_text())
    assert isinstance(raw["start"], str)
    assert raw["end"] is None or isinstance(raw["end"], str)


@pytest.mark.parametrize("path", RECORD_FILES, ids=[p.stem for p in RECORD_FILES])
def test_records_are_filled_for_users(path: Path, dataset: Dataset) -> None:
    """What a profile needs: a summary of 2-4 sentences, three events for operations over a year, sources."""
    mission = dataset.records[path.stem]
    sentences = [s for s in mission.summary.replace("e.g.", "eg").split(". ") if s.strip()]
    assert 2 <= len(sentences) <= 6, "summary: two to four sentences"
    if dataset.missions.loc[mission.id, "duration_years"] > 1:
        assert len(mission.events) >= 3
    assert all(s.accessed for s in mission.sources)


def test_no_figure_is_a_placeholder(dataset: Dataset) -> None:
    """A zero is the classic sign of a filled gap: an unknown figure is left out, never set to 0."""
    for mission in dataset.records.values():
        for figure in [*mission.personnel, mission.peak_personnel, mission.contributing_nations]:
            if figure is not None:
                assert figure.value > 0, f"{mission.id}: {figure}"


def test_committed_schema_matches_the_model(checked: tuple[dict[str, dict[str, object]], object, object]) -> None:
    vocabularies, _, _ = checked
    committed = (DATA / "schema" / "mission.schema.json").read_text()
    assert committed == schema_text(vocabularies), "run `make schema` and commit data/schema/mission.schema.json"


def test_every_vocabulary_value_has_a_sourced_definition(
    checked: tuple[dict[str, dict[str, object]], object, object],
) -> None:
    vocabularies, _, _ = checked
    for name, values in vocabularies.items():
        for value, entry in values.items():
            assert len(str(entry["definition"])) > 40, f"{name}.{value}"  # type: ignore[index]
            assert str(entry["source"]["url"]).startswith("http"), f"{name}.{value}"  # type: ignore[index]


def test_offline_map_files_give_kosovo_an_id() -> None:
    import json

    static = Path(__file__).resolve().parents[2] / "dashboard" / "static" / "topojson"
    for name in ("world_110m", "world_50m", "europe_110m", "europe_50m"):
        topology = json.loads((static / f"{name}.json").read_text())
        ids = [g.get("id") for g in topology["objects"]["countries"]["geometries"]]
        assert ids.count("XKX") == 1, name
        kosovo = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == "XKX")
        lon, lat = kosovo["properties"]["ct"]
        assert 20.0 < lon < 21.8 and 41.8 < lat < 43.3, "label point inside Kosovo, for hover and click"
        assert "SRB" in ids and "BIH" in ids and "MKD" in ids and "MNE" in ids and "ALB" in ids


def test_every_schema_field_has_a_description(checked: tuple[dict[str, dict[str, object]], object, object]) -> None:
    vocabularies, _, _ = checked
    schema = json.loads(schema_text(vocabularies))  # type: ignore[arg-type]
    models = {"Mission": schema, **schema["$defs"]}
    for model, definition in models.items():
        for field, spec in definition["properties"].items():
            assert spec.get("description"), f"{model}.{field} has no description"


def test_every_death_count_has_scope_date_and_source_and_ranges_are_ordered(dataset: Dataset) -> None:
    records = dataset.records
    counted = 0
    for record in records.values():
        listed = {source.url for source in record.sources}
        for figure in record.human_cost.figures:
            counted += 1
            where = f"{record.id}: {figure.scope[:40]}"
            assert len(figure.scope) >= 20 and figure.as_of, where
            assert figure.sources and set(figure.sources) <= listed, where
            assert (figure.value is None) != (figure.low is None), where
            if figure.low is not None:
                assert figure.high is not None and figure.low <= figure.high, where
            if figure.whole_operation:
                assert figure.group == "personnel", f"{where}: whole_operation is for personnel counts"
    assert counted >= 30, "the human-cost research of issue 9 is in the records"


def test_operations_that_have_no_whole_operation_count_say_what_is_published(dataset: Dataset) -> None:
    isaf = dataset.records["isaf"]
    assert isaf.human_cost.note and "no record" in isaf.human_cost.note
    assert not any(f.whole_operation for f in isaf.human_cost.figures), "ISAF has national tallies only"
