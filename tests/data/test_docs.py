"""The docs stay true: every schema field is in the codebook, every page and command in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dashboard.dataset.campaigns import Campaign, CampaignToll
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.judgements import Aftermath, Assessment
from dashboard.dataset.loading import load_dataset
from dashboard.dataset.publishers import Publisher
from dashboard.dataset.schema import (
    Activity,
    AircraftFigure,
    Disagreement,
    Event,
    Fatalities,
    Figure,
    Headquarters,
    HumanCost,
    LegalBasis,
    Mission,
    Original,
    ShipFigure,
    Source,
)
from dashboard.navigation import PAGES
from dashboard.outputs.package import version_of

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = (ROOT / "data" / "README.md").read_text()
README = (ROOT / "README.md").read_text()


def test_every_schema_field_is_in_the_codebook() -> None:
    for model in (Mission, LegalBasis, Figure, Headquarters, Event, Disagreement, Source, Original, HumanCost,
                  Fatalities, Publisher, AircraftFigure, ShipFigure, Activity, Aftermath, Assessment, Campaign,
                  CampaignToll):  # fmt: skip
        for field in model.model_fields:
            assert f"`{field}`" in CODEBOOK, f"{model.__name__}.{field} is not documented in data/README.md"


def test_every_page_is_in_the_readme() -> None:
    paths = [page.url_path for page in PAGES]
    table = README.split("## Pages", 1)[1].split("##", 1)[0]
    for path in paths:
        shown = "/" if path == "overview" else f"/{path}"
        assert f"| `{shown}" in table, f"page {shown} is missing from the README's page list"


def test_readme_leads_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_url_parameter_is_documented() -> None:
    for parameter in ("org", "type", "region", "status", "from", "to", "id"):
        assert f"`{parameter}`" in README


DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "data" / "README.md", *(ROOT / "docs").glob("*.md")]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    headings = re.findall(r"^#+ (.+)$", path.read_text(), flags=re.MULTILINE)
    return {re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_link_between_the_docs_works(doc: Path) -> None:
    for target in LINK.findall(doc.read_text()):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (doc.parent / file_part).resolve() if file_part else doc
        assert linked.exists(), f"{doc.relative_to(ROOT)} links to {target}, which does not exist"
        if anchor:
            assert anchor in anchors(linked), f"{doc.relative_to(ROOT)} links to {target}: no such heading"


def test_the_readme_is_short_and_its_gallery_is_what_make_screenshots_takes() -> None:
    assert len(README.splitlines()) <= 150, "the README is for users; move details to docs/"
    shown = set(re.findall(r"\(docs/images/([\w-]+)\.png\)", README))
    taken = set(re.findall(r'Shot\(\s*"([\w-]+)"', (ROOT / "docs" / "screenshots.py").read_text()))
    assert len(taken) >= 7 and shown == taken, f"gallery {sorted(shown)} but make screenshots takes {sorted(taken)}"
    for name in taken:
        assert (ROOT / "docs" / "images" / f"{name}.png").exists(), f"docs/images/{name}.png: run make screenshots"


def test_the_architecture_doc_names_every_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text()
    for path in (ROOT / "dashboard").glob("*/*.py"):
        if path.stem != "__init__" and path.parent.name != "views":
            assert f"`{path.stem}`" in text, f"docs/architecture.md does not say where {path.stem} sits"


def test_the_citation_file_cites_this_data_version() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0" and citation["title"] == "NATO Peace Operations Explorer"
    assert citation["authors"] and citation["license"] == "CC-BY-4.0" and "cite" in citation["message"]
    version = version_of(load_dataset(DATA_DIR))
    assert citation["version"] == version, f"set CITATION.cff's version (and date-released) to {version}"
    assert citation["date-released"].replace("-", ".") == version
    text = (ROOT / "CITATION.cff").read_text()
    assert "127.0.0.1" not in text and "localhost" not in text, "never the address of a local server"
