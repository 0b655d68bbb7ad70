"""A one-page fact card for any operation, as PDF and PNG: mandate, dates, theatre map, strength, nations,
outcome, and a numbered source for every figure. Streamlit-free.

In the spirit of NATO's "key facts and figures" sheets, for every operation in the dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard import export, panels, printing
from dashboard.missions import PROJECT, Dataset
from dashboard.profile import NOT_PUBLISHED
from dashboard.schema import Figure, Mission, Source

# A4 landscape in CSS pixels (96 per inch); the PNG is drawn at twice that.
PAGE_WIDTH, PAGE_HEIGHT = 1123, 794
PNG_SCALE = 2


SHORT_NOTE = 140  # longer caveats stay on the profile; the card points there


@dataclass(frozen=True)
class Fact:
    label: str
    text: str
    source: str | None = None  # the url of the source that gives it


def _figure(label: str, figure: Figure | None, unit: str) -> Fact:
    if figure is None:
        return Fact(label, NOT_PUBLISHED)
    when = f" ({figure.date})" if figure.date else " (date not published)"
    note = ""
    if figure.note:
        note = f"; {figure.note}" if len(figure.note) <= SHORT_NOTE else "; the profile says what this figure counts"
    return Fact(label, f"{figure.value:,}{unit}{when}{note}", figure.source)


def _dates(mission: Mission) -> Fact:
    """Start and end, with the source of the event that records the start when there is one."""
    started = next((e for e in mission.events if e.date == mission.start), None)
    text = f"{mission.start} to {mission.end or 'ongoing'}"
    return Fact("Dates", text, started.source if started else None)


def facts(data: Dataset, mission: Mission) -> list[Fact]:
    """The card's key facts, in reading order."""
    kinds = ", ".join(data.label("legal_basis_kinds", k) for k in mission.legal_basis.kinds)
    resolutions = ", ".join(str(n) for n in mission.legal_basis.unsc_resolutions)
    mandate = kinds + (f"; UN Security Council resolution(s) {resolutions}" if resolutions else "")
    hq = mission.headquarters[0] if mission.headquarters else None
    return [
        _dates(mission),
        Fact("Mandate", mandate),
        _figure("Peak strength", mission.peak_personnel, " personnel"),
        _figure("Contributing nations", mission.contributing_nations, ""),
        Fact("Headquarters", hq.name if hq else NOT_PUBLISHED, hq.source if hq else None),
        Fact("Outcome", f"{data.label('outcome', mission.outcome)}. {mission.outcome_note}"),
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
    return printing.render(
        "fact_card.html",
        name=mission.name + (f" ({mission.acronym})" if mission.acronym else ""),
        kicker=" · ".join(
            [
                mission.organisation,
                data.label("mission_type", mission.mission_type),
                data.label("region", mission.region),
                str(row["status"]).capitalize(),
            ]
        ),
        summary=mission.summary,
        facts=cited(mission, card_facts),
        where="; ".join(part for part in (countries, seas) if part) or NOT_PUBLISHED,
        map_image=printing.data_uri(map_png, "image/png") if map_png else None,
        sources=card_sources(mission, card_facts),
        all_sources=len(mission.sources),
        project=PROJECT,
        built=(built or date.today()).isoformat(),
        checked=data.last_checked or "not stated",
        link=f"/mission?id={mission_id}",
    )


def theatre_map(data: Dataset, mission_id: str) -> bytes | None:
    """The operation's countries, seas and headquarters as a picture, or None when it has no place recorded."""
    mission = data.records[mission_id]
    if not (mission.countries or mission.sea_areas or mission.headquarters):
        return None
    figure = panels.map_figure(data, data.missions.loc[[mission_id]], view="fit", title="", height=720)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False)
    return export.image(figure, "png")


def fact_card(data: Dataset, mission_id: str, built: date | None = None) -> tuple[bytes, bytes]:
    """The card as (PDF, PNG): one A4 landscape page, and the same page as a 2246x1588 picture."""
    html = card_html(data, mission_id, theatre_map(data, mission_id), built)
    return printing.print_page(html, pdf={}, png=(PAGE_WIDTH, PAGE_HEIGHT), scale=PNG_SCALE)
