"""Learn: what the words mean, how NATO's operations changed, and questions to test what the data shows."""

import streamlit as st

from dashboard import i18n
from dashboard.i18n import _, pick
from dashboard.learn import content, quiz
from dashboard.ui import cache, classroom, display, links, presentation, sidebar

PARTS = {"concepts": _("Concepts"), "lessons": _("Guided lessons"), "quiz": _("Guess then reveal"),
         "glossary": _("Glossary")}  # fmt: skip

data = cache.dataset()
material = cache.learn_content(data)
display.show_problems(material.problems, _("Learn file(s) have problems"))
if i18n.language() != i18n.DEFAULT_LANGUAGE:
    st.caption(_("Mission summaries and source titles are in English where no French text has been written."))

reading = content.read_url(
    {key: st.query_params.get_all(key) for key in st.query_params},
    {lesson.id: len(lesson.steps) for lesson in material.lessons},
    [concept.id for concept in material.concepts],
    quiz.SEED_MAX,
)
display.show_notices(reading.notices)

lesson = material.lesson(reading.lesson) if reading.lesson else None
if presentation.presenting() and lesson is not None:
    classroom.show_step(data, lesson, reading.step, big=True)
    st.stop()

link_slot = links.title_with_link_slot(_("Learn"))
part = st.segmented_control(
    _("Part"), list(PARTS), format_func=PARTS.__getitem__, default=reading.part, required=True, key="learn-part",
    label_visibility="collapsed",
)  # fmt: skip
sidebar.set_url_parameter("part", [str(part)], ["concepts"])

if part == "concepts":
    st.markdown(_("Ideas that explain the data, each with its sources and a button that opens the data that shows it."))
    titles = {concept.id: pick(concept.title.as_dict()) for concept in material.concepts}
    chosen = st.pills(
        _("Concept"), list(titles), format_func=titles.__getitem__, default=reading.concept or next(iter(titles), None),
        key="learn-concept", label_visibility="collapsed",
    )  # fmt: skip
    concept = next((c for c in material.concepts if c.id == chosen), None)
    sidebar.set_url_parameter("concept", [concept.id] if concept else [], [])
    if concept is not None:
        classroom.show_concept(concept)
elif part == "lessons":
    if lesson is None:
        st.markdown(_("Each lesson is a sequence of views of the data with a question to discuss at every step. "
                      "**Present** steps through it on a projector; every step has its own link."))  # fmt: skip
        for item in material.lessons:
            classroom.lesson_card(item)
    else:
        classroom.show_step(data, lesson, reading.step)
elif part == "quiz":
    seed = reading.seed if reading.seed is not None else st.session_state.setdefault("quiz-seed", quiz.new_seed())
    sidebar.set_url_parameter("seed", [str(seed)], [])
    classroom.show_quiz(data, seed, reading.teacher)
else:
    classroom.show_glossary(data.vocabularies)
    sidebar.set_url_parameter("lesson", [], [])

with link_slot.container():
    links.copy_link()
if material.last_checked:
    st.caption(
        _("The sources of this page were last read on {date}.").format(date=i18n.format_date(material.last_checked))
    )
