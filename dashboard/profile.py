"""Text for a mission profile: every figure as markdown with a link to its source. Streamlit-free."""

from __future__ import annotations

from dashboard.schema import Fatalities, Figure, Mission

NOT_PUBLISHED = "not published"


def source_title(mission: Mission, url: str) -> str:
    """The listed title and publisher of a source url."""
    for source in mission.sources:
        if source.url == url:
            return f"{source.publisher}: {source.title}"
    return url


def source_link(mission: Mission, url: str, text: str = "source") -> str:
    title = source_title(mission, url).replace('"', "'")
    return f'[{text}]({url} "{title}")'


def figure_markdown(mission: Mission, figure: Figure | None, unit: str = "") -> str:
    """'50,000 personnel (1999, [source](...))', or 'not published'."""
    if figure is None:
        return f"*{NOT_PUBLISHED}*"
    value = f"{figure.value:,}{unit}"
    note = f" — {figure.note}" if figure.note else ""
    when = f"{figure.date}, " if figure.date else "date not published, "
    return f"{value} ({when}{source_link(mission, figure.source)}){note}"


def disagreements_for(mission: Mission, field: str) -> list[str]:
    """Markdown lines for what other sources say about one field."""
    return [
        f"{d.value} according to {source_link(mission, d.source, source_title(mission, d.source))}: {d.note}"
        for d in mission.disagreements
        if d.field.split(".")[0] == field
    ]


def dates_markdown(mission: Mission) -> str:
    end = mission.end or "ongoing"
    return f"{mission.start} to {end}"


def count_text(figure: Fatalities) -> str:
    """'12' or '20 to 40': a death count as published (a range stays a range)."""
    if figure.value is not None:
        return f"{figure.value:,}"
    return f"{figure.low:,} to {figure.high:,}"


def fatalities_markdown(mission: Mission, figure: Fatalities, cause_label: str) -> str:
    """One death count with what it covers and its source(s)."""
    if len(figure.sources) == 2:
        links = f"low: {source_link(mission, figure.sources[0])}, high: {source_link(mission, figure.sources[1])}"
    else:
        links = source_link(mission, figure.sources[0])
    note = f" {figure.note}" if figure.note else ""
    scope = figure.scope.rstrip(".")
    return f"**{count_text(figure)}** ({cause_label.lower()}, to {figure.as_of}): {scope}.{note} ({links})"
