"""Text from data files is shown as text: markup in a record or in the Learn content never runs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Page

from tests.browser.conftest import ROOT, start_server, wait_for_app

pytestmark = pytest.mark.browser
PAYLOAD = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> <b>bold?</b>'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", data)
    kfor = data / "missions" / "kfor.yaml"
    record = yaml.safe_load(kfor.read_text(encoding="utf-8"))
    record["summary"] = f"KFOR summary with markup: {PAYLOAD}"
    record["outcome_note"] = f"Outcome with markup: {PAYLOAD}"
    record["events"][0]["title"] = f"Event with markup: {PAYLOAD}"
    kfor.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    concepts_file = data / "learn" / "concepts.yaml"
    concepts = yaml.safe_load(concepts_file.read_text(encoding="utf-8"))
    concepts[0]["summary"]["en"] = f"Concept with markup: {PAYLOAD}"
    concepts_file.write_text(yaml.safe_dump(concepts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    url, process = start_server(data)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("path", ["/mission?id=kfor", "/timeline?region=balkans", "/learn?concept=kinds", "/data"])
def test_markup_in_the_data_is_shown_as_text_and_never_runs(page: Page, hostile_server: str, path: str) -> None:
    page.goto(hostile_server + path)
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert page.evaluate("() => window.pwned") is None, "markup from a data file ran"
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] b", has_text="bold?").count() == 0
    if path != "/timeline?region=balkans" and path != "/data":  # the timeline keeps event titles in hovers
        assert "<script>window.pwned = 1</script>" in page.locator("[data-testid='stMain']").inner_text()
