"""A lesson as one printable page: its steps' charts, the questions to discuss, and the sources (PDF)."""

from __future__ import annotations

from datetime import date

from dashboard import i18n
from dashboard.charts import briefing, panels
from dashboard.dataset.loading import PROJECT, Dataset
from dashboard.i18n import _, pick
from dashboard.learn.content import Lesson
from dashboard.outputs import images, printing


def handout_html(lesson: Lesson, step_panels: list[panels.Panel], thumbnails: list[bytes | None], link: str,
                 built: date | None = None) -> str:  # fmt: skip
    steps = [
        {
            "number": number,
            "title": pick(step.title.as_dict()),
            "question": pick(step.question.as_dict()),
            "chart": panel.heading,
            "image": printing.data_uri(image, "image/png") if image else None,
            "empty": panel.empty,
        }
        for number, (step, panel, image) in enumerate(zip(lesson.steps, step_panels, thumbnails, strict=True), start=1)
    ]
    return printing.render(
        "handout.html",
        lang=i18n.language(),
        title=pick(lesson.title.as_dict()),
        summary=pick(lesson.summary.as_dict()),
        level=pick(lesson.level.as_dict()),
        steps=steps,
        columns=3 if len(steps) <= 9 else 4,  # always three rows
        image_height=29 if len(steps) <= 9 else 24,
        sources=lesson.sources,
        project=PROJECT,
        kicker=_("Guided lesson · handout"),
        questions_heading=_("Questions for discussion"),
        sources_heading=_("Sources"),
        built=_("Built {date}").format(date=i18n.format_date((built or date.today()).isoformat())),
        link=link,
        online=_("The lesson, step by step, with every chart:"),
    )


def lesson_panels(data: Dataset, lesson: Lesson) -> list[panels.Panel]:
    views = [briefing.decode(step.view) for step in lesson.steps]
    return [briefing.build(data, view) for view in views if view is not None]


def handout(data: Dataset, lesson: Lesson, link: str, built: date | None = None) -> bytes:
    """The lesson's one-page handout as PDF (A4 portrait), in the current language."""
    step_panels = lesson_panels(data, lesson)
    thumbnails = [images.thumbnail(p.figure) if p.figure is not None else None for p in step_panels]
    html = handout_html(lesson, step_panels, thumbnails, link, built)
    pdf, _png = printing.print_page(html, pdf={})
    return pdf
