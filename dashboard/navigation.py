"""The app's pages, declared once: the router, the overview's links, the tests and the bench read this."""

from __future__ import annotations

from typing import NamedTuple


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
        "Overview",
        ":material/home:",
        "overview",
        "Explore",
        "How many operations, where, and which are ongoing.",
    ),
    PageSpec(
        "views/timeline.py",
        "Timeline",
        ":material/view_timeline:",
        "timeline",
        "Explore",
        "When each operation ran, coloured by type.",
    ),
    PageSpec("views/map.py", "Map", ":material/map:", "map", "Explore", "Where they deployed, country by country."),
    PageSpec(
        "views/compare.py",
        "Compare",
        ":material/bar_chart:",
        "compare",
        "Explore",
        "Mission types, outcomes and durations.",
    ),
    PageSpec(
        "views/mission.py",
        "Mission profile",
        ":material/description:",
        "mission",
        "Look up",
        "One operation: mandate, strength, sources.",
    ),
    PageSpec(
        "views/data.py",
        "Data and citation",
        ":material/download:",
        "data",
        "Look up",
        "The whole table as CSV or JSON, and how to cite.",
    ),
    PageSpec(
        "views/brief.py",
        "Briefing",
        ":material/slideshow:",
        "brief",
        "Present",
        "Collected charts as a slide deck, a PDF or a presentation.",
    ),
)
DEFAULT_PAGE = PAGES[0].script
