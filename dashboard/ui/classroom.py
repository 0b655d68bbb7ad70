"""The Learn page's Streamlit parts: concepts, lesson steps (on screen and presented), the quiz, the glossary.

Content comes checked from dashboard.learn.content and questions from dashboard.learn.quiz; nothing here decides a
fact. Data texts are shown as Markdown without HTML, so a data file can never inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import parse_qsl

import streamlit as st

from dashboard import i18n
from dashboard.charts import briefing
from dashboard.dataset.loading import Dataset, vocabulary_text
from dashboard.dataset.vocabularies import Vocabularies
from dashboard.i18n import N_, _, pick
from dashboard.learn import quiz
from dashboard.learn.content import CITATION, Concept, LearnSource, Lesson
from dashboard.ui import cache, display, downloads, links, sidebar

PAGE_SCRIPTS = {"overview": "views/overview.py", "timeline": "views/timeline.py", "map": "views/map.py",
                "compare": "views/compare.py", "mission": "views/mission.py", "data": "views/data.py"}  # fmt: skip
GLOSSARY = (
    ("mission_type", N_("Mission types")),
    ("legal_basis_kinds", N_("Legal bases")),
    ("outcome", N_("Outcomes")),
    ("organisation", N_("Organisations")),
    ("region", N_("Regions")),
    ("domains", N_("Domains")),
    ("sea_areas", N_("Sea areas")),
    ("casualty_groups", N_("Whose deaths are counted")),
    ("fatality_causes", N_("Causes of death")),
)


def plain(text: str) -> str:
    """Data text for st.markdown: no HTML, no LaTeX, no accidental Markdown headings or lists."""
    text = re.sub(r"([\\`*_{}<>#|$~])", r"\\\1", text)
    return text


def cited(text: str, sources: Sequence[LearnSource]) -> str:
    """Each [n] becomes a link to its source."""
    return linked(text, [source.url for source in sources])


def linked(text: str, urls: Sequence[str]) -> str:
    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"[\\[{number}\\]]({urls[number - 1]})" if 1 <= number <= len(urls) else match.group(0)

    return CITATION.sub(link, plain(text))


def source_list(sources: Sequence[LearnSource]) -> str:
    lines = []
    for number, source in enumerate(sources, start=1):
        note = f" *{plain(source.note)}*" if source.note else ""
        accessed = _("read {date}").format(date=i18n.format_date(source.accessed))
        lines.append(f"{number}. [{plain(source.title)}]({source.url}), {plain(source.publisher)}, {accessed}.{note}")
    return "\n".join(lines)


def link_button(label: str, page: str, query: str) -> None:
    """A button to a page of the app with its URL parameters (and the language in use)."""
    params = [(k, v) for k, v in parse_qsl(query) if k]
    if i18n.language() != i18n.DEFAULT_LANGUAGE:
        params.append(("lang", i18n.language()))
    grouped: dict[str, list[str]] = {}
    for name, value in params:
        grouped.setdefault(name, []).append(value)
    st.page_link(
        links.page(PAGE_SCRIPTS[page]), label=label, icon=":material/arrow_forward:", query_params=grouped
    )


def show_concept(concept: Concept) -> None:
    with st.container(border=True, key=f"concept-{concept.id}"):
        st.subheader(pick(concept.title.as_dict()), anchor=concept.id)
        st.markdown(f"**{plain(pick(concept.summary.as_dict()))}**")
        for paragraph in concept.paragraphs:
            st.markdown(cited(pick(paragraph.as_dict()), concept.sources))
        row = st.container(horizontal=True)
        with row:
            for link in concept.links:
                link_button(pick(link.label.as_dict()), link.page, link.query)
        with st.expander(_("Sources ({count})").format(count=len(concept.sources)), icon=":material/menu_book:"):
            st.markdown(source_list(concept.sources))


def lesson_card(lesson: Lesson) -> None:
    with st.container(border=True, key=f"lesson-{lesson.id}"):
        st.subheader(pick(lesson.title.as_dict()))
        st.markdown(plain(pick(lesson.summary.as_dict())))
        st.caption(_("{steps} steps · {level}").format(steps=len(lesson.steps), level=pick(lesson.level.as_dict())))
        row = st.container(horizontal=True)
        if row.button(_("Start the lesson"), icon=":material/play_arrow:", key=f"start-{lesson.id}", type="primary"):
            go_to(lesson.id, 1)
        if row.button(_("Present"), icon=":material/slideshow:", key=f"present-{lesson.id}"):
            go_to(lesson.id, 1, present=True)
        handout_button(lesson, row)


def go_to(lesson_id: str, step: int, present: bool = False) -> None:
    st.query_params["lesson"] = lesson_id
    st.query_params["step"] = str(step)
    st.query_params["part"] = "lessons"
    if present:
        st.query_params["present"] = "1"
    st.rerun()


def step_view(lesson: Lesson, number: int) -> briefing.View:
    view = briefing.decode(lesson.steps[number - 1].view)
    assert view is not None  # checked when the content was loaded
    return view


def step_navigation(lesson: Lesson, number: int, big: bool) -> None:
    previous, position, following = st.columns([1, 1, 1], vertical_alignment="center")
    if previous.button(_("Previous"), icon=":material/arrow_back:", disabled=number == 1, shortcut="Left",
                       key="step-previous"):  # fmt: skip
        go_to(lesson.id, number - 1, present=big)
    position.markdown(
        _("Step {number} of {count}").format(number=number, count=len(lesson.steps)), text_alignment="center"
    )
    if following.button(_("Next"), icon=":material/arrow_forward:", disabled=number == len(lesson.steps),
                        shortcut="Right", key="step-next"):  # fmt: skip
        go_to(lesson.id, number + 1, present=big)


# projected steps: the narration in type that still reads from the back of a room, set tighter than the page's
STEP_WORDS_CSS = """<style>.st-key-step-words p, .st-key-step-words button p { font-size: 1.3rem !important;
line-height: 1.5 !important; }</style>"""


def show_step(data: Dataset, lesson: Lesson, number: int, big: bool = False) -> None:
    """One step: its narration, its chart, its question; the sources of the lesson beneath."""
    step = lesson.steps[number - 1]
    view = step_view(lesson, number)
    page = view.page
    if not big:
        top = st.container(horizontal=True, vertical_alignment="center")
        if top.button(_("All lessons"), icon=":material/arrow_upward:", key="lessons-all"):
            for name in ("lesson", "step"):
                st.query_params.pop(name, None)
            st.rerun()
        if top.button(_("Present"), icon=":material/slideshow:", key="lesson-present"):
            go_to(lesson.id, number, present=True)
        handout_button(lesson, top)
        st.caption(pick(lesson.title.as_dict()))
    st.header(f"{number}. {pick(step.title.as_dict())}")
    panel = cache.view_panel(data, view)

    heading = _("Question for discussion")

    def question() -> None:
        with st.container(border=True, key="step-question"):
            st.markdown(f"**{heading}** · {plain(pick(step.question.as_dict()))}")

    narration = cited(pick(step.text.as_dict()), lesson.sources)
    if big:  # projected: the narration and the question beside the chart, so that the whole step fits one screen
        words, chart = st.columns([5, 6], gap="large")
        with chart:
            display.show_panel(panel, page, fit=True)
        st.html(STEP_WORDS_CSS)
        with words.container(key="step-words"):
            st.markdown(narration)
            question()
            step_navigation(lesson, number, big)
        display.scroll_to_top(f"{lesson.id}-{number}")
        return
    st.markdown(narration)
    display.show_panel(panel, page)
    question()
    link_button(_("Open this view in the {page} page").format(page=_(page_title(page))), page,
                view.link().partition("?")[2])  # fmt: skip
    step_navigation(lesson, number, big)
    with st.expander(_("Sources of this lesson ({count})").format(count=len(lesson.sources)),
                     icon=":material/menu_book:"):  # fmt: skip
        st.markdown(source_list(lesson.sources))


def page_title(page: str) -> str:
    return str(briefing.PAGE_NAMES.get(page, page))


def handout_button(lesson: Lesson, where: object) -> None:
    missing = downloads.browser_missing()
    where.download_button(  # type: ignore[attr-defined]
        _("Handout (PDF)"),
        downloads.handout_builder(lesson.id),
        file_name=f"{lesson.id}-handout-{i18n.language()}.pdf",
        mime="application/pdf",
        key=f"handout-{lesson.id}",
        icon=":material/print:",
        on_click="ignore",
        disabled=bool(missing),
        help=missing or _("Two A4 pages with the lesson's charts, questions and sources"),
    )


def reveal_chart(revealed: cache.Reveal, seed: int, index: int, key: str) -> None:
    if revealed is None:
        return
    figure, table = revealed
    display.show_chart(figure, key)
    display.data_table(table, key, f"quiz-{seed}-answer-{index + 1}")


def show_answer(
    seed: int,
    index: int,
    question: quiz.Question,
    revealed: cache.Reveal,
    guess: int | None,
    names: dict[str, str],
) -> None:
    key = f"quiz-{seed}-{index}"
    if guess is not None:
        if guess == question.answer:
            st.success(_("Right: {answer}.").format(answer=question.options[question.answer]), icon=":material/check:")
        else:
            st.error(_("Not quite: the answer is {answer}.").format(answer=question.options[question.answer]),
                     icon=":material/close:")  # fmt: skip
    else:
        st.info(_("Answer: {answer}.").format(answer=question.options[question.answer]), icon=":material/key:")
    st.markdown(linked(question.explanation, [url for _title, url in question.sources]))
    reveal_chart(revealed, seed, index, f"{key}-chart")
    if question.sources:
        st.markdown(_("Sources:") + "\n" + "\n".join(f"- [{plain(t)}]({u})" for t, u in question.sources))
    for mission_id in question.mission_ids:
        link_button(_("Profile and sources: {name}").format(name=names.get(mission_id, mission_id)), "mission",
                    f"id={mission_id}")  # fmt: skip


def show_quiz(data: Dataset, seed: int, teacher: bool) -> None:
    asked = cache.quiz_questions(data, seed)
    names = {mission_id: data.title_of(mission_id) for q in asked for mission_id in q.mission_ids}
    intro, controls = st.columns([3, 2], vertical_alignment="bottom")
    intro.markdown(_("Make your guess, then check it: each answer comes with the chart and the source. "
                     "Everyone who opens this link gets the same {count} questions (seed {seed}).").format(
                         count=len(asked), seed=seed))  # fmt: skip
    with controls:
        row = st.container(horizontal=True)
        if row.button(_("New questions"), icon=":material/casino:", key="quiz-new"):
            st.session_state["quiz-seed"] = quiz.new_seed(seed)
            st.query_params["seed"] = str(st.session_state["quiz-seed"])
            st.rerun()
        shown = row.toggle(_("Teacher view: show every answer"), value=teacher, key=f"quiz-teacher-{seed}")
    sidebar.set_url_parameter("teacher", ["1" if shown else "0"], ["0"])
    checked = [i for i in range(len(asked)) if st.session_state.get(f"quiz-{seed}-{i}-checked")]
    right = sum(1 for i in checked if st.session_state.get(f"quiz-{seed}-{i}") == asked[i].answer)
    if checked and not shown:
        st.markdown(_("Your score: {right} of {checked} checked.").format(right=right, checked=len(checked)))
    reveals = cache.quiz_reveals(data, seed) if shown or checked else ()  # the answer charts, if any is shown
    for index, question in enumerate(asked):
        key = f"quiz-{seed}-{index}"
        with st.container(border=True, key=key + "-box"):
            st.markdown(f"**{index + 1}. {plain(question.prompt)}**")
            guess = st.radio(_("Your guess"), range(len(question.options)), format_func=question.options.__getitem__,
                             index=None, key=key, horizontal=True, disabled=bool(shown),
                             label_visibility="collapsed")  # fmt: skip
            if shown:
                show_answer(seed, index, question, reveals[index], None, names)
            elif st.session_state.get(f"{key}-checked"):
                show_answer(seed, index, question, reveals[index], st.session_state.get(f"{key}-guess"), names)
            elif st.button(_("Check my answer"), key=f"{key}-check", disabled=guess is None):
                st.session_state[f"{key}-checked"] = True
                st.session_state[f"{key}-guess"] = guess
                st.rerun()


def show_glossary(vocabularies: Vocabularies) -> None:
    st.markdown(_("The words the data uses, as the dataset defines them, each with the source it rests on."))
    wanted = st.text_input(_("Find a term"), key="glossary-find", placeholder=_("for example: enforcement"))
    for vocabulary, heading in GLOSSARY:
        entries = vocabularies.get(vocabulary, {})
        rows = []
        for value, entry in entries.items():
            label, definition = vocabulary_text(entry)
            if wanted and wanted.lower() not in f"{label} {definition} {value}".lower():
                continue
            source = entry["source"]
            rows.append(f"**{plain(label)}** (`{value}`): {plain(definition)} [{_('Source')}]({source['url']})")
        if rows:
            st.subheader(_(heading))
            st.markdown("\n\n".join(rows))
