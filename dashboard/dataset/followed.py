"""Profile text for "What followed", "How it was judged" and a campaign's tolls: markdown with a source on every
statement. Streamlit-free, like profile.py."""

from __future__ import annotations

from dashboard.dataset.campaigns import CAMPAIGN_GROUP_LABELS, Campaign, CampaignToll
from dashboard.dataset.judgements import ASSESSOR_KIND_LABELS, VERDICT_LABELS, Assessment
from dashboard.dataset.profile import grade_badge, plain, safe_url, source_link
from dashboard.dataset.publishers import Registry, evidence
from dashboard.dataset.schema import Mission
from dashboard.i18n import _, format_number, shown_date

VERDICT_BADGES = {"met": "green", "partly-met": "orange", "mixed": "orange", "not-met": "red"}


def aftermath_markdown(mission: Mission, state_label: str, registry: Registry | None = None) -> str:
    """'**Peace held** (1997 to 2025): summary (sources)', or why nothing is shown."""
    after = mission.aftermath
    if after is None:
        if mission.end is None:
            return "*" + _("Still running: what followed is recorded once it ends.") + "*"
        return "*" + _("Not recorded yet.") + "*"
    links = ", ".join(source_link(mission, url, registry=registry) for url in after.sources)
    heading = f"**{state_label}**"
    if after.period_from and after.period_to:
        if after.period_from == after.period_to:
            heading += " " + _("(year covered: {year})").format(year=after.period_from)
        else:
            heading += " " + _("(years covered: {start} to {end})").format(start=after.period_from, end=after.period_to)
    if after.state == "conflict-resumed" and after.resumed:
        heading += "; " + _("armed conflict resumed in {date}").format(date=shown_date(after.resumed))
    text = f"{heading}. {plain(after.summary)}"
    return f"{text} ({links})" if links else text


def assessment_markdown(mission: Mission, judgement: Assessment, registry: Registry | None = None) -> str:
    """One attributed judgement: verdict badge, who and when, the judgement, the aims it judged, its source."""
    verdict = f":{VERDICT_BADGES[judgement.verdict]}-badge[{_(VERDICT_LABELS[judgement.verdict])}]"
    who = _("{assessor} ({kind}, {date})").format(
        assessor=plain(judgement.assessor), kind=_(ASSESSOR_KIND_LABELS[judgement.assessor_kind]),
        date=shown_date(judgement.date),
    )  # fmt: skip
    aims = _("Aims judged: {aims}").format(aims=plain(judgement.aims.rstrip(".")))
    link = source_link(mission, judgement.source, registry=registry)
    return f"{verdict} **{who}**: {plain(judgement.summary)} *{aims}.* ({link})"


def toll_count(toll: CampaignToll) -> str:
    """'2,456' or '278 to 317': a campaign toll as published."""
    if toll.value is not None:
        return format_number(toll.value)
    return _("{low} to {high}").format(low=format_number(toll.low or 0), high=format_number(toll.high or 0))


def toll_markdown(campaign: Campaign, toll: CampaignToll, cause_label: str, registry: Registry | None = None) -> str:
    """One campaign toll with exactly what it counts and its source(s), each with its grade."""
    links = []
    for url in toll.sources:
        listed = next((s for s in campaign.sources if s.url == url), None)
        name = listed.publisher if listed else _("source")
        link = f"[{plain(name)}]({safe_url(url)})"
        links.append(link if registry is None else f"{link} {grade_badge(evidence(url, registry, listed))}")
    note = f" {plain(toll.note)}" if toll.note else ""
    counted = _("**{count}** {group} ({cause}, to {date}): {scope}.").format(
        count=toll_count(toll), group=_(CAMPAIGN_GROUP_LABELS[toll.group]).lower(), cause=cause_label.lower(),
        date=shown_date(toll.as_of), scope=plain(toll.scope.rstrip(".")),
    )  # fmt: skip
    return f"{counted}{note} ({', '.join(links)})"


def campaigns_of(mission_id: str, campaigns: list[Campaign]) -> list[Campaign]:
    """The campaigns an operation belongs to."""
    return [campaign for campaign in campaigns if mission_id in campaign.operations]
