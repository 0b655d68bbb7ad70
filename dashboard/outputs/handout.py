"""A lesson as a printable handout: two A4 pages, each step's chart large enough to read (type of about 7 pt
and more; a tall timeline across the page), the questions to discuss, and the sources (PDF). A map that looks
like an earlier step's is not printed twice: the step says which one to look at."""

from __future__ import annotations

from datetime import date

from dashboard import i18n
from dashboard.charts import briefing, panels
from dashboard.dataset.loading import PROJECT, Dataset
from dashboard.i18n import _, pick
from dashboard.learn.content import Lesson
from dashboard.outputs import images, printing

TALL = 700  # px: a chart drawn taller than this (a timeline of many rows) is printed across both columns


def handout_html(lesson: Lesson, step_panels: list[panels.Panel], thumbnails: list[bytes | None], link: str,
                 built: date | None = None, same_as: dict[int, int] | None = None) -> str:  # fmt: skip
    """`same_as`: step number -> the earlier step whose map it repeats (its picture is left out)."""
    same_as = same_as or {}
    steps = [
        {
            "number": number,
            "title": pick(step.title.as_dict()),
            "question": pick(step.question.as_dict()),
            "chart": panel.heading,
            "image": printing.data_uri(image, "image/png") if image else None,
            "empty": _("The map looks as in step {step}.").format(step=same_as[number]) if number in same_as
            else panel.empty,
            "wide": tall(panel),
        }
        for number, (step, panel, image) in enumerate(zip(lesson.steps, step_panels, thumbnails, strict=True), start=1)
    ]  # fmt: skip
    return printing.render(
        "handout.html",
        lang=i18n.language(),
        title=pick(lesson.title.as_dict()),
        summary=pick(lesson.summary.as_dict()),
        level=pick(lesson.level.as_dict()),
        steps=steps,
        sources=lesson.sources,
        project=PROJECT,
        kicker=_("Guided lesson · handout"),
        questions_heading=_("Questions for discussion"),
        sources_heading=_("Sources"),
        built=_("Built {date}").format(date=i18n.format_date((built or date.today()).isoformat())),
        link=link,
        online=_("The lesson, step by step, with every chart:"),
    )


def tall(panel: panels.Panel) -> bool:
    return panel.figure is not None and (panel.figure.layout.height or 0) > TALL


def repeated_maps(step_panels: list[panels.Panel]) -> dict[int, int]:
    """Step number -> the first earlier step whose map shades the same places in the same view: printed once."""
    first: dict[tuple[object, ...], int] = {}
    repeats: dict[int, int] = {}
    for number, panel in enumerate(step_panels, start=1):
        figure = panel.figure
        if figure is None or not any(trace.type == "choropleth" for trace in figure.data):
            continue
        shaded = tuple(tuple(trace.locations or ()) for trace in figure.data if trace.type == "choropleth")
        key = (shaded, figure.layout.geo.scope, str(figure.layout.geo.fitbounds))
        if key in first:
            repeats[number] = first[key]
        else:
            first[key] = number
    return repeats


def lesson_panels(data: Dataset, lesson: Lesson) -> list[panels.Panel]:
    views = [briefing.decode(step.view) for step in lesson.steps]
    return [briefing.build(data, view) for view in views if view is not None]


def handout(data: Dataset, lesson: Lesson, link: str, built: date | None = None) -> bytes:
    """The lesson's handout as PDF (two A4 portrait pages), in the current language."""
    step_panels = lesson_panels(data, lesson)
    same_as = repeated_maps(step_panels)
    thumbnails = [
        None if p.figure is None or n in same_as
        else images.thumbnail(p.figure, width=1300, height=405, min_size=22) if tall(p)  # across the page
        else images.thumbnail(p.figure, width=720, height=360, min_size=22)
        for n, p in enumerate(step_panels, start=1)
    ]
    html = handout_html(lesson, step_panels, thumbnails, link, built, same_as)
    pdf, _png = printing.print_page(html, pdf={})
    return pdf
