"""Every sample of feedparser's own test suite (tests/importers/corpus/feedparser/, see its
README and LICENSE): the core either rejects it with a reason or returns entries that are
safe."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from importers.core.parse import DECLARATION_REFUSED, parse_feed
from importers.core.types import ParsedFeed, Rejected

from .checks import feed_problems

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "feedparser"
NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)
SAMPLES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.parent != CORPUS)
# One test per folder: 2,100 separate tests cost more in pytest-xdist overhead than in parsing.
FOLDERS = sorted({p.parent.relative_to(CORPUS).as_posix() for p in SAMPLES})


def parse_sample(name: str) -> ParsedFeed:
    return parse_feed((CORPUS / name).read_bytes(), "http://example.org/feeds/" + name, NOW)


def test_the_corpus_is_there():
    assert len(SAMPLES) > 2100, f"expected the feedparser samples in {CORPUS}"


@pytest.mark.parametrize("folder", FOLDERS)
def test_samples_are_rejected_or_safe(folder):
    problems = []
    for path in (p for p in SAMPLES if p.parent == CORPUS / folder):
        name = path.relative_to(CORPUS).as_posix()
        try:
            feed = parse_sample(name)
        except Rejected as rejected:
            if not str(rejected) or "\n" in str(rejected):
                problems.append(f"{name}: not a one-line reason: {rejected!r}")
            continue
        except Exception as exc:
            problems.append(f"{name}: {exc!r}")
            continue
        problems += [f"{name}: {problem}" for problem in feed_problems(feed, NOW)]
    assert problems == []


@pytest.mark.parametrize(
    "name",
    ["wellformed/rss/entity_in_doctype.xml", "wellformed/rdf/doctype_contains_entity_decl.xml"],
)
def test_samples_declaring_entities_are_refused(name):
    with pytest.raises(Rejected) as raised:
        parse_sample(name)
    assert str(raised.value) == DECLARATION_REFUSED


# A DOCTYPE that only names an external DTD (Netscape's RSS 0.91, an XHTML one) is read.
@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("wellformed/rss/rss_version_091_netscape.xml", ""),
        ("illformed/always_strip_doctype.xml", "found"),
    ],
)
def test_samples_naming_an_external_dtd_are_read(name, title):
    assert parse_sample(name).title == title
