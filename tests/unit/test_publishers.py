"""The publisher registry: which entry a url falls under, the grade that follows, and a broken registry named."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.dataset.publishers import Publisher, domain_of, entry_for, evidence, load_publishers
from dashboard.dataset.schema import Original, Source

REGISTRY = {
    "nato.int": Publisher(name="NATO", country=None, kind="nato"),
    "reuters.com": Publisher(name="Reuters", country="GBR", kind="press"),
    "wikipedia.org": Publisher(name="Wikipedia", country=None, kind="reference"),
    "web.archive.org": Publisher(name="Internet Archive", country="USA", kind="archive"),
    "docslib.org": Publisher(name="Docslib", country=None, kind="copy"),
    "blogspot.com": Publisher(name="Blogger blogs", country=None, kind="personal"),
}


def source(url: str, original_url: str | None = None) -> Source:
    original = Original(publisher="NATO", title="A page", date="2001", url=original_url)
    return Source(title="t", publisher="p", url=url, accessed="2026-12-06", original=original)


def test_a_url_falls_under_its_longest_registered_domain() -> None:
    assert domain_of("https://www.JFCNaples.nato.int:443/page") == "jfcnaples.nato.int"
    assert entry_for("https://jfcnaples.nato.int/page", REGISTRY) == ("nato.int", REGISTRY["nato.int"])
    assert entry_for("https://de.m.wikipedia.org/wiki/KFOR", REGISTRY) == ("wikipedia.org", REGISTRY["wikipedia.org"])
    assert entry_for("https://notnato.int/x", REGISTRY) is None, "only whole labels match"
    assert entry_for("https://int/x", REGISTRY) is None


@pytest.mark.parametrize(
    ("url", "grade"),
    [
        ("https://www.nato.int/cps/en/natohq/topics_48818.htm", "official"),
        ("https://uk.reuters.com/article/x", "independent"),
        ("https://en.wikipedia.org/wiki/IFOR", "reference"),
        ("https://kosovareport.blogspot.com/2009/x.html", "copy-personal"),
        ("https://unknown.example.net/x", "copy-personal"),
    ],
)
def test_the_grade_follows_the_publisher_kind(url: str, grade: str) -> None:
    assert evidence(url, REGISTRY).grade == grade


def test_an_archive_of_an_official_page_is_official_read_through_a_copy() -> None:
    archived = "https://web.archive.org/web/20051201000000/http://www.nato.int/sfor/facts.htm"
    found = evidence(archived, REGISTRY)
    assert (found.grade, found.through_copy, found.name) == ("official", True, "Internet Archive")
    assert evidence("https://web.archive.org/web/2005/http://someblog.blogspot.com/x", REGISTRY).grade == (
        "copy-personal"
    )


def test_a_copy_takes_its_original_grade_only_where_it_names_where_the_original_is() -> None:
    url = "https://docslib.org/doc/123/nato-fact-sheet"
    assert evidence(url, REGISTRY, source(url, "https://www.nato.int/docu/facts.htm")).grade == "official"
    assert evidence(url, REGISTRY, source(url)).grade == "copy-personal"
    assert evidence(url, REGISTRY).grade == "copy-personal"


def test_an_original_must_name_the_document() -> None:
    with pytest.raises(ValueError, match="title or its document symbol"):
        Original(publisher="UN", date="2003")
    assert Original(publisher="UN", symbol="S/2003/130", date="2003").symbol == "S/2003/130"


def test_a_broken_registry_names_each_entry_and_the_fix(tmp_path: Path) -> None:
    (tmp_path / "publishers.yaml").write_text(
        "Nato.int: {name: NATO, country: null, kind: nato}\n"
        "bbc.co.uk: {name: BBC, country: UK, kind: press}\n"
        "blog.example: {name: A blog, country: null, kind: blog}\n"
        "good.example: {name: Good, country: XKX, kind: press}\n"
    )
    registry, problems = load_publishers(tmp_path)
    assert list(registry) == ["good.example"]
    assert [(p.field, p.message.split(";")[0]) for p in problems] == [
        ("Nato.int", "write the domain in lower case, without www., port or path"),
        ("bbc.co.uk.country", "'UK' is not an ISO 3166-1 alpha-3 code"),
        ("blog.example.kind", problems[2].message.split(";")[0]),
    ]
    assert "'nato', 'un'" in problems[2].message
    _, missing = load_publishers(tmp_path / "nowhere")
    assert [str(p) for p in missing] == [
        "data/publishers.yaml: is missing; every cited domain needs an entry (see data/README.md)"
    ]
