"""Learn: what the words mean, how NATO's operations changed, and questions to test what the data shows."""

import streamlit as st

from dashboard import classroom, components, i18n, learn, quiz
from dashboard.i18n import _, pick

PARTS = {"concepts": _("Concepts"), "lessons": _("Guided lessons"), "quiz": _("Guess then reveal"),
         "glossary": _("Glossary")}  # fmt: skip

data = components.dataset()
content = components.learn_content(data)
components.show_problems(content.problems, _("Learn file(s) have problems"))
if i18n.language() != i18n.DEFAULT_LANGUAGE:
    st.caption(_("Mission summaries and source titles are in English where no French text has been written."))

reading = learn.read_url(
    {key: st.query_params.get_all(key) for key in st.query_params},
    {lesson.id: len(lesson.steps) for lesson in content.lessons},
    [concept.id for concept in content.concepts],
    quiz.SEED_MAX,
)
components.show_notices(reading.notices)

lesson = content.lesson(reading.lesson) if reading.lesson else None
if components.presenting() and lesson is not None:
    classroom.show_step(data, lesson, reading.step, big=True)
    st.stop()

link_slot = components.title_with_link_slot(_("Learn"))
part = st.segmented_control(
    _("Part"), list(PARTS), format_func=PARTS.__getitem__, default=reading.part, required=True, key="learn-part",
    label_visibility="collapsed",
)  # fmt: skip
components.set_url_parameter("part", [str(part)], ["concepts"])

if part == "concepts":
    st.markdown(_("Ideas that explain the data, each with its sources and a button that opens the data that shows it."))
    titles = {concept.id: pick(concept.title.as_dict()) for concept in content.concepts}
    chosen = st.pills(
        _("Concept"), list(titles), format_func=titles.__getitem__, default=reading.concept or next(iter(titles), None),
        key="learn-concept", label_visibility="collapsed",
    )  # fmt: skip
    concept = next((c for c in content.concepts if c.id == chosen), None)
    components.set_url_parameter("concept", [concept.id] if concept else [], [])
    if concept is not None:
        classroom.show_concept(concept)
elif part == "lessons":
    if lesson is None:
        st.markdown(_("Each lesson is a sequence of views of the data with a question to discuss at every step. "
                      "**Present** steps through it on a projector; every step has its own link."))  # fmt: skip
        for item in content.lessons:
            classroom.lesson_card(item)
    else:
        classroom.show_step(data, lesson, reading.step)
elif part == "quiz":
    seed = reading.seed if reading.seed is not None else st.session_state.setdefault("quiz-seed", quiz.new_seed())
    components.set_url_parameter("seed", [str(seed)], [])
    classroom.show_quiz(data, seed, reading.teacher)
else:
    classroom.show_glossary(data.vocabularies)
    components.set_url_parameter("lesson", [], [])

with link_slot.container():
    components.copy_link()
if content.last_checked:
    st.caption(
        _("The sources of this page were last read on {date}.").format(date=i18n.format_date(content.last_checked))
    )
