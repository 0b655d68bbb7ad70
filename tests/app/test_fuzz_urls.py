"""Hostile URL parameters (hypothesis): every page still runs, with no traceback, whatever a link holds."""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.dataset.files import DATA_DIR
from tests.app.conftest import open_page

EVERY_PAGE = ("org", "type", "region", "status", "from", "to", "lang", "present")
READS = {  # the URL parameters each page reads, besides the sidebar's
    "views/overview.py": (),
    "views/timeline.py": ("partners", "campaigns", "measure", "strength", "align", "official"),
    "views/map.py": ("year", "shade", "view", "hq"),
    "views/compare.py": ("question", "ids", "decades", "log", "against", "align", "official"),
    "views/mission.py": ("id", "official"),
    "views/data.py": (),
    "views/brief.py": ("pack", "title", "slide"),
    "views/learn.py": ("part", "concept", "lesson", "step", "seed", "teacher"),
}
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "../../etc/passwd",
        "-1",
        "0",
        "99999999999999999999",
        "1e309",
        "NaN",
        "",
        " ",
        ",,,",
        "kfor,kfor,kfor,kfor,kfor",
        "compare/peaks?log=1&pack=compare%2Fpeaks",
        "'; DROP TABLE missions; --",
        "%00",
        "\u202e\u0645\u0631\u062d\u0628\u0627",
        "x" * 5000,
        "²",  # passes str.isdigit() and fails int(): once took every page down through from=
        "⑤",
        "\u0661\u0669\u0669\u0665",  # Arabic-Indic digits
        "1" * 5000,
    ]
)
VALUES = st.one_of(HOSTILE, st.text(max_size=40))
# deterministic in CI; HYPOTHESIS_EXPLORE=1 draws fresh examples (and more of them) on a developer's machine
VOCABULARIES = yaml.safe_load((DATA_DIR / "vocabularies.yaml").read_text(encoding="utf-8"))
VALID = {
    "org": set(VOCABULARIES["organisation"]),
    "type": set(VOCABULARIES["mission_type"]),
    "region": set(VOCABULARIES["region"]),
    "status": {"ongoing", "ended"},
    "lang": {"en", "fr"},
}
EXPLORE = os.environ.get("HYPOTHESIS_EXPLORE") == "1"
SETTINGS = settings(
    max_examples=200 if EXPLORE else 10,
    derandomize=not EXPLORE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def page_test(page: str):  # type: ignore[no-untyped-def]
    names = st.sampled_from(EVERY_PAGE + READS[page])
    params = st.dictionaries(names, st.lists(VALUES, min_size=1, max_size=3), max_size=5)

    @SETTINGS
    @given(params=params)
    def run(params: dict[str, list[str]]) -> None:
        app = open_page(page, **{k: v if len(v) > 1 else v[0] for k, v in params.items()})
        assert not app.exception, (params, [e.value for e in app.exception])
        shown = [t.value for t in app.main.title] + [h.value for h in app.main.header]
        assert shown, f"{page} drew neither a title nor a heading with {params}"
        notices = [i.value for i in app.info]
        for name, valid in VALID.items():  # a value the app cannot use is named in a notice, never dropped silently
            given_values = [v.strip() for v in params.get(name, []) if v.strip()]
            if given_values and not any(v in valid for v in given_values):
                assert any(n.startswith((f"Ignored {name}=", f"{name}=")) for n in notices), (name, params)

    return run


test_overview_survives_hostile_links = page_test("views/overview.py")
test_timeline_survives_hostile_links = page_test("views/timeline.py")
test_map_survives_hostile_links = page_test("views/map.py")
test_compare_survives_hostile_links = page_test("views/compare.py")
test_mission_survives_hostile_links = page_test("views/mission.py")
test_data_survives_hostile_links = page_test("views/data.py")
test_brief_survives_hostile_links = page_test("views/brief.py")
test_learn_survives_hostile_links = page_test("views/learn.py")
