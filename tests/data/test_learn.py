"""The Learn page's content: every file valid, every claim cited, every link and lesson step drawable."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from dashboard.charts import briefing
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import Dataset, load_dataset
from dashboard.learn.content import load_learn


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(DATA_DIR, date(2026, 11, 21))


def test_the_learn_files_have_no_problems(data: Dataset) -> None:
    content = load_learn(DATA_DIR, set(data.records))
    assert [str(p) for p in content.problems] == []
    concepts = {c.id for c in content.concepts}
    # the concepts the classroom issue names, one each
    assert {"kinds", "legal-bases", "principles", "from-defence-to-crisis-management", "partners", "consensus",
            "risks", "after-the-mission", "judging-outcomes"} <= concepts  # fmt: skip
    assert len(content.lessons) >= 3 and all(6 <= len(lesson.steps) <= 10 for lesson in content.lessons)
    answers = {claim.answer for claim in content.claims}
    assert answers == {"fact", "myth"}, "claims include facts and myths"


def test_the_risks_concept_opens_the_human_cost_views(data: Dataset) -> None:
    risks = next(c for c in load_learn(DATA_DIR, set(data.records)).concepts if c.id == "risks")
    targets = {(link.page, link.query) for link in risks.links}
    assert ("compare", "question=human-cost&against=years") in targets, (
        "deaths among personnel against years, on /compare"
    )
    assert any(page == "mission" and data.records[query.removeprefix("id=")].human_cost.figures
               for page, query in targets if query.startswith("id="))  # fmt: skip


def test_every_lesson_step_draws_a_chart(data: Dataset) -> None:
    for lesson in load_learn(DATA_DIR, set(data.records)).lessons:
        for number, step in enumerate(lesson.steps, start=1):
            view = briefing.decode(step.view)
            assert view is not None
            assert briefing.build(data, view).figure is not None, f"{lesson.id} step {number} draws nothing"


def broken_copy(tmp_path: Path, name: str, change: object) -> Path:
    """A copy of data/ whose data/learn/<name> is changed by `change` (a function of the parsed list)."""
    shutil.copytree(DATA_DIR / "learn", tmp_path / "learn")
    path = tmp_path / "learn" / name
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(items)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def problems_of(folder: Path, data: Dataset) -> list[str]:
    return [str(p) for p in load_learn(folder, set(data.records)).problems]


def test_a_citation_without_a_source_is_named(tmp_path: Path, data: Dataset) -> None:
    def cite_too_far(items: list[dict[str, object]]) -> None:
        paragraph = items[0]["paragraphs"][0]  # type: ignore[index]
        paragraph["en"] += " [99]"
        paragraph["fr"] += " [99]"

    found = problems_of(broken_copy(tmp_path, "concepts.yaml", cite_too_far), data)
    assert any(p.startswith("data/learn/concepts.yaml: [0] kinds.paragraphs[0]: cites [99]") for p in found), found


def test_a_french_text_citing_other_sources_is_named(tmp_path: Path, data: Dataset) -> None:
    def drift(items: list[dict[str, object]]) -> None:
        items[0]["explanation"]["fr"] = "Sans source."  # type: ignore[index]

    found = problems_of(broken_copy(tmp_path, "claims.yaml", drift), data)
    assert any("explanation: cites [" in p and "in French" in p for p in found), found


def test_a_missing_translation_and_a_bad_view_are_named(tmp_path: Path, data: Dataset) -> None:
    def damage(items: list[dict[str, object]]) -> None:
        del items[0]["title"]["fr"]  # type: ignore[index]
        items[1]["steps"][0]["view"] = "compare/pie?log=1"  # type: ignore[index]
        items[2]["steps"][0]["view"] = "mission/where-map?id=no-such-operation"  # type: ignore[index]

    found = problems_of(broken_copy(tmp_path, "lessons.yaml", damage), data)
    assert any(p.startswith("data/learn/lessons.yaml: [0].title.fr: Field required") for p in found), found
    assert any("steps[0].view: 'compare/pie?log=1' is not a chart the app can draw" in p for p in found), found
    assert any("'no-such-operation' is not an operation id" in p for p in found), found


def test_invalid_yaml_and_a_missing_file_are_named(tmp_path: Path, data: Dataset) -> None:
    shutil.copytree(DATA_DIR / "learn", tmp_path / "learn")
    (tmp_path / "learn" / "claims.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    (tmp_path / "learn" / "concepts.yaml").unlink()
    found = problems_of(tmp_path, data)
    assert any(p.startswith("data/learn/claims.yaml:") and "line" in p for p in found), found
    assert "data/learn/concepts.yaml: is missing; the Learn page needs it (see data/README.md)" in found
