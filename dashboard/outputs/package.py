"""The open-data package: the records as tidy tables with a Frictionless Table Schema, a version and a citation.

`python -m dashboard.outputs.package <folder>` (make package) writes datapackage.json and one CSV per table (and
Parquet for the larger ones); `package_zip` gives the same as one zip, for the /data page and `make release`.
Field descriptions come from the record contract (dashboard/dataset/schema.py) where a column is a field of it,
so the package and the codebook cannot drift apart. Every table whose rows state a value carries its source url.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from dashboard.charts.panels import Panel
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import PROJECT, Dataset, load_dataset
from dashboard.dataset.publishers import entry_for, source_evidence
from dashboard.dataset.schema import Disagreement, Event, Fatalities, Headquarters, Mission
from dashboard.dataset.schema import Source as SourceModel
from dashboard.dataset.spreadsheets import csv_bytes
from dashboard.i18n import _

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
PARQUET_FROM = 500  # rows: tables this large also come as Parquet (pyarrow is installed with Streamlit)


def version_of(data: Dataset) -> str:
    """The data version: the day the sources were last checked, as YYYY.MM.DD (the newest `accessed` date)."""
    return (data.last_checked or data.today.isoformat()).replace("-", ".")


def home(root: Path) -> str:
    """The project's public home: `url` (else `repository-code`) in CITATION.cff, or "" while it has none. The
    address of the server a reader happens to use is never a home: a student cannot open it from home."""
    try:
        citation = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ""
    if not isinstance(citation, dict):
        return ""
    return str(citation.get("url") or citation.get("repository-code") or "")


def cite(data: Dataset, root: Path | None = None) -> str:
    """How to cite this version of the dataset: its name, version, licence and (once CITATION.cff names one) the
    project's public home, never a server's address."""
    text = _("{project} (dataset), version {version}. Licensed CC BY 4.0; each value cites its own public source.")
    address = home(root if root is not None else DATA_DIR.parent)
    cited = text.format(project=PROJECT, version=version_of(data))
    return f"{cited} {address}" if address else cited


def described(model: type[Any], field: str) -> str:
    info = model.model_fields.get(field)
    return str(info.description) if info is not None and info.description else ""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # Table Schema type: string, integer, number, boolean, date
    description: str


def columns_of(table: pd.DataFrame, descriptions: dict[str, str]) -> list[Column]:
    kinds = []
    for name in table.columns:
        series = table[name]
        if pd.api.types.is_bool_dtype(series):
            kind = "boolean"
        elif pd.api.types.is_integer_dtype(series):
            kind = "integer"
        elif pd.api.types.is_float_dtype(series):
            kind = "number"
        else:
            kind = "string"
        kinds.append(Column(str(name), kind, descriptions.get(str(name), "")))
    return kinds


Rows = Callable[[Mission], list[dict[str, Any]]]


def _rows(records: dict[str, Mission], make: Rows, names: list[str]) -> pd.DataFrame:
    return pd.DataFrame([row for mission in records.values() for row in make(mission)], columns=names)


def tables(data: Dataset) -> dict[str, tuple[pd.DataFrame, dict[str, str], str]]:
    """name -> (table, column descriptions, what a row is)."""
    records, registry = data.records, data.publishers
    operations = data.missions.drop(columns=["start_day", "end_day", "bar_end"]).reset_index(drop=True)
    op_desc = {name: described(Mission, name) for name in operations.columns}
    op_desc |= {
        "mission_type_label": "The mission type's label.", "region_label": "The region's label.",
        "outcome_label": "The outcome's label.", "status": "ongoing or ended on the version's date.",
        "duration_years": "Years from start to end (ongoing: to the version's date).",
        "country_count": "How many countries it operated in.", "peak_personnel_date": "The date of the peak.",
        "peak_personnel_grade": "Grade of the peak's source (official, independent, reference, copy-personal).",
        "contributing_nations_date": "The date the nations were counted.",
        "contributing_nations_grade": "Grade of that count's source.", "source_count": "Sources the record cites.",
        "peak_personnel": "The highest published deployed strength (empty: not published).",
        "contributing_nations": "Nations contributing forces (empty: not published).",
        "legal_basis": "Kinds of legal basis, ';'-separated.", "unsc_resolutions": "UN Security Council resolutions.",
    }  # fmt: skip
    sizes = data.sizes.drop(columns=["day"])
    size_desc = {
        "mission_id": "The operation's id (operations.id).",
        "measure": "personnel, aircraft, ships, or an activity measure (sorties, vessels-hailed, ...).",
        "kind": "point (a deployed count at a date), peak (the stated peak) or count (activity over a period).",
        "date": "The date the value describes, or the date an activity count runs to.",
        "period_from": "Activity: when the period counted begins (empty: from the start).",
        "value": "The number exactly as published.", "role": "Which aircraft or ships a count covers (all: every one).",
        "scope": "What exactly is counted, in own words.", "source": "The url of the source that states the value.",
        "grade": "The source's grade, from the publisher registry.", "publisher": "The source's publisher.",
    }  # fmt: skip
    events = data.events.drop(columns=["day"])
    event_desc = {"mission_id": size_desc["mission_id"], "date": described(Event, "date"),
                  "title": described(Event, "title"), "source": described(Event, "source"),
                  "grade": size_desc["grade"], "publisher": size_desc["publisher"]}  # fmt: skip

    def bases(mission: Mission) -> list[dict[str, Any]]:
        return [{"mission_id": mission.id, "resolution": number, "kinds": "; ".join(mission.legal_basis.kinds)}
                for number in mission.legal_basis.unsc_resolutions]  # fmt: skip

    def places(mission: Mission) -> list[dict[str, Any]]:
        return [{"mission_id": mission.id, "kind": "country", "code": code} for code in mission.countries] + [
            {"mission_id": mission.id, "kind": "sea-area", "code": area} for area in mission.sea_areas
        ]

    def quarters(mission: Mission) -> list[dict[str, Any]]:
        return [{"mission_id": mission.id, "name": h.name, "lat": h.lat, "lon": h.lon, "source": h.source,
                 "grade": source_evidence(mission, h.source, registry).grade}
                for h in mission.headquarters]  # fmt: skip

    def links(mission: Mission) -> list[dict[str, Any]]:
        relations = ("predecessors", "successors", "related")
        return [{"mission_id": mission.id, "relation": relation.rstrip("s"), "other_id": other}
                for relation in relations for other in getattr(mission, relation)]  # fmt: skip

    def disputes(mission: Mission) -> list[dict[str, Any]]:
        return [{"mission_id": mission.id, "field": d.field, "value": str(d.value), "source": d.source,
                 "note": d.note, "grade": source_evidence(mission, d.source, registry).grade}
                for d in mission.disagreements]  # fmt: skip

    def cited(mission: Mission) -> list[dict[str, Any]]:
        rows = []
        for s in mission.sources:
            found = entry_for(s.url, registry)
            original = s.original
            rows.append({
                "mission_id": mission.id, "title": s.title, "publisher": s.publisher, "url": s.url,
                "accessed": s.accessed, "registered_publisher": found[1].name if found else None,
                "kind": found[1].kind if found else None, "grade": source_evidence(mission, s.url, registry).grade,
                "original_publisher": original.publisher if original else None,
                "original_title": (original.title or original.symbol) if original else None,
                "original_date": original.date if original else None,
                "original_url": original.url if original else None,
            })  # fmt: skip
        return rows

    fatalities = data.fatalities.copy()
    vocab_rows = [
        {"vocabulary": name, "value": value, "label": entry["label"], "definition": entry["definition"],
         "source": entry["source"]["url"]}
        for name, entries in data.vocabularies.items() for value, entry in entries.items()
    ]  # fmt: skip
    publisher_rows = [{"domain": domain, "name": p.name, "country": p.country, "kind": p.kind}
                      for domain, p in sorted(registry.items())]  # fmt: skip
    return {
        "operations": (operations, op_desc, "one operation or mission"),
        "sizes": (sizes, size_desc, "one published size: a strength point, a peak, an aircraft or ship count, or "
                  "an activity count"),
        "events": (events, event_desc, "one dated event"),
        "legal_bases": (_rows(records, bases, ["mission_id", "resolution", "kinds"]),
                        {"resolution": "A UN Security Council resolution the operation rests on.",
                         "kinds": described(Mission, "legal_basis")}, "one resolution an operation rests on"),
        "places": (_rows(records, places, ["mission_id", "kind", "code"]),
                   {"code": "ISO 3166-1 alpha-3 (XKX: Kosovo) or a sea-area id."}, "one country or sea area"),
        "headquarters": (_rows(records, quarters, ["mission_id", "name", "lat", "lon", "source", "grade"]),
                         {name: described(Headquarters, name) for name in ("name", "lat", "lon", "source")},
                         "one headquarters or main base"),
        "links": (_rows(records, links, ["mission_id", "relation", "other_id"]),
                  {"relation": "predecessor, successor or related."}, "one link between two operations"),
        "human_cost": (fatalities, {name: described(Fatalities, name) for name in fatalities.columns},
                       "one published death count"),
        "disagreements": (_rows(records, disputes, ["mission_id", "field", "value", "source", "note", "grade"]),
                          {name: described(Disagreement, name) for name in ("field", "value", "source", "note")},
                          "one value another source gives"),
        "sources": (_rows(records, cited, ["mission_id", "title", "publisher", "url", "accessed",
                                           "registered_publisher", "kind", "grade", "original_publisher",
                                           "original_title", "original_date", "original_url"]),
                    {name: described(SourceModel, name) for name in ("title", "publisher", "url", "accessed")},
                    "one source a record cites"),
        "vocabularies": (pd.DataFrame(vocab_rows, columns=["vocabulary", "value", "label", "definition", "source"]),
                         {"definition": "The value's definition, with its source."}, "one controlled value"),
        "publishers": (pd.DataFrame(publisher_rows, columns=["domain", "name", "country", "kind"]),
                       {"kind": "The publisher's kind: decides the grade of what it publishes."},
                       "one cited domain"),
    }  # fmt: skip


def descriptor(data: Dataset, built: dict[str, tuple[pd.DataFrame, dict[str, str], str]]) -> dict[str, Any]:
    resources = []
    for name, (table, descriptions, row) in built.items():
        fields = [{"name": c.name, "type": c.kind, "description": c.description or c.name.replace("_", " ")}
                  for c in columns_of(table, descriptions)]  # fmt: skip
        resources.append({
            "name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": f"One row per {row}.", "schema": {"fields": fields},
        })  # fmt: skip
    return {
        "name": "nato-peace-operations", "title": f"{PROJECT}: NATO operations and missions since 1990",
        "version": version_of(data),
        "description": "Every operation and mission NATO has run since 1990, with the UN, EU, AU and OSCE missions "
                       "around them; every value with its public source. " + cite(data),
        "licenses": [LICENCE], "resources": resources,
    }  # fmt: skip


def kept_tables(data: Dataset, ids: list[str] | None) -> dict[str, tuple[pd.DataFrame, dict[str, str], str]]:
    """The package's tables kept to the operations `ids` (None: all); tables not about an operation stay whole."""
    built = tables(data)
    if ids is not None:
        wanted = set(ids)
        for name, (table, descriptions, row) in built.items():
            key = "id" if name == "operations" else "mission_id" if "mission_id" in table.columns else None
            if key is not None:
                built[name] = (table[table[key].isin(wanted)].reset_index(drop=True), descriptions, row)
    return built


def one_table(data: Dataset, name: str, ids: list[str] | None, fmt: str) -> bytes:
    """One table of the package as CSV or Parquet (`fmt`), kept to the operations `ids`."""
    table = kept_tables(data, ids)[name][0]
    if fmt == "parquet":
        buffer = io.BytesIO()
        table.to_parquet(buffer, index=False)
        return buffer.getvalue()
    return csv_bytes(table)


def package_json(data: Dataset, ids: list[str] | None = None) -> bytes:
    """The package as one JSON file: the same descriptor with each table's rows inline (Frictionless inline data),
    kept to the operations `ids` (the /data page's filters; None: all). Tables not about an operation
    (vocabularies, publishers) stay whole."""
    built = kept_tables(data, ids)
    described_package = descriptor(data, built)
    for resource in described_package["resources"]:
        table = built[resource["name"]][0]
        for field in ("path", "format", "mediatype", "encoding"):
            resource.pop(field)
        resource["data"] = json.loads(table.to_json(orient="records", force_ascii=False))
    return json.dumps(described_package, indent=1, ensure_ascii=False).encode("utf-8")


def write_package(data: Dataset, folder: Path) -> Path:
    """datapackage.json and the tables into `folder` (CSV, and Parquet for tables of PARQUET_FROM rows or more)."""
    folder.mkdir(parents=True, exist_ok=True)
    built = tables(data)
    for name, (table, _d, _r) in built.items():
        (folder / f"{name}.csv").write_bytes(csv_bytes(table))
        if len(table) >= PARQUET_FROM:
            table.to_parquet(folder / f"{name}.parquet", index=False)
    (folder / "datapackage.json").write_text(json.dumps(descriptor(data, built), indent=2, ensure_ascii=False))
    return folder / "datapackage.json"


def package_zip(data: Dataset, extra: dict[str, bytes] | None = None) -> bytes:
    """The whole package as one zip (and `extra` files: codebook, licence, citation for a release)."""
    built = tables(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(descriptor(data, built), indent=2, ensure_ascii=False))
        for name, (table, _d, _r) in built.items():
            archive.writestr(f"{name}.csv", csv_bytes(table))
        archive.writestr("CITATION.txt", cite(data) + "\n")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    data = load_dataset(DATA_DIR)
    if data.problems:
        print("\n".join(str(p) for p in data.problems), file=sys.stderr)
        return 1
    target = Path(argv[1]) if len(argv) > 1 else Path("build") / "package"
    if len(argv) > 2 and argv[2] == "--release":
        root = DATA_DIR.parent
        extra = {"README.md": (DATA_DIR / "README.md").read_bytes(),
                 "CHANGELOG.md": (DATA_DIR / "CHANGELOG.md").read_bytes(),
                 "LICENSE-code.txt": (root / "LICENSE").read_bytes()}  # fmt: skip
        target.parent.mkdir(parents=True, exist_ok=True)
        release = target.parent / f"nato-peace-operations-{version_of(data)}.zip"
        release.write_bytes(package_zip(data, extra))
        print(f"{release}: {release.stat().st_size // 1000} KB")
        return 0
    print(write_package(data, target))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))


def chart_zip(data: Dataset, panel: Panel, link: str = "") -> bytes:
    """One chart's data as a zip: exactly the table it draws (CSV), a metadata file (title, question, filters in
    force, data version, the sources of the operations it rests on, licence, citation) and a README."""
    figure_title = panel.figure.layout.title.text if panel.figure is not None else panel.heading
    subtitle = panel.figure.layout.title.subtitle.text if panel.figure is not None else ""
    operations = [
        {"id": mission_id, "name": data.records[mission_id].name,
         "sources": [source.url for source in data.records[mission_id].sources]}
        for mission_id in panel.ids if mission_id in data.records
    ]  # fmt: skip
    metadata = {
        "title": figure_title, "question": panel.heading, "filters": subtitle or None, "source_line": panel.source,
        "data_version": version_of(data), "licence": LICENCE, "how_to_cite": cite(data), "view": link or None,
        "operations": operations, "table": f"{panel.file_name}.csv",
    }  # fmt: skip
    readme = (
        f"# {figure_title}\n\n{panel.heading}\n\n"
        f"- `{panel.file_name}.csv`: exactly the table the chart draws.\n"
        "- `metadata.json`: the chart's title, question and filters, the data version, the operations it rests on "
        "with the sources each record cites, the licence and how to cite.\n\n"
        f"{cite(data)}\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{panel.file_name}.csv", csv_bytes(panel.table))
        archive.writestr("metadata.json", json.dumps(metadata, indent=2, ensure_ascii=False))
        archive.writestr("README.md", readme)
    return buffer.getvalue()
