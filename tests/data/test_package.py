"""The open-data package (make package): valid Frictionless, every table described, every value with its source."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import Dataset, load_dataset
from dashboard.outputs import package

VALUE_TABLES = {  # a table whose rows state a value -> the column holding the source of each row
    "sizes": "source",
    "events": "source",
    "headquarters": "source",
    "disagreements": "source",
    "human_cost": "sources",
    "sources": "url",
    "vocabularies": "source",
}


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(DATA_DIR)


@pytest.fixture(scope="module")
def written(data: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return package.write_package(data, tmp_path_factory.mktemp("package"))


def test_frictionless_finds_the_package_valid(written: Path) -> None:
    report = validate(str(written))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_every_table_has_a_schema_with_a_description_of_every_field(data: Dataset) -> None:
    built = package.tables(data)
    descriptor = package.descriptor(data, built)
    assert {r["name"] for r in descriptor["resources"]} == set(built) and len(built) == 12
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert field["description"], (resource["name"], field["name"])
    assert descriptor["version"] == package.version_of(data) == data.last_checked.replace("-", ".")  # type: ignore[union-attr]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"


def test_every_row_that_states_a_value_carries_its_source(data: Dataset) -> None:
    built = package.tables(data)
    for name, column in VALUE_TABLES.items():
        table: pd.DataFrame = built[name][0]
        assert not table.empty, name
        assert table[column].astype(str).str.startswith("http").all(), f"{name} has a row without a source"


def test_the_zip_holds_the_descriptor_every_table_and_the_citation(data: Dataset) -> None:
    archive = zipfile.ZipFile(io.BytesIO(package.package_zip(data)))
    names = set(archive.namelist())
    assert {"datapackage.json", "CITATION.txt", "operations.csv", "sizes.csv", "sources.csv"} <= names
    citation = archive.read("CITATION.txt").decode()
    assert package.version_of(data) in citation and "localhost" not in citation
    operations = pd.read_csv(archive.open("operations.csv"))
    assert len(operations) == len(data.missions)


def test_large_tables_also_come_as_parquet(written: Path) -> None:
    sources = pd.read_parquet(written.parent / "sources.parquet")
    assert len(sources) == len(pd.read_csv(written.parent / "sources.csv"))


def test_the_json_download_is_the_package_with_its_rows_inline(data: Dataset, tmp_path: Path) -> None:
    whole = json.loads(package.package_json(data))
    assert [r["name"] for r in whole["resources"]] == list(package.tables(data))
    assert len(next(r for r in whole["resources"] if r["name"] == "operations")["data"]) == len(data.missions)
    (tmp_path / "datapackage.json").write_bytes(package.package_json(data, ["kfor", "isaf"]))
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    kept = {r["name"]: r["data"] for r in json.loads((tmp_path / "datapackage.json").read_text())["resources"]}
    assert sorted(row["id"] for row in kept["operations"]) == ["isaf", "kfor"]
    assert {row["mission_id"] for row in kept["sizes"]} == {"isaf", "kfor"}
    assert len(kept["publishers"]) == len(data.publishers), "tables not about an operation stay whole"


def test_the_citation_gives_the_home_citation_cff_names_and_never_a_server(data: Dataset, tmp_path: Path) -> None:
    # no address is made up: the citation has one exactly when CITATION.cff names the home (none yet)
    assert ("http" in package.cite(data)) == bool(package.home(DATA_DIR.parent))
    (tmp_path / "CITATION.cff").write_text('cff-version: 1.2.0\nurl: "https://example.org/npoe"\n')
    assert package.cite(data, tmp_path).endswith(". https://example.org/npoe")
    (tmp_path / "CITATION.cff").write_text("url: [unclosed\n")
    assert package.home(tmp_path) == ""


def test_one_table_comes_as_csv_or_parquet_kept_to_the_operations_shown(data: Dataset) -> None:
    as_csv = pd.read_csv(io.BytesIO(package.one_table(data, "events", ["kfor"], "csv")))
    as_parquet = pd.read_parquet(io.BytesIO(package.one_table(data, "events", ["kfor"], "parquet")))
    assert len(as_csv) == len(as_parquet) == len(data.events[data.events["mission_id"] == "kfor"]) > 0
    assert set(as_parquet["mission_id"]) == {"kfor"} and list(as_csv.columns) == list(as_parquet.columns)
    assert len(pd.read_csv(io.BytesIO(package.one_table(data, "operations", None, "csv")))) == len(data.missions)
