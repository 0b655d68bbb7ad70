"""The app's pages, declared once: the router, the overview's links, the tests and the bench read this."""

from __future__ import annotations

from typing import NamedTuple

from dashboard.i18n import N_


class PageSpec(NamedTuple):
    script: str  # relative to dashboard/, as st.Page and st.page_link expect
    title: str
    icon: str
    url_path: str
    section: str
    description: str


PAGES = (
    PageSpec(
        "views/overview.py",
        N_("Overview"),
        ":material/home:",
        "overview",
        N_("Explore"),
        N_("How many operations, where, and which are ongoing."),
    ),
    PageSpec(
        "views/timeline.py",
        N_("Timeline"),
        ":material/view_timeline:",
        "timeline",
        N_("Explore"),
        N_("When each operation ran, coloured by type."),
    ),
    PageSpec(
        "views/map.py",
        N_("Map"),
        ":material/map:",
        "map",
        N_("Explore"),
        N_("Where they deployed, country by country."),
    ),
    PageSpec(
        "views/compare.py",
        N_("Compare"),
        ":material/bar_chart:",
        "compare",
        N_("Explore"),
        N_("Mission types, outcomes and durations."),
    ),
    PageSpec(
        "views/mission.py",
        N_("Mission profile"),
        ":material/description:",
        "mission",
        N_("Look up"),
        N_("One operation: mandate, strength, sources."),
    ),
    PageSpec(
        "views/data.py",
        N_("Data and citation"),
        ":material/download:",
        "data",
        N_("Look up"),
        N_("The whole table as CSV or JSON, and how to cite."),
    ),
    PageSpec(
        "views/learn.py",
        N_("Learn"),
        ":material/school:",
        "learn",
        N_("Teach and learn"),
        N_("Concepts, guided lessons, guess-then-reveal questions and a glossary."),
    ),
    PageSpec(
        "views/brief.py",
        N_("Briefing"),
        ":material/slideshow:",
        "brief",
        N_("Present"),
        N_("Collected charts as a slide deck, a PDF or a presentation."),
    ),
)
DEFAULT_PAGE = PAGES[0].script
