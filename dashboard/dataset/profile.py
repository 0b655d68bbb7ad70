"""Text for a mission profile: every figure as markdown with a link to its source. Streamlit-free."""

from __future__ import annotations

import re
from collections import Counter

from dashboard.dataset.publishers import GRADE_DEFINITIONS, GRADE_LABELS, GRADES, Evidence, Registry, source_evidence
from dashboard.dataset.schema import NOT_PUBLISHED, Fatalities, Figure, Mission, cited_sources
from dashboard.i18n import N_, _, format_number, shown_date

# A grade's badge colour; the badge also says the grade in words, so colour is never the only cue.
GRADE_BADGES = {"official": "blue", "independent": "violet", "reference": "orange", "copy-personal": "gray",
                "refused": "red"}  # fmt: skip


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~!])")


def plain(text: str) -> str:
    """Record text for st.markdown, shown as the text it is: no link, image, HTML, math, colour directive,
    heading or list can come out of a data file (a summary holding ![](http://host/x.png) would make every
    reader's browser fetch it)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def safe_url(url: str) -> str:
    """A url as a Markdown link target: characters that could close the link and start another are escaped."""
    return "".join(f"%{ord(c):02X}" if c in ' ()<>"[]`' else c for c in url)


def source_title(mission: Mission, url: str) -> str:
    """The listed title and publisher of a source url."""
    for source in mission.sources:
        if source.url == url:
            return f"{source.publisher}: {source.title}"
    return url


def grade_badge(found: Evidence) -> str:
    """':blue-badge[Official]': the grade of a source as a small labelled badge (Streamlit markdown)."""
    label = _(GRADE_LABELS[found.grade])
    if found.through_copy:
        label = _("{grade}, via a copy").format(grade=label)
    return f":{GRADE_BADGES[found.grade]}-badge[{label}]"


def source_link(mission: Mission, url: str, text: str = "", registry: Registry | None = None) -> str:
    """A link to a source, titled with its publisher and title; with a registry, followed by its grade's badge."""
    title = source_title(mission, url).replace('"', "'").replace("\\", "/")
    link = f'[{plain(text) if text else _("source")}]({safe_url(url)} "{title}")'
    return link if registry is None else f"{link} {grade_badge(source_evidence(mission, url, registry))}"


def grade_legend() -> str:
    """Each grade's badge and what it means, as a Markdown list."""
    lines = [
        f"- {grade_badge(Evidence('', None, grade))} {_(GRADE_DEFINITIONS[grade])}" for grade in GRADES
    ]
    lines.append("- " + _(
        "A badge ending \"via a copy\" marks an official or independent original read in a copy or a web archive "
        "that names it. The grade comes from the publisher of each source (data/publishers.yaml), never typed by hand."
    ))  # fmt: skip
    return "\n".join(lines)


def evidence_counts(mission: Mission, registry: Registry) -> Counter[str]:
    """How many of the record's sourced values (figures, events, headquarters, counts, disagreements) rest on
    each grade."""
    return Counter(source_evidence(mission, url, registry).grade for _field, url in cited_sources(mission))


def evidence_line(mission: Mission, registry: Registry) -> str:
    """'Evidence: of 24 sourced values on this page, official: 15, independent: 6, ...' (best grade first)."""
    counts = evidence_counts(mission, registry)
    parts = [
        _("{grade}: {count}").format(grade=_(GRADE_LABELS[grade]).lower(), count=format_number(counts[grade]))
        for grade in GRADES
        if counts[grade]
    ]
    return _("Evidence: of {total} sourced values on this page, {parts}.").format(
        total=format_number(sum(counts.values())), parts=", ".join(parts)
    )


def figure_markdown(mission: Mission, figure: Figure | None, unit: str = "", registry: Registry | None = None) -> str:
    """'50,000 personnel (1999, [source](...))', or 'not published'."""
    if figure is None:
        return f"*{_(NOT_PUBLISHED)}*"
    value = f"{format_number(figure.value)}{unit}"
    note = f" — {plain(figure.note)}" if figure.note else ""
    link = source_link(mission, figure.source, registry=registry)
    if figure.date:
        cited = _("{value} ({date}, {source})").format(value=value, date=shown_date(figure.date), source=link)
    else:
        cited = _("{value} (date not published, {source})").format(value=value, source=link)
    return f"{cited}{note}"


def disagreements_for(mission: Mission, field: str, registry: Registry | None = None) -> list[str]:
    """Markdown lines for what other sources say about one field (with a registry, each with its grade)."""
    return [
        _("{value} according to {source}: {note}").format(
            value=plain(str(d.value)), note=plain(d.note),
            source=source_link(mission, d.source, source_title(mission, d.source), registry),
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


def fatalities_markdown(
    mission: Mission, figure: Fatalities, cause_label: str, registry: Registry | None = None
) -> str:
    """One death count with what it covers and its source(s)."""
    if len(figure.sources) == 2:
        links = _("low: {low}, high: {high}").format(
            low=source_link(mission, figure.sources[0], registry=registry),
            high=source_link(mission, figure.sources[1], registry=registry),
        )
    else:
        links = source_link(mission, figure.sources[0], registry=registry)
    note = f" {plain(figure.note)}" if figure.note else ""
    scope = plain(figure.scope.rstrip("."))
    counted = _("**{count}** ({cause}, to {date}): {scope}.").format(
        count=count_text(figure), cause=cause_label.lower(), date=shown_date(figure.as_of), scope=scope
    )
    return f"{counted}{note} ({links})"


MEASURE_NAMES = {  # shown with _()
    "sorties": N_("Sorties flown"), "strike-sorties": N_("Strike sorties"), "flying-hours": N_("Flying hours"),
    "vessels-hailed": N_("Vessels hailed or queried"), "vessels-boarded": N_("Vessels boarded or inspected"),
    "vessels-diverted": N_("Vessels diverted"), "vessels-escorted": N_("Vessels escorted"),
    "scrambles": N_("Scrambles"), "trainees": N_("People trained"), "relief-flights": N_("Relief flights"),
    "tonnes-delivered": N_("Tonnes delivered"),
}  # fmt: skip
ROLE_NAMES = {  # shown with _()
    "all": N_("all"), "combat": N_("combat"), "support": N_("support"), "surveillance": N_("surveillance"),
    "maritime-patrol": N_("maritime patrol"), "transport": N_("transport"), "tanker": N_("tanker"),
    "helicopter": N_("helicopters"), "surface": N_("surface ships"), "submarine": N_("submarines"),
}  # fmt: skip


def peak_markdown(mission: Mission, registry: Registry | None = None) -> str:
    """The stated peak strength, or else the largest published figure, labelled as such; 'not published' if none."""
    if mission.peak_personnel is not None or not mission.personnel:
        return figure_markdown(mission, mission.peak_personnel, registry=registry)
    largest = max(mission.personnel, key=lambda point: point.value)  # the first of equal values: the earliest
    cited = figure_markdown(mission, largest, registry=registry)
    return _("largest published figure: {figure}").format(figure=cited)


def size_lines(mission: Mission, registry: Registry | None = None) -> list[str]:
    """Aircraft, ships and activity counts as Markdown list items, each with its date, scope and source."""
    lines = []
    for heading, series in ((_("Aircraft"), mission.aircraft), (_("Ships"), mission.ships)):
        for figure in series:
            which = f" ({_(ROLE_NAMES[figure.role])})" if figure.role != "all" else ""
            lines.append(f"- **{heading}{which}**, {shown_date(figure.date)}: {format_number(figure.value)}"
                         f"{' — ' + plain(figure.note) if figure.note else ''} "
                         f"({source_link(mission, figure.source, registry=registry)})")  # fmt: skip
    for count in mission.activity:
        if count.period_from:
            period = _("{start} to {end}").format(start=shown_date(count.period_from), end=shown_date(count.as_of))
        else:
            period = _("to {date}").format(date=shown_date(count.as_of))
        lines.append(f"- **{_(MEASURE_NAMES[count.measure])}**, {period}: {format_number(count.value)} — "
                     f"{plain(count.scope)}{' ' + plain(count.note) if count.note else ''} "
                     f"({source_link(mission, count.source, registry=registry)})")  # fmt: skip
    return lines
