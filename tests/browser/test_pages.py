"""Every page in a real browser: loads with no error, draws its charts and map, stays on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from pptx import Presentation

from tests.browser.conftest import (
    ROOT,
    Recorder,
    assert_accessible,
    download,
    open_expander,
    screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def choropleth_box(page: Page, code: str) -> dict[str, float]:
    """Where the map drew one country (plotly binds each path to its topojson feature)."""
    box = page.evaluate(
        """code => {
            const path = [...document.querySelectorAll('path.choroplethlocation')]
                .find(p => p.__data__ && p.__data__.loc === code);
            if (!path) return null;
            const r = path.getBoundingClientRect();
            return {x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height};
        }""",
        code,
    )
    assert box is not None, f"{code} was not drawn"
    return dict(box)


def test_map_draws_kosovo_in_the_balkans_view_and_a_click_lists_operations(page: Page, server_url: str) -> None:
    recorder = Recorder(page)
    page.goto(server_url + "/map")
    wait_for_app(page)
    page.get_by_text("Europe and the Balkans", exact=True).click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('path.choroplethlocation')]"
        ".some(p => p.__data__ && p.__data__.loc === 'XKX' && p.getBoundingClientRect().width > 15)"
    )
    wait_for_app(page)
    kosovo = choropleth_box(page, "XKX")
    assert kosovo["width"] > 5, "Kosovo is its own visible area in the Balkans view"
    fill = page.evaluate(
        "() => getComputedStyle([...document.querySelectorAll('path.choroplethlocation')]"
        ".find(p => p.__data__.loc === 'XKX')).fill"
    )
    assert fill and fill != "rgb(229, 231, 235)", "Kosovo is shaded, not left as plain land"
    screenshot(page, "map-balkans")
    # west of the centre, away from the Pristina headquarters marker
    west = (kosovo["x"] - kosovo["width"] * 0.25, kosovo["y"])
    page.mouse.move(*west, steps=5)  # plotly picks the point under the pointer on hover
    page.locator(".hoverlayer .hovertext").filter(has_text="Kosovo").wait_for()
    page.mouse.click(*west)
    page.get_by_text("Operations in Kosovo").wait_for()
    wait_for_app(page)
    assert page.get_by_role("link", name="KFOR — Kosovo Force (1999-06-12 to ongoing)").count() == 1
    answer = page.get_by_text("Operations in Kosovo").bounding_box()
    chart = page.locator("[data-testid='stPlotlyChart']").first.bounding_box()
    assert answer and chart and answer["x"] > chart["x"] + chart["width"] - 5, "the answer beside the map"
    assert answer["y"] < chart["y"] + chart["height"] and answer["y"] + answer["height"] < 1000, "not below the fold"
    screenshot(page, "map-clicked-kosovo")
    assert recorder.external() == []
    assert recorder.errors == []


def test_filters_are_mirrored_in_the_url_and_a_copied_link_reopens_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/timeline")
    wait_for_app(page)
    page.locator("[data-testid='stMultiSelect']").filter(has_text="Mission type").click()
    page.get_by_role("option", name="Peace enforcement").click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('type=peace-enforcement')")
    wait_for_app(page)
    copied = page.url
    reopened = page.context.new_page()
    reopened.goto(copied)
    wait_for_app(reopened)
    reopened.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    legend = reopened.locator("[data-testid='stPlotlyChart'] .legendtext").all_text_contents()
    assert [item for item in legend if item not in ("Handed over to", "Event")] == ["Peace enforcement"]
    assert "Peace enforcement" in reopened.locator("[data-testid='stSidebar']").inner_text()
    reopened.close()


def test_a_bad_url_parameter_shows_a_notice_not_a_traceback(page: Page, server_url: str) -> None:
    page.goto(server_url + "/compare?type=war&from=1700")
    wait_for_app(page)
    assert page.get_by_text("Ignored type=war: not a known mission type").count() == 1
    assert page.get_by_text("Ignored from=1700").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "compare-bad-parameters")


def test_csv_download_holds_the_filtered_table(page: Page, server_url: str) -> None:
    page.goto(server_url + "/data?org=NATO")
    wait_for_app(page)
    download_info = download(page, page.get_by_role("button", name="Download CSV"))
    csv_text = download_info.path().read_text(encoding="utf-8").splitlines()
    assert csv_text[0].startswith("id,name,acronym,short_name,organisation")
    assert len(csv_text) >= 11
    assert all(",NATO," in line for line in csv_text[1:])
    # both files are written when their button is pressed (deferred downloads), from the filtered table
    download_info = download(page, page.get_by_role("button", name="Download JSON (data package)"))
    inline = {r["name"]: r for r in json.loads(download_info.path().read_text(encoding="utf-8"))["resources"]}
    operations = inline["operations"]["data"]
    assert len(operations) == len(list(csv.reader(io.StringIO("\n".join(csv_text))))) - 1
    assert {row["organisation"] for row in operations} == {"NATO"}
    assert {row["mission_id"] for row in inline["sources"]["data"]} == {row["id"] for row in operations}
    assert inline["sizes"]["schema"]["fields"][0]["name"] == "mission_id"
    download_info = download(page, page.get_by_role("button", name="Data package (zip)"))
    assert download_info.suggested_filename.startswith("nato-peace-operations-20")
    archive = zipfile.ZipFile(download_info.path())
    descriptor = json.loads(archive.read("datapackage.json"))
    assert len(descriptor["resources"]) == 12 and all(r["schema"]["fields"] for r in descriptor["resources"])
    assert archive.read("sizes.csv").decode("utf-8").startswith("mission_id,measure,kind,date")


def test_clicking_a_timeline_bar_opens_that_profile(page: Page, server_url: str) -> None:
    page.goto(server_url + "/timeline?region=central-south-asia")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .bars path")
    page.locator("[data-testid='stPlotlyChart'] .bars path").first.click(force=True)
    page.wait_for_url("**/mission?id=**")
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0
    from dashboard.dataset.loading import load_dataset

    data = load_dataset()
    in_region = data.missions[data.missions["region"] == "central-south-asia"]
    titles = [
        name + (f" ({acronym})" if isinstance(acronym, str) else "")
        for name, acronym in zip(in_region["name"], in_region["acronym"], strict=True)
    ]
    assert page.locator("h1").first.inner_text() in titles


def test_map_draws_sea_shapes_and_markers_and_a_sea_click_lists_its_operations(page: Page, server_url: str) -> None:
    recorder = Recorder(page)
    page.goto(server_url + "/map?view=europe&year=1995")
    wait_for_app(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    assert "Where the operations deployed, 1995" in page.locator("[data-testid='stPlotlyChart'] .gtitle").text_content()
    seas = page.evaluate(
        "() => [...document.querySelectorAll('path.choroplethlocation')]"
        ".filter(p => p.__data__ && /-/.test(p.__data__.loc)).map(p => p.__data__.loc)"
    )
    assert sorted(seas) == ["adriatic-sea"], "in 1995 only the Adriatic embargo and air operations were at sea"
    assert page.locator("[data-testid='stPlotlyChart'] .scattergeo .point").count() >= 2, "headquarters drawn"
    adriatic = choropleth_box(page, "adriatic-sea")
    screenshot(page, "map-1995")
    page.mouse.move(adriatic["x"], adriatic["y"], steps=5)
    page.locator(".hoverlayer .hovertext").filter(has_text="approximate outline").wait_for()
    page.mouse.click(adriatic["x"], adriatic["y"])
    page.get_by_text("Operations in Adriatic Sea").wait_for()
    wait_for_app(page)
    assert page.get_by_role("link", name="Sharp Guard — Operation Sharp Guard (1993-06-15 to 1996-10-02)").count() == 1
    assert recorder.external() == []
    assert recorder.errors == []


def test_map_play_button_steps_through_the_years(page: Page, server_url: str) -> None:
    page.goto(server_url + "/map?from=2000&to=2012")  # years enough that a pause that fails keeps going
    wait_for_app(page)
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') === '2001'", timeout=20_000)
    page.wait_for_function("() => new URLSearchParams(location.search).get('year') === '2002'", timeout=20_000)
    titles = "[data-testid='stPlotlyChart'] .gtitle"
    # while a tick reruns, the chart it replaces may still be on the page for a moment
    page.wait_for_function(f'() => document.querySelectorAll("{titles}").length === 1', timeout=20_000)
    title = page.locator(titles).first.text_content() or ""
    assert title.startswith("Where the operations deployed, 200")
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for()
    wait_for_app(page)
    # A pause pressed while a tick reruns may settle a year either side, likely because the press carries the
    # slider's value as the browser last had it (seen once in CI: 2001, then 2002). Read it once it has settled.
    page.wait_for_timeout(2_000)
    stopped_at = page.evaluate("() => new URLSearchParams(location.search).get('year')")
    page.wait_for_timeout(3_500)
    assert page.evaluate("() => new URLSearchParams(location.search).get('year')") == stopped_at, "paused"
    assert page.locator("[data-testid='stException']").count() == 0


def test_compare_copy_link_reopens_the_same_view_in_a_new_browser(page: Page, server_url: str) -> None:
    page.goto(server_url + "/compare?type=peacekeeping-stabilisation")
    wait_for_app(page)
    page.get_by_role("radio", name="How large").click()
    page.wait_for_function("() => location.search.includes('question=how-large')")
    wait_for_app(page)
    assert page.locator("[data-testid='stPlotlyChart']").count() == 2, "the peaks and the scatter, nothing else"
    page.get_by_text("Logarithmic scale for strength").click()
    page.wait_for_function("() => location.search.includes('log=1')")
    wait_for_app(page)
    page.get_by_role("button", name="Copy link").click()
    link = page.locator("[data-testid='stPopoverBody'] code").inner_text().strip()
    assert link.startswith(server_url + "/compare?") and "question=how-large" in link and "log=1" in link
    fresh = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[union-attr]
    reopened = fresh.new_page()
    reopened.goto(link)
    wait_for_app(reopened)
    assert reopened.get_by_role("radio", name="How large").get_attribute("aria-checked") == "true"
    assert reopened.get_by_role("switch", name="Logarithmic scale for strength").is_checked()
    titles = reopened.locator("[data-testid='stPlotlyChart'] .gtitle").all_text_contents()
    assert titles == ["Peak strength, by type", "Duration against peak strength; bubble size: contributing nations"]
    assert "Peacekeeping and stabilisation" in reopened.locator("[data-testid='stSidebar']").inner_text()
    screenshot(reopened, "compare-from-copied-link")
    fresh.close()


def test_a_chart_csv_holds_the_table_it_draws_and_its_png_is_1920_by_1080(page: Page, server_url: str) -> None:
    page.goto(server_url + "/compare?org=NATO")
    wait_for_app(page)
    first_table = page.locator("[data-testid='stExpander']").filter(has_text="Show the data").first
    open_expander(first_table, "Show the data")
    expect(first_table.get_by_test_id("stDataFrame")).to_be_visible()  # sent by the rerun the opening asked for
    download_info = download(page, first_table.get_by_role("button", name="Download this table (CSV)"))
    rows = list(csv.DictReader(io.StringIO(download_info.path().read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["Decade", "Mission type", "Operations", "Which"]
    nato = [f for f in (ROOT / "data" / "missions").glob("*.yaml") if "\norganisation: NATO\n" in f.read_text()]
    assert sum(int(row["Operations"]) for row in rows) == len(nato), "each NATO operation counted once, by its start"
    zip_button = first_table.get_by_role("button", name="Download this chart's data (zip: CSV, metadata, README)")
    zip_info = download(page, zip_button)
    archive = zipfile.ZipFile(zip_info.path())
    metadata = json.loads(archive.read("metadata.json"))
    assert metadata["title"] == "Operations by the decade they began" and metadata["filters"].startswith("NATO")
    chart_rows = list(csv.DictReader(io.StringIO(archive.read(metadata["table"]).decode("utf-8"))))
    assert chart_rows == rows, "the zip holds exactly the table the CSV button gives"
    png_info = download(page, page.get_by_role("button", name="PNG 1920x1080").first, timeout=60_000)
    with Image.open(png_info.path()) as image:
        assert image.size == (1920, 1080)


def test_human_cost_shows_on_the_profile_and_as_a_comparison(page: Page, server_url: str) -> None:
    page.goto(server_url + "/mission?id=unified-protector")
    wait_for_app(page)
    panel = page.locator("[data-testid='stMarkdownContainer']").filter(has_text="Civilians killed by the operation")
    assert "72 (all causes, to 2011-10-31)" in panel.inner_text()
    links = [link.get_attribute("href") or "" for link in panel.locator("a").all()]
    assert any("hrw.org" in link for link in links), "every count links its source"
    assert page.get_by_text("The operation's personnel: not published").count() == 1
    screenshot(page, "mission-human-cost")
    page.goto(server_url + "/compare?against=years")
    wait_for_app(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.gtitle')].some(t => t.textContent.startsWith('Deaths among personnel'))"
    )
    titles = page.locator("[data-testid='stPlotlyChart'] .gtitle").all_text_contents()
    assert "Deaths among personnel against years" in titles
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_profile_says_what_followed_who_judged_and_what_the_campaign_cost(page: Page, server_url: str) -> None:
    page.goto(server_url + "/mission?id=isaf")
    wait_for_app(page)
    followed = page.locator("[data-testid='stMarkdownContainer']").filter(has_text="Conflict continued").first
    assert "years covered: 2015 to 2021" in followed.inner_text()
    judged = page.locator("[data-testid='stMarkdownContainer']").filter(has_text="Aims judged:").first
    assert judged.inner_text().count("Aims judged:") >= 3, "every assessment, side by side"
    assert judged.locator("a").count() >= 3, "each judgement links its source"
    campaign = page.locator("[data-testid='stMarkdownContainer']").filter(has_text="coalition military deaths").first
    assert "2,456" in campaign.inner_text() and "457" in campaign.inner_text()
    screenshot(page, "mission-isaf-outcomes")
    page.goto(server_url + "/compare?question=human-cost&campaign=libya-2011")
    wait_for_app(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.gtitle')].some(t => t.textContent.startsWith('Libya'))"
    )
    assert page.locator("[data-testid='stException']").count() == 0


BRIEF = "/brief?title=Test+pack&pack=compare%2Fpeaks%3Flog%3D1&pack=map%2Fmap%3Fview%3Deurope%26year%3D1999"


def test_a_pack_link_downloads_a_valid_deck_and_images(page: Page, server_url: str) -> None:
    page.goto(server_url + BRIEF)
    wait_for_app(page)
    screenshot(page, "brief-pack")
    download_info = download(page, page.get_by_role("button", name="PowerPoint deck (.pptx)"), timeout=90_000)
    deck = Presentation(str(download_info.path()))
    assert download_info.suggested_filename == "test-pack.pptx"
    assert len(deck.slides) == 3
    titles = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in deck.slides]
    assert "Test pack" in titles[0] and "Where did the operations deploy?" in titles[2]
    picture = next(s for s in deck.slides[2].shapes if s.shape_type == 13)
    image = Image.open(io.BytesIO(picture.image.blob))
    assert image.size == (1920, 1080)
    assert sum(1 for p in image.convert("RGB").get_flattened_data() if p == (8, 48, 107)) > 500, "the map's shading"


def test_presentation_mode_hides_the_chrome_and_steps_with_the_arrow_keys(page: Page, server_url: str) -> None:
    recorder = Recorder(page)
    page.goto(server_url + BRIEF + "&present=1")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    page.wait_for_timeout(800)
    screenshot(page, "brief-present")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    size = page.locator("[data-testid='stPlotlyChart'] .xtick text").first.evaluate(
        "t => parseFloat(getComputedStyle(t).fontSize)"
    )
    assert size >= 20, f"axis labels are {size}px"
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**slide=2**")
    page.wait_for_selector("text=Where did the operations deploy?")
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-testid='stSidebar']")
    assert "present=1" not in page.url
    assert recorder.external() == []


def test_a_lesson_steps_in_presentation_mode_with_the_arrow_keys_and_stays_accessible(
    page: Page, server_url: str
) -> None:
    recorder = Recorder(page)
    page.goto(server_url + "/learn?lesson=afghanistan&step=1&present=1")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    page.wait_for_timeout(800)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.get_by_text("Step 1 of 10").is_visible()
    screenshot(page, "learn-lesson-present")
    assert_accessible(page)
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**step=2**")
    page.wait_for_selector("text=Step 2 of 10")
    assert "present=1" in page.url, "the next step is still presented"
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-testid='stSidebar']")
    assert "present=1" not in page.url and "step=2" in page.url
    assert recorder.external() == []


def test_the_lesson_controls_work_from_the_keyboard_alone(page: Page, server_url: str) -> None:
    page.goto(server_url + "/learn?lesson=deterrence&step=1")
    wait_for_app(page)
    page.evaluate("() => document.activeElement?.blur()")
    for _press in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement?.tagName, document.activeElement?.innerText]")
        if focused[0] == "BUTTON" and "Next" in (focused[1] or "").split():
            break
    else:
        pytest.fail("Tab never reached the Next button")
    page.keyboard.press("Enter")
    page.wait_for_url("**step=2**")


def test_a_guess_is_revealed_with_its_chart_in_the_browser(page: Page, server_url: str) -> None:
    page.goto(server_url + "/learn?part=quiz&seed=42")
    wait_for_app(page)
    box = page.locator(".st-key-quiz-42-1-box")
    box.get_by_role("radio").first.check(force=True)
    box.get_by_role("button", name="Check my answer").click()
    page.wait_for_selector(".st-key-quiz-42-1-box [data-testid='stPlotlyChart'] .main-svg")
    verdict = box.locator("[data-testid='stAlert']").first.inner_text()
    assert "Right:" in verdict or "Not quite:" in verdict, verdict
    assert box.get_by_role("link").count() >= 2, "the sources and the profiles are links"
    screenshot(page, "learn-quiz-revealed")


def test_a_lesson_handout_downloads_as_a_two_page_pdf(page: Page, server_url: str) -> None:
    page.goto(server_url + "/learn?lesson=deterrence&step=3&lang=fr")
    wait_for_app(page)
    handout = download(page, page.get_by_role("button", name="Fiche (PDF)"), timeout=90_000)
    assert handout.suggested_filename == "deterrence-handout-fr.pdf"
    pdf = handout.path().read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2


def test_the_profile_shows_a_grade_badge_beside_each_source_and_explains_them(page: Page, server_url: str) -> None:
    page.goto(server_url + "/mission?id=kfor")
    wait_for_app(page)
    badges = page.locator(".stMarkdownBadge")  # Streamlit marks a badge by class, not by test id
    texts = [text.strip() for text in badges.all_text_contents()]  # the legend's badges are in a closed expander
    verdicts = {"Aims met", "Aims partly met", "Mixed", "Aims not met"}  # "How it was judged" badges an assessor's
    assert verdicts & set(texts), "KFOR's assessments carry their verdicts"
    texts = [text for text in texts if text not in verdicts]
    assert "Official" in texts and len(texts) >= 20, "every sourced value on the profile has its badge"
    assert set(texts) <= {"Official", "Independent", "Reference", "Copy or personal",
                          "Official, via a copy", "Independent, via a copy"}  # fmt: skip
    expect(page.get_by_text("Evidence: of ")).to_be_visible()
    open_expander(page.locator("[data-testid='stExpander']").filter(has_text="What the source badges mean"),
                  "What the source badges mean")  # fmt: skip
    expect(page.get_by_text("Published by NATO, the UN, the EU")).to_be_visible()
    screenshot(page, "mission-badges")
    assert_accessible(page)
