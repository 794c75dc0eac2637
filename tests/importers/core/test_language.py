"""The core reads a feed's and an entry's language and normalises it (no Django)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from importers.core.language import normalise_language
from importers.core.parse import parse_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "publish"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
OURS = ("en", "fr", "es", "pt-br")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr-FR", "fr"),
        ("FR", "fr"),
        ("es_ES", "es"),
        ("es-419", "es"),
        (" en-gb ", "en"),
        ("pt-BR", "pt-br"),  # a full match first
        ("pt-PT", None),  # "pt" alone is not ours
        ("de", None),
        ("de-DE", None),
        ("", None),
        (None, None),
        ("français", None),
        ("x" * 20, None),
    ],
)
def test_normalise_language(tag, expected):
    assert normalise_language(tag, OURS) == expected


def test_without_a_list_any_well_formed_tag_gives_its_primary_subtag():
    assert normalise_language("de-AT") == "de"
    assert normalise_language("not a tag") is None


@pytest.mark.parametrize(
    ("name", "feed_language", "entry_languages"),
    [
        ("lang-rss-fr-FR.rss", "fr", ["fr", "fr"]),
        ("lang-atom-es.atom", "es", ["es", "fr"]),  # the second entry says xml:lang="fr"
        ("lang-none.rss", None, [None]),
        ("lang-de.rss", None, [None]),
    ],
)
def test_parse_feed_reports_the_languages(name, feed_language, entry_languages):
    body = (FEEDS / name).read_bytes()
    parsed = parse_feed(body, "https://partner.example.org/feed/", NOW, languages=OURS)
    assert parsed.language == feed_language
    assert [entry.language for entry in parsed.entries] == entry_languages


def test_an_entry_in_an_unsupported_language_is_not_its_feeds():
    body = (FEEDS / "lang-atom-es.atom").read_bytes().replace(b'xml:lang="fr"', b'xml:lang="de"')
    parsed = parse_feed(body, "https://partner.example.org/feed/", NOW, languages=OURS)
    assert [entry.language for entry in parsed.entries] == ["es", None]
