"""Partner posts land in their feed's language: the blog's translation in that locale.

Driven by the feed files in fixtures/publish/lang-*: each case names a feed, the source's
own language (or None), which translations the blog has, and the locale and blog every
entry's post must land in.
"""

from pathlib import Path

import pytest
from wagtail.models import Locale

from blog.models import BlogPage
from importers.models import ImportedEntry
from importers.runner import run_import
from tests.factories import translate_page

FEEDS = Path(__file__).parent / "fixtures" / "publish"

CASES = {
    "RSS <language>fr-FR</language>: French": (
        "lang-rss-fr-FR.rss",
        None,
        ["fr", "es"],
        {"lang-fr-1": "fr", "lang-fr-2": "fr"},
    ),
    "Atom xml:lang=es, one entry xml:lang=fr": (
        "lang-atom-es.atom",
        None,
        ["fr", "es"],
        {"lang-es-1": "es", "lang-es-2": "fr"},
    ),
    "no language: the source's Spanish": (
        "lang-none.rss",
        "es",
        ["fr", "es"],
        {"lang-none-1": "es"},
    ),
    "no language, no source language: the default": (
        "lang-none.rss",
        None,
        ["fr", "es"],
        {"lang-none-1": "en"},
    ),
    "German, not a content language: the source's French": (
        "lang-de.rss",
        "fr",
        ["fr", "es"],
        {"lang-de-1": "fr"},
    ),
    "German, no source language: the default": (
        "lang-de.rss",
        None,
        ["fr", "es"],
        {"lang-de-1": "en"},
    ),
    # The blog has no French translation: the post goes to the source's (English) blog.
    "French, but the blog is not translated: the source's blog": (
        "lang-rss-fr-FR.rss",
        None,
        ["es"],
        {"lang-fr-1": "en", "lang-fr-2": "en"},
    ),
}


def feed(name):
    return (FEEDS / name).read_bytes()


@pytest.fixture
def blogs(blog):
    """The blog's translation in every locale the case asks for, by language code."""

    def make(languages):
        found = {"en": blog}
        for code in languages:
            found[code] = translate_page(blog, code)
        return found

    return make


def landed(source):
    """{entry key: (language code, parent blog pk)} of the source's posts."""
    rows = ImportedEntry.objects.filter(source=source).select_related("page__locale")
    return {
        # An Atom id like "lang-es-1" is read relative to the feed's address.
        row.key.rsplit("/", 1)[-1]: (row.page.locale.language_code, row.page.get_parent().pk)
        for row in rows
        if row.page
    }


@pytest.mark.parametrize(
    ("name", "source_language", "translations", "expected"), CASES.values(), ids=CASES
)
def test_posts_land_in_their_language_and_its_blog(
    source, blogs, name, source_language, translations, expected
):
    found_blogs = blogs(translations)
    if source_language:
        source.locale = Locale.objects.get(language_code=source_language)
        source.save()
    report = run_import(source, body=feed(name))
    assert report.status == "ok" and report.failed == 0, report.entries
    assert report.new == len(expected)
    assert landed(source) == {key: (code, found_blogs[code].pk) for key, code in expected.items()}


@pytest.mark.parametrize(
    ("name", "source_language", "translations", "expected"), CASES.values(), ids=CASES
)
def test_posts_land_in_their_language_one_by_one_too(
    source, blogs, name, source_language, translations, expected, monkeypatch
):
    """The same when the batch cannot be written in bulk and each entry takes Wagtail's
    own path (publish.publish_entry)."""
    from django.db import IntegrityError

    from importers import runner

    def conflict(*args, **kwargs):
        raise IntegrityError("another importer")

    monkeypatch.setattr(runner, "create_posts", conflict)
    found_blogs = blogs(translations)
    if source_language:
        source.locale = Locale.objects.get(language_code=source_language)
        source.save()
    report = run_import(source, body=feed(name))
    assert report.new == len(expected), report.entries
    assert landed(source) == {key: (code, found_blogs[code].pk) for key, code in expected.items()}


def test_a_reimport_finds_its_posts_whatever_language_the_feed_says_now(source, blogs):
    """De-duplication is per source and entry, across languages: an entry whose feed now
    says Spanish updates its French post in place."""
    blogs(["fr", "es"])
    body = feed("lang-rss-fr-FR.rss")
    assert run_import(source, body=body).new == 2
    assert run_import(source, body=body).unchanged == 2

    spanish = body.replace(b"fr-FR", b"es").replace(b"Un sommet des villes", b"Una cumbre")
    report = run_import(source, body=spanish)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 1)
    assert {code for code, _blog in landed(source).values()} == {"fr"}
    assert BlogPage.objects.filter(title="Una cumbre", locale__language_code="fr").exists()


def test_themes_match_through_french_and_spanish_synonyms(source, themes, blogs):
    blogs(["fr", "es"])
    diplomacy = themes["city-diplomacy"]
    diplomacy.synonyms = "diplomatie des villes\ndiplomacia urbana"
    diplomacy.save()
    run_import(source, body=feed("lang-rss-fr-FR.rss"))
    run_import(source, body=feed("lang-atom-es.atom"))
    french = BlogPage.objects.get(title="Les maires se retrouvent à Lyon")
    spanish = BlogPage.objects.get(title="Los alcaldes se reúnen en Bogotá")
    for post in (french, spanish):
        assert "city-diplomacy" in {theme.slug for theme in post.themes.all()}
    assert (french.locale.language_code, spanish.locale.language_code) == ("fr", "es")


def test_french_posts_are_read_at_french_addresses(client, source, blogs):
    blogs(["fr", "es"])
    run_import(source, body=feed("lang-rss-fr-FR.rss"))
    post = BlogPage.objects.get(title="Les maires se retrouvent à Lyon")
    assert post.url.startswith("/fr/")
    response = client.get(post.url)
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "Les maires se retrouvent à Lyon" in client.get("/fr/blog/").content.decode()
    assert "Les maires se retrouvent à Lyon" not in client.get("/blog/").content.decode()
