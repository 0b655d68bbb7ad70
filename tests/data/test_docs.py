"""The docs stay true: every schema field is in the codebook, every page and command in the README."""

from __future__ import annotations

from pathlib import Path

from dashboard.navigation import PAGES
from dashboard.schema import (
    Disagreement,
    Event,
    Fatalities,
    Figure,
    Headquarters,
    HumanCost,
    LegalBasis,
    Mission,
    Source,
)

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = (ROOT / "data" / "README.md").read_text()
README = (ROOT / "README.md").read_text()


def test_every_schema_field_is_in_the_codebook() -> None:
    for model in (Mission, LegalBasis, Figure, Headquarters, Event, Disagreement, Source, HumanCost, Fatalities):
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
