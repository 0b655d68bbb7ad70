"""A chart's data as a zip: exactly its table, with the metadata a researcher needs to reuse and cite it."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from dashboard.charts import questions
from dashboard.dataset.filters import Filters
from dashboard.dataset.loading import Dataset
from dashboard.outputs import package


def test_a_chart_zip_holds_its_table_metadata_and_readme(data: Dataset) -> None:
    panel = questions.compare_panels(data, Filters(organisations=("NATO",), year_from=1990, year_to=2026),
                                     only=["peaks"])[0]  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(package.chart_zip(data, panel, "compare?question=how-large")))
    assert sorted(archive.namelist()) == sorted([f"{panel.file_name}.csv", "metadata.json", "README.md"])
    table = pd.read_csv(archive.open(f"{panel.file_name}.csv"))
    assert len(table) == len(panel.table) and list(table.columns) == list(panel.table.columns)
    metadata = json.loads(archive.read("metadata.json"))
    assert metadata["title"] == "Peak strength, by type" and metadata["question"] == panel.heading
    assert "NATO" in metadata["filters"] and metadata["data_version"] == package.version_of(data)
    assert metadata["licence"]["name"] == "CC-BY-4.0" and "localhost" not in metadata["how_to_cite"]
    assert {op["id"] for op in metadata["operations"]} == set(panel.ids)
    assert all(op["sources"] and all(url.startswith("http") for url in op["sources"]) for op in metadata["operations"])
