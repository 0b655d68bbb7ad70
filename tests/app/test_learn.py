"""The Learn page: concepts, every lesson step in both languages, the quiz's guess-then-reveal, the glossary."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard import i18n
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import load_dataset
from dashboard.learn.content import load_learn
from tests.app.conftest import PAGES, open_page

LEARN = "views/learn.py"
CONTENT = load_learn(DATA_DIR, set(load_dataset(DATA_DIR, date(2026, 11, 21)).records))
STEPS = [(lesson.id, number) for lesson in CONTENT.lessons for number in range(1, len(lesson.steps) + 1)]


def test_concepts_show_one_concept_with_its_sources_and_data_links() -> None:
    app = open_page(LEARN, concept="risks")
    assert not app.exception
    risks = next(c for c in CONTENT.concepts if c.id == "risks")
    assert [s.value for s in app.subheader] == [risks.title.en]
    text = " ".join(m.value for m in app.markdown)
    assert risks.sources[0].url in text, "each [n] links its source"
    links = list(app.main.get("page_link"))
    assert len(links) == len(risks.links)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("lesson", "step"), STEPS, ids=[f"{lesson}-{step}" for lesson, step in STEPS])
def test_every_lesson_step_renders_its_text_chart_and_question(lesson: str, step: int, language: str) -> None:
    app = open_page(LEARN, lesson=lesson, step=str(step), lang=language)
    assert not app.exception, [e.value for e in app.exception]
    expected = next(item for item in CONTENT.lessons if item.id == lesson).steps[step - 1]
    title = i18n.typeset(getattr(expected.title, language), language)  # French: no-break space before ":"
    assert [h.value for h in app.main.header] == [f"{step}. {title}"]
    assert app.get("plotly_chart"), "the step's chart is drawn"
    question = getattr(expected.question, language)
    assert any(question.split()[0] in m.value and "Question" in m.value for m in app.markdown)


def test_next_and_previous_walk_the_lesson_and_keep_the_step_in_the_url() -> None:
    app = open_page(LEARN, lesson="bosnia", step="1")
    assert next(b for b in app.button if b.key == "step-previous").disabled
    next(b for b in app.button if b.key == "step-next").click().run()
    assert app.query_params["step"] == ["2"] or app.query_params["step"] == "2"
    assert app.main.header[0].value.startswith("2. ")


def test_a_bad_lesson_or_step_falls_back_with_a_notice() -> None:
    app = open_page(LEARN, lesson="vietnam", step="99", seed="abc", part="nothing")
    assert not app.exception
    notices = " ".join(i.value for i in app.info)
    assert "Ignored lesson=vietnam" in notices and "Ignored part=nothing" in notices
    assert "Ignored seed=abc" in notices
    app = open_page(LEARN, lesson="bosnia", step="99")
    assert "Ignored step=99: this lesson has steps 1 to 9; showing step 1." in [i.value for i in app.info]
    assert app.main.header[0].value.startswith("1. ")


def test_a_guess_is_checked_then_answered_with_the_chart_and_the_source() -> None:
    app = open_page(LEARN, part="quiz", seed="42")
    assert not app.exception
    first = next(r for r in app.radio if r.key == "quiz-42-0")
    check = next(b for b in app.button if b.key == "quiz-42-0-check")
    assert check.disabled, "no answer before a guess"
    charts_before = len(app.get("plotly_chart"))
    first.set_value(0).run()
    next(b for b in app.button if b.key == "quiz-42-0-check").click().run()
    verdicts = [s.value for s in app.success] + [e.value for e in app.error]
    assert len(verdicts) == 1 and verdicts[0].startswith(("Right:", "Not quite:"))
    assert len(app.get("plotly_chart")) == charts_before + 1, "the answer comes with its chart"
    assert any("Sources:" in m.value and "](http" in m.value for m in app.markdown)
    assert "Your score:" in " ".join(m.value for m in app.markdown)


def test_the_teacher_view_shows_every_answer_and_the_seed_gives_the_class_the_same_questions() -> None:
    student = open_page(LEARN, part="quiz", seed="42")
    teacher = open_page(LEARN, part="quiz", seed="42", teacher="1")
    prompts = [m.value for m in student.markdown if m.value.startswith("**1. ")]
    assert prompts == [m.value for m in teacher.markdown if m.value.startswith("**1. ")]
    answers = [i.value for i in teacher.info if i.value.startswith("Answer:")]
    assert len(answers) == 8 and not [i for i in student.info if i.value.startswith("Answer:")]


def test_the_glossary_lists_every_vocabulary_value_in_french() -> None:
    app = open_page(LEARN, part="glossary", lang="fr")
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    assert "**Imposition de la paix** (`peace-enforcement`)" in text
    assert "Types de mission" in [s.value for s in app.subheader]
    assert app.caption[0].value.startswith("Les résumés des missions"), "the page says what stays in English"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_french_with_the_switch_set(page: str) -> None:
    app = open_page(page, lang="fr")
    assert not app.exception, [e.value for e in app.exception]
    switch = next(w for w in app.get("button_group") if w.label == "Language · Langue")
    assert switch.value == "fr"


def test_an_unknown_language_falls_back_to_english_with_a_notice() -> None:
    app = open_page(LEARN, lang="de")
    assert "lang=de is not a language of this app; showing English (use lang=en or lang=fr)." in [
        i.value for i in app.info
    ]
