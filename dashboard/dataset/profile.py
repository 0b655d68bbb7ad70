"""Text for a mission profile: every figure as markdown with a link to its source. Streamlit-free."""

from __future__ import annotations

from dashboard.dataset.schema import NOT_PUBLISHED, Fatalities, Figure, Mission
from dashboard.i18n import _, format_number, shown_date


def source_title(mission: Mission, url: str) -> str:
    """The listed title and publisher of a source url."""
    for source in mission.sources:
        if source.url == url:
            return f"{source.publisher}: {source.title}"
    return url


def source_link(mission: Mission, url: str, text: str = "") -> str:
    title = source_title(mission, url).replace('"', "'")
    return f'[{text or _("source")}]({url} "{title}")'


def figure_markdown(mission: Mission, figure: Figure | None, unit: str = "") -> str:
    """'50,000 personnel (1999, [source](...))', or 'not published'."""
    if figure is None:
        return f"*{_(NOT_PUBLISHED)}*"
    value = f"{format_number(figure.value)}{unit}"
    note = f" — {figure.note}" if figure.note else ""
    link = source_link(mission, figure.source)
    if figure.date:
        cited = _("{value} ({date}, {source})").format(value=value, date=shown_date(figure.date), source=link)
    else:
        cited = _("{value} (date not published, {source})").format(value=value, source=link)
    return f"{cited}{note}"


def disagreements_for(mission: Mission, field: str) -> list[str]:
    """Markdown lines for what other sources say about one field."""
    return [
        _("{value} according to {source}: {note}").format(
            value=d.value, source=source_link(mission, d.source, source_title(mission, d.source)), note=d.note
        )
        for d in mission.disagreements
        if d.field.split(".")[0] == field
    ]


def dates_markdown(mission: Mission) -> str:
    end = shown_date(mission.end) if mission.end else _("ongoing")
    return _("{start} to {end}").format(start=shown_date(mission.start), end=end)


def count_text(figure: Fatalities) -> str:
    """'12' or '20 to 40': a death count as published (a range stays a range)."""
    if figure.value is not None:
        return format_number(figure.value)
    return _("{low} to {high}").format(low=format_number(figure.low or 0), high=format_number(figure.high or 0))


def fatalities_markdown(mission: Mission, figure: Fatalities, cause_label: str) -> str:
    """One death count with what it covers and its source(s)."""
    if len(figure.sources) == 2:
        links = _("low: {low}, high: {high}").format(
            low=source_link(mission, figure.sources[0]), high=source_link(mission, figure.sources[1])
        )
    else:
        links = source_link(mission, figure.sources[0])
    note = f" {figure.note}" if figure.note else ""
    scope = figure.scope.rstrip(".")
    counted = _("**{count}** ({cause}, to {date}): {scope}.").format(
        count=count_text(figure), cause=cause_label.lower(), date=shown_date(figure.as_of), scope=scope
    )
    return f"{counted}{note} ({links})"
