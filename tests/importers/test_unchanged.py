"""A re-read feed: entries whose stored digest matches are unchanged without being cleaned
again; a changed entry, theme, source default or cleaning version still updates its post."""

from pathlib import Path

import pytest
from wagtail.models import Revision

from blog.models import BlogPage
from importers.core import clean
from importers.models import ImportedEntry
from importers.runner import run_import

FIXTURES = Path(__file__).parent / "fixtures"
# Feeds of every format, with relative links, media, dates in the future or none at all.
FEEDS = [
    "publish/partner_v1.rss",
    "core/rss20.xml",
    "core/rss10.rdf",
    "core/atom10-xml-base.xml",
    "core/media-rss.xml",
    "core/dates.xml",
]


def rebuilt(body):
    """New bytes with the same entries, as a site regenerating its feed sends: the importer
    cannot skip it as the body it read last time."""
    return body + b"\n<!-- rebuilt -->\n"


def revisions(source):
    pages = [str(pk) for pk in source.entries.values_list("page_id", flat=True)]
    return Revision.objects.filter(object_id__in=pages).count()


@pytest.fixture(params=FEEDS)
def imported(request, source):
    """(source, body, entries): ``source`` after a first import of the feed ``body``."""
    body = (FIXTURES / request.param).read_bytes()
    report = run_import(source, body=body)
    assert report.status == "ok" and report.new and not report.failed
    return source, body, report.new


def test_the_stored_digest_decides_an_entry_is_unchanged(imported):
    source, body, entries = imported
    before = revisions(source)
    # Were the entries cleaned again, their content would not match these hashes.
    ImportedEntry.objects.update(content_hash="stale")

    report = run_import(source, body=rebuilt(body))
    assert (report.unchanged, report.updated, report.new) == (entries, 0, 0)
    assert revisions(source) == before
    assert set(ImportedEntry.objects.values_list("content_hash", flat=True)) == {"stale"}

    ImportedEntry.objects.update(entry_digest="")  # as stored before there were digests
    report = run_import(source, body=rebuilt(rebuilt(body)))
    assert (report.unchanged, report.updated) == (0, entries)  # cleaned, compared, updated
    assert revisions(source) == before + entries


def test_a_changed_entry_updates_its_post(imported):
    source, body, entries = imported
    report = run_import(source, body=body.replace(b"</title>", b" revised</title>"))
    assert report.updated and report.updated + report.unchanged == entries and not report.new
    updated = [e.page_id for e in report.entries if e.action == "updated"]
    assert all(p.title.endswith("revised") for p in BlogPage.objects.filter(pk__in=updated))


def test_a_new_source_default_theme_updates_every_post(imported, themes):
    source, body, entries = imported
    source.default_themes.add(themes["world-cities-day"])

    report = run_import(source, body=rebuilt(body))
    assert (report.updated, report.unchanged) == (entries, 0)
    pages = BlogPage.objects.filter(pk__in=source.entries.values("page"))
    assert all(page.themes.filter(slug="world-cities-day").exists() for page in pages)

    report = run_import(source, body=rebuilt(rebuilt(body)))  # the new digests were stored
    assert (report.updated, report.unchanged) == (0, entries)


def test_a_new_synonym_updates_the_posts_it_tags(source, themes):
    body = (FIXTURES / "publish/partner_v1.rss").read_bytes()
    run_import(source, body=body)
    themes["world-cities-day"].synonyms = "World Cities Summit"
    themes["world-cities-day"].save()

    report = run_import(source, body=rebuilt(body))
    assert [(e.title, e.action) for e in report.entries if e.action != "skipped"] == [
        ("Mayors meet on urban goals", "unchanged"),  # cleaned again, its themes the same
        ("World Cities Summit opens", "updated"),
    ]
    summit = BlogPage.objects.get(title="World Cities Summit opens")
    assert sorted(t.slug for t in summit.themes.all()) == ["city-networks", "world-cities-day"]


def test_a_new_digest_version_cleans_every_entry_again(source, monkeypatch):
    body = (FIXTURES / "publish/partner_v1.rss").read_bytes()
    run_import(source, body=body)
    mayors = BlogPage.objects.get(title="Mayors meet on urban goals")
    monkeypatch.setattr(clean, "LINK_REL", "nofollow")  # a changed cleaning rule

    report = run_import(source, body=rebuilt(body))
    assert (report.updated, report.unchanged) == (0, 2)  # the digests still match
    mayors.refresh_from_db()
    assert 'rel="nofollow noopener"' in str(mayors.body)

    monkeypatch.setattr(clean, "DIGEST_VERSION", clean.DIGEST_VERSION + 1)
    report = run_import(source, body=rebuilt(rebuilt(body)))
    assert [(e.title, e.action) for e in report.entries if e.action != "skipped"] == [
        ("Mayors meet on urban goals", "updated"),  # the only entry with a link
        ("World Cities Summit opens", "unchanged"),
    ]
    mayors.refresh_from_db()
    assert 'rel="nofollow"' in str(mayors.body)
