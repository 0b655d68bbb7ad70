"""Run the real multipage app in Streamlit's AppTest, page by page."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import navigation

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = [page.script for page in navigation.PAGES]


def open_page(page: str, **params: str | list[str]) -> AppTest:
    """Open a page the way a link does: that page, those URL parameters, first run of a session."""
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page(page)
    app.run()
    return app


def figures(app: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def open_tables(app: AppTest) -> AppTest:
    """Open every "Show the data" expander, as a reader clicking each: a table is sent only once it is open."""
    keys = [e.proto.id.split("-", 2)[2] for e in app.expander if e.label == "Show the data" and e.proto.id]
    assert keys, "the page has data tables to open"
    for key in keys:
        app.session_state[key] = True
    return app.run()


def by_label(widgets: Any, label: str) -> Any:
    """Find a widget by what the user reads, not by position."""
    matches = [w for w in widgets if w.label == label]
    assert len(matches) == 1, f"no single widget labelled {label!r}"
    return matches[0]


@pytest.fixture
def page_opener() -> Callable[..., AppTest]:
    return open_page
