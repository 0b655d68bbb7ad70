"""A one-page fact card for any operation, as PDF and PNG: mandate, dates, theatre map, strength, nations,
outcome, and a numbered source for every figure. Streamlit-free.

In the spirit of NATO's "key facts and figures" sheets, for every operation in the dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard import i18n
from dashboard.charts import panels
from dashboard.dataset.filters import STATUS_LABELS
from dashboard.dataset.loading import PROJECT, Dataset
from dashboard.dataset.schema import NOT_PUBLISHED, Figure, Mission, Source
from dashboard.i18n import _, format_number, shown_date
from dashboard.outputs import images, printing

# A4 landscape in CSS pixels (96 per inch); the PNG is drawn at twice that.
PAGE_WIDTH, PAGE_HEIGHT = 1123, 794
PNG_SCALE = 2


SHORT_NOTE = 140  # longer caveats stay on the profile; the card points there


@dataclass(frozen=True)
class Fact:
    label: str
    text: str
    source: str | None = None  # the url of the source that gives it


def _figure(label: str, figure: Figure | None, personnel: bool) -> Fact:
    if figure is None:
        return Fact(label, _(NOT_PUBLISHED))
    value = format_number(figure.value)
    if figure.date and personnel:
        text = _("{value} personnel ({date})").format(value=value, date=shown_date(figure.date))
    elif figure.date:
        text = _("{value} ({date})").format(value=value, date=shown_date(figure.date))
    elif personnel:
        text = _("{value} personnel (date not published)").format(value=value)
    else:
        text = _("{value} (date not published)").format(value=value)
    if figure.note:
        text += (
            f"; {figure.note}" if len(figure.note) <= SHORT_NOTE else _("; the profile says what this figure counts")
        )
    return Fact(label, text, figure.source)


def _dates(mission: Mission) -> Fact:
    """Start and end, with the source of the event that records the start when there is one."""
    started = next((e for e in mission.events if e.date == mission.start), None)
    end = shown_date(mission.end) if mission.end else _("ongoing")
    text = _("{start} to {end}").format(start=shown_date(mission.start), end=end)
    return Fact(_("Dates"), text, started.source if started else None)


def facts(data: Dataset, mission: Mission) -> list[Fact]:
    """The card's key facts, in reading order."""
    kinds = ", ".join(data.label("legal_basis_kinds", k) for k in mission.legal_basis.kinds)
    resolutions = ", ".join(str(n) for n in mission.legal_basis.unsc_resolutions)
    if resolutions:
        mandate = _("{kinds}; UN Security Council resolution(s) {resolutions}").format(
            kinds=kinds, resolutions=resolutions
        )
    else:
        mandate = kinds
    hq = mission.headquarters[0] if mission.headquarters else None
    return [
        _dates(mission),
        Fact(_("Mandate"), mandate),
        _figure(_("Peak strength"), mission.peak_personnel, personnel=True),
        _figure(_("Contributing nations"), mission.contributing_nations, personnel=False),
        Fact(_("Headquarters"), hq.name if hq else _(NOT_PUBLISHED), hq.source if hq else None),
        Fact(_("Outcome"), f"{data.label('outcome', mission.outcome)}. {mission.outcome_note}"),
    ]


def _cited_urls(card_facts: list[Fact]) -> list[str]:
    """The card's sources in order of first use: a source's number is its place here, from 1."""
    return list(dict.fromkeys(f.source for f in card_facts if f.source))


def cited(mission: Mission, card_facts: list[Fact]) -> list[tuple[Fact, int | None]]:
    """Each fact with the number of its source in the card's own list."""
    order = _cited_urls(card_facts)
    return [(f, order.index(f.source) + 1 if f.source else None) for f in card_facts]


def card_sources(mission: Mission, card_facts: list[Fact]) -> list[Source]:
    by_url = {s.url: s for s in mission.sources}
    return [by_url[url] for url in _cited_urls(card_facts) if url in by_url]


def card_html(data: Dataset, mission_id: str, map_png: bytes | None, built: date | None = None) -> str:
    mission = data.records[mission_id]
    row = data.missions.loc[mission_id]
    card_facts = facts(data, mission)
    countries = ", ".join(panels.country_name(c) for c in mission.countries)
    seas = ", ".join(data.label("sea_areas", s) for s in mission.sea_areas)
    checked = shown_date(data.last_checked) if data.last_checked else _("not stated")
    name = mission.name + (f" ({mission.acronym})" if mission.acronym else "")
    return printing.render(
        "fact_card.html",
        lang=i18n.language(),
        text={
            "title": _("{name}: fact card").format(name=name),
            "where": _("Where"),
            "map": _("Map of where {name} deployed").format(name=name),
            "map_note": _(
                "Countries as they are today; sea areas are approximate outlines; red squares are headquarters."
            ),
            "no_place": _("No place recorded for this operation."),
            "sources": _("Sources of the figures above"),
            "sources_note": _(
                '("not published": no source we found gives it). The profile lists all {count} sources of this record.'
            ).format(count=len(mission.sources)),
            "footer": _(
                "{project} · fact card built {built} · data checked {checked} · the full profile: {link}"
            ).format(
                project=PROJECT,
                built=shown_date((built or date.today()).isoformat()),
                checked=checked,
                link=f"/mission?id={mission_id}",
            ),
        },
        name=name,
        kicker=" · ".join(
            [
                mission.organisation,
                data.label("mission_type", mission.mission_type),
                data.label("region", mission.region),
                _(STATUS_LABELS.get(str(row["status"]), str(row["status"]))).capitalize(),
            ]
        ),
        summary=mission.summary,
        facts=cited(mission, card_facts),
        where="; ".join(part for part in (countries, seas) if part) or _(NOT_PUBLISHED),
        map_image=printing.data_uri(map_png, "image/png") if map_png else None,
        sources=[
            {
                "publisher": s.publisher,
                "title": s.title,
                "url": s.url,
                "read": _("read {date}").format(date=shown_date(s.accessed)),
            }
            for s in card_sources(mission, card_facts)
        ],
    )


def theatre_map(data: Dataset, mission_id: str) -> bytes | None:
    """The operation's countries, seas and headquarters as a picture, or None when it has no place recorded."""
    mission = data.records[mission_id]
    if not (mission.countries or mission.sea_areas or mission.headquarters):
        return None
    figure = panels.map_figure(data, data.missions.loc[[mission_id]], view="fit", title="", height=720)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False)
    return images.image(figure, "png")


def fact_card(data: Dataset, mission_id: str, built: date | None = None) -> tuple[bytes, bytes]:
    """The card as (PDF, PNG): one A4 landscape page, and the same page as a 2246x1588 picture."""
    html = card_html(data, mission_id, theatre_map(data, mission_id), built)
    return printing.print_page(html, pdf={}, png=(PAGE_WIDTH, PAGE_HEIGHT), scale=PNG_SCALE)
