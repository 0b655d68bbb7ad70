"""Mission profile: what was this operation, on what legal basis, how large, and where is each fact from?"""

import streamlit as st

from dashboard import i18n
from dashboard.charts import briefing, panels
from dashboard.dataset.filters import STATUS_LABELS, read_mission_id, read_official
from dashboard.dataset.followed import aftermath_markdown, assessment_markdown, campaigns_of, toll_markdown
from dashboard.dataset.geo import historical_notes_for
from dashboard.dataset.profile import (
    dates_markdown,
    disagreements_for,
    evidence_line,
    fatalities_markdown,
    figure_markdown,
    grade_legend,
    peak_markdown,
    plain,
    safe_url,
    size_lines,
    source_link,
)
from dashboard.dataset.publishers import source_evidence
from dashboard.dataset.schema import NOT_PUBLISHED
from dashboard.dataset.vocabularies import organisation_short
from dashboard.i18n import _
from dashboard.ui import cache, display, downloads, links, sidebar

data = cache.dataset()
if data.missions.empty:
    st.error(_("No valid mission record could be loaded; see the data problems above."))
    st.stop()

filtered = sidebar.filtered_ids(data)
default_id = briefing.default_mission(data)
if "id" in st.query_params:
    wanted, notice = read_mission_id({"id": st.query_params.get_all("id")}, list(data.records), default_id)
    if notice:
        st.info(notice, icon=":material/link_off:")
else:  # arrived from the navigation: keep the operation chosen earlier in this session
    wanted = str(st.session_state.get("id", default_id))
st.session_state["id"] = wanted
choices = filtered if wanted in filtered else [wanted, *filtered]


def remember_choice() -> None:
    """Put the picked operation in the URL before the page reruns, so the URL and the picker agree."""
    st.query_params["id"] = st.session_state["id"]


mission_id = (
    st.selectbox(_("Operation"), choices, key="id", format_func=data.title_of, on_change=remember_choice) or wanted
)
st.query_params["id"] = mission_id
mission = data.records[mission_id]
status = str(data.missions.at[mission_id, "status"])
label = data.label
registry = data.publishers or None  # every source link below carries its grade as a badge (once registered)
if "mission-official" not in st.session_state:
    st.session_state["mission-official"] = read_official({"official": st.query_params.get_all("official")}, [])

st.title(f"{mission.name}" + (f" ({mission.acronym})" if mission.acronym else ""))
facts = [
    organisation_short(mission.organisation),
    label("mission_type", mission.mission_type),
    label("region", mission.region),
    _(STATUS_LABELS.get(status, status)).capitalize(),
]
if mission.operation_names:
    facts.append(_("Operation names: {names}").format(names=plain(", ".join(mission.operation_names))))
st.caption(" · ".join(facts))
if i18n.language() != i18n.DEFAULT_LANGUAGE:
    st.caption(_("Mission summaries and source titles are in English where no French text has been written."))
st.markdown(plain(mission.summary))  # record text is shown as text, never as markup
downloads.fact_card_downloads(data, mission_id)
if registry:
    st.caption(evidence_line(mission, registry))
    with st.expander(_("What the source badges mean")):
        st.markdown(grade_legend())

dates, peak, nations = st.columns(3)
dates.markdown(f"**{_('Dates')}**  \n{dates_markdown(mission)}")
peak.markdown(f"**{_('Peak personnel')}**  \n{peak_markdown(mission, registry)}")
nations.markdown(
    f"**{_('Contributing nations')}**  \n{figure_markdown(mission, mission.contributing_nations, registry=registry)}"
)
FIELD_NAMES = {
    "start": _("start"),
    "end": _("end"),
    "peak_personnel": _("peak personnel"),
    "contributing_nations": _("contributing nations"),
    "personnel": _("personnel"),
}
disputed = [(f, line) for f in FIELD_NAMES for line in disagreements_for(mission, f, registry)]
if disputed:
    with st.expander(_("Where sources disagree ({count})").format(count=len(disputed)), expanded=True):
        st.markdown("\n".join(f"- **{FIELD_NAMES[field]}**: {line}" for field, line in disputed))

st.subheader(_("Legal basis"))
kinds = ", ".join(label("legal_basis_kinds", k) for k in mission.legal_basis.kinds)
resolutions = ", ".join(str(n) for n in mission.legal_basis.unsc_resolutions) or _("none")
basis = _("{kinds}. UN Security Council resolutions: {resolutions}.").format(kinds=kinds, resolutions=resolutions)
st.markdown(f"{basis}  \n{plain(mission.legal_basis.note)}")

st.subheader(_("Where"))
countries = ", ".join(panels.country_name(c) for c in mission.countries) or _("none recorded")
seas = ", ".join(label("sea_areas", s) for s in mission.sea_areas)
where = _("**Countries:** {countries}").format(countries=countries)
if seas:
    where += "  \n" + _("**Sea areas:** {seas}").format(seas=seas)
st.markdown(where)
if mission.countries or mission.sea_areas or mission.headquarters:
    display.show_panel(cache.view_panel(data, briefing.View("mission", "where-map", (("id", mission_id),))),
                          "mission")  # fmt: skip
    st.caption(_("Countries as they are today; sea areas are approximate outlines; red squares are headquarters."))
for note in historical_notes_for(mission, data.historical_notes, data.today):
    cited = f"[{plain(note.source.publisher)}]({safe_url(note.source.url)})"
    st.info(f"{plain(note.note)} ({cited})", icon=":material/history_edu:")
if mission.headquarters:
    st.markdown("**" + _("Headquarters and main bases") + "**")
else:
    st.markdown(_("**Headquarters and main bases**: *{not_published}*").format(not_published=_(NOT_PUBLISHED)))
for hq in mission.headquarters:
    where = f"{hq.lat:.2f}, {hq.lon:.2f}; {source_link(mission, hq.source, registry=registry)}"
    st.markdown(f"- {plain(hq.name)} ({where})")

st.subheader(_("Strength over time"))
points = mission.personnel  # the record's own list: the same points as the personnel table, without pandas
official = bool(points) and display.official_toggle("mission-official")
st.query_params.pop("official", None)
if official:
    st.query_params["official"] = "1"
    points = [p for p in points if source_evidence(mission, p.source, data.publishers).grade == "official"]
    st.caption(
        _("Official sources only: {count} of {total} published figures rest on other sources and are left out.")
        .format(count=len(mission.personnel) - len(points), total=len(mission.personnel))
    )
if len(points) >= 2:
    strength_view = (("id", mission_id), ("official", "1")) if official else (("id", mission_id),)
    display.show_panel(cache.view_panel(data, briefing.View("mission", "personnel", strength_view)), "mission")
    st.caption(_("Points are published figures; the dotted line only joins them and is not data."))
if not mission.personnel:
    st.markdown("*" + _("Strength over time: {not_published}.").format(not_published=_(NOT_PUBLISHED)) + "*")
else:
    st.markdown(
        "\n".join(
            f"- {i18n.shown_date(str(p.date))}: {i18n.format_number(int(p.value))} "
            f"{('— ' + plain(p.note)) if isinstance(p.note, str) else ''} "
            f"({source_link(mission, str(p.source), registry=registry)})"
            for p in points
        )
    )

st.subheader(_("Aircraft, ships and activity"))
sizes = size_lines(mission, registry)
if sizes:
    st.markdown("\n".join(sizes))
elif mission.size_note:
    st.markdown("*" + _("Not published: {why}").format(why=plain(mission.size_note)) + "*")
else:
    st.markdown("*" + _("No aircraft, ship or activity figure recorded yet.") + "*")

st.subheader(_("Human cost"))
st.caption(
    _(
        "Deaths among the operation's personnel, and civilians killed by its own actions, as credible sources "
        "published them. Counts with different scopes are shown side by side, never added up."
    )
)
if mission.human_cost.note:
    st.markdown(plain(mission.human_cost.note))
for group in ("personnel", "civilians"):
    counts = [f for f in mission.human_cost.figures if f.group == group]
    lines = [f"- {fatalities_markdown(mission, f, label('fatality_causes', f.cause), registry)}" for f in counts]
    heading = label("casualty_groups", group)
    if lines:
        st.markdown(f"**{heading}**\n" + "\n".join(lines))
    else:
        st.markdown(f"**{heading}**: *{_(NOT_PUBLISHED)}*")
for campaign in campaigns_of(mission_id, data.campaigns):
    st.markdown("**" + _("Across the whole campaign: {name}").format(name=plain(campaign.name)) + "**")
    st.caption(_("Published only for the campaign as a whole, which this operation was part of: each count has its "
                 "own scope, so they are shown side by side and never added up."))  # fmt: skip
    if campaign.human_cost_note:
        st.markdown(plain(campaign.human_cost_note))
    st.markdown("\n".join(
        f"- {toll_markdown(campaign, toll, label('fatality_causes', toll.cause), registry)}"
        for toll in campaign.human_cost
    ) or f"*{_(NOT_PUBLISHED)}*")  # fmt: skip

st.subheader(_("Before and after"))
for field, title in (
    ("predecessors", _("Took over from: {operation}")),
    ("successors", _("Handed over to: {operation}")),
    ("related", _("Alongside or supported: {operation}")),
):
    for other in getattr(mission, field):
        links.mission_link(other, title.format(operation=data.title_of(other)))
if not (mission.predecessors or mission.successors or mission.related):
    st.markdown("*" + _("No predecessor, successor or related mission in the dataset yet.") + "*")
outcome = _("**Outcome:** {outcome}.").format(outcome=label("outcome", mission.outcome))
st.markdown(f"{outcome} {plain(mission.outcome_note)}")

st.subheader(_("What followed"))
state = label("aftermath", mission.aftermath.state) if mission.aftermath else ""
st.markdown(aftermath_markdown(mission, state, registry))
st.caption(_("Armed conflict as the Uppsala Conflict Data Program defines it: at least 25 battle-related deaths in a "
             "year in a contest over government or territory involving a state."))  # fmt: skip

st.subheader(_("How it was judged"))
st.caption(_("Published judgements of whether it met its aims, each attributed to whoever made it; the project gives "
             "no verdict of its own, and assessors who disagree stand side by side."))  # fmt: skip
st.markdown(
    "\n".join(f"- {assessment_markdown(mission, judgement, registry)}" for judgement in mission.assessments)
    or "*" + _("No published assessment found yet.") + "*"
)

st.subheader(_("Events"))
st.markdown(
    "\n".join(
        f"- **{i18n.shown_date(e.date)}** — {plain(e.title)} ({source_link(mission, e.source, registry=registry)})"
        for e in mission.events
    )
    or "*" + _("No events recorded yet.") + "*"
)

st.subheader(_("Sources"))
st.markdown(
    "\n".join(
        f"{i}. [{plain(s.title)}]({safe_url(s.url)}) — "
        + _("{publisher}, read {date}").format(publisher=plain(s.publisher), date=i18n.shown_date(s.accessed))
        for i, s in enumerate(mission.sources, start=1)
    )
)
