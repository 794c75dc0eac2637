"""Feeds become attributed, tagged, cleaned blog posts; re-imports update in place."""

import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.models import BlogPage
from importers.models import FeedSource, ImportedEntry, ImportRun
from importers.runner import run_import

FEEDS = Path(__file__).parent / "fixtures" / "publish"


def feed(name):
    return (FEEDS / name).read_bytes()


def posts(source):
    return BlogPage.objects.filter(pk__in=source.entries.values("page")).order_by("date")


def test_entries_become_attributed_tagged_clean_posts(client, source):
    report = run_import(source, body=feed("partner_v1.rss"))
    assert report.status == "ok"
    assert (report.new, report.skipped, report.failed) == (2, 1, 0)

    first = BlogPage.objects.get(source_url="https://partner.example.org/news/mayors-urban-goals")
    assert first.live and first.title == "Mayors meet on urban goals"
    assert first.partner.name == "Partner network"
    assert first.byline == "Ana Gómez"
    assert [c.name for c in first.categories.all()] == ["Partner news"]
    assert sorted(t.slug for t in first.themes.all()) == [
        "city-diplomacy",
        "city-networks",
        "urbansdg",
    ]
    assert list(first.tags.names()) == []  # the source does not keep free tags
    assert first.date.year == 2014 and first.date.month == 10

    html = client.get(first.url).content.decode()
    assert "urban goal" in html
    assert "alert(1)" not in html and "<script>alert" not in html
    assert 'href="https://partner.example.org/report"' in html  # made absolute
    assert 'href="https://partner.example.org/files/report.pdf" rel="nofollow noopener"' in html
    assert (
        '<link rel="canonical" href="https://partner.example.org/news/mayors-urban-goals">' in html
    )
    assert "First published by Partner network" in html
    assert "By Ana Gómez" in html

    summit = BlogPage.objects.get(title="World Cities Summit opens")
    assert [t.slug for t in summit.themes.all()] == ["city-networks"]  # not World Cities Day


def test_free_tags_only_when_the_source_allows(source):
    source.allow_free_tags = True
    source.save()
    run_import(source, body=feed("partner_v1.rss"))
    first = BlogPage.objects.get(title="Mayors meet on urban goals")
    assert sorted(first.tags.names()) == ["Ciudades", "Mayors"]


def test_reimport_updates_in_place_and_keeps_dropped_entries(source):
    run_import(source, body=feed("partner_v1.rss"))
    first = BlogPage.objects.get(title="Mayors meet on urban goals")
    url, revisions = first.url, first.revisions.count()

    report = run_import(source, body=feed("partner_v2.rss"))
    assert (report.new, report.updated, report.unchanged, report.skipped) == (1, 2, 0, 1)
    first.refresh_from_db()
    assert first.url == url and first.revisions.count() == revisions + 1
    assert "agreed a shared" in str(first.body)
    assert BlogPage.objects.filter(title="World Cities Summit opens its doors").exists()

    report = run_import(source, body=feed("partner_v2.rss"))
    assert (report.new, report.updated, report.unchanged) == (0, 0, 3)

    report = run_import(source, body=feed("partner_v3.rss"))  # two entries dropped out
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    assert posts(source).count() == 3 and all(post.live for post in posts(source))


def test_draft_review_mode_keeps_posts_from_readers(client, source):
    source.review_mode = FeedSource.ReviewMode.DRAFT
    source.save()
    run_import(source, body=feed("partner_v1.rss"))
    drafts = posts(source)
    assert drafts.count() == 2 and not any(post.live for post in drafts)
    assert all(post.revisions.exists() for post in drafts)
    assert "Mayors meet" not in client.get("/blog/").content.decode()


def test_rejected_feed_is_recorded_and_touches_nothing(source):
    run_import(source, body=feed("partner_v1.rss"))
    before = (posts(source).count(), ImportedEntry.objects.count())

    report = run_import(source, body=b"<html><head><title>Oops</title></head><body></body></html>")
    assert report.status == "rejected" and report.error
    source.refresh_from_db()
    assert source.last_error == report.error
    assert source.consecutive_failures == 1
    assert (posts(source).count(), ImportedEntry.objects.count()) == before
    run = ImportRun.objects.latest()
    assert run.status == "rejected" and run.errors == [report.error]


def test_failures_back_off_exponentially_up_to_a_day(source):
    now = timezone.now()
    delays = []
    for _ in range(8):
        source.record_failure(now, "HTTP 500 Internal Server Error")
        delays.append(source.next_due_at - now)
    assert delays[:3] == [timedelta(hours=2), timedelta(hours=4), timedelta(hours=8)]
    assert max(delays) == timedelta(days=1)
    source.record_success(now)
    assert source.consecutive_failures == 0 and source.next_due_at == now + timedelta(hours=1)


def test_runs_record_their_counts(source):
    run_import(source, body=feed("partner_v1.rss"))
    run = ImportRun.objects.latest()
    assert (run.status, run.new, run.skipped, run.failed) == ("ok", 2, 1, 0)
    assert run.finished_at >= run.started_at
    source.refresh_from_db()
    assert source.last_success_at and source.next_due_at > timezone.now()


def test_import_feed_command_prints_json(tmp_path, blog, themes):
    path = tmp_path / "partner.rss"
    path.write_bytes(feed("partner_v1.rss"))
    out = StringIO()
    call_command("import_feed", str(path), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["status"] == "ok" and result["error"] is None
    assert (result["new"], result["skipped"], result["failed"]) == (2, 1, 0)
    new = [entry for entry in result["entries"] if entry["action"] == "new"]
    assert new[0]["key"] == "partner-news-1"
    assert new[0]["url"].startswith("http") and new[0]["page_id"]
    assert new[0]["themes"] == ["urbansdg", "city-diplomacy"]
    # an ad-hoc source was made for the file, under the first blog
    assert FeedSource.objects.get().target_blog == blog

    out = StringIO()
    call_command("import_feed", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue())["unchanged"] == 2


def test_import_feed_dry_run_writes_nothing(tmp_path, blog, themes):
    path = tmp_path / "partner.rss"
    path.write_bytes(feed("partner_v1.rss"))
    out = StringIO()
    call_command("import_feed", str(path), "--json", "--dry-run", stdout=out)
    assert json.loads(out.getvalue())["new"] == 2
    assert not FeedSource.objects.exists() and not BlogPage.objects.exists()


def test_import_feed_exits_1_when_rejected(tmp_path, blog):
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")
    out = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_feed", str(path), "--json", stdout=out)
    assert exit_info.value.code == 1
    assert json.loads(out.getvalue())["status"] == "rejected"


def test_import_feeds_summary_table(source, capsys):
    source.url = "ftp://partner.example.org/feed"  # refused before any connection
    source.save()
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("import_feeds", "--all", stdout=out)
    text = out.getvalue()
    assert "source" in text and "Partner network" in text and "rejected" in text


def test_posts_written_in_bulk_are_sound_wagtail_pages(
    admin_client, client, source, blog, django_capture_on_commit_callbacks
):
    from wagtail.models import Page, PageLogEntry

    from tests.factories import make_post

    make_post(blog, "Written by hand before")
    with django_capture_on_commit_callbacks(execute=True):  # the search index task
        run_import(source, body=feed("partner_v1.rss"))
    make_post(blog, "Written by hand after")

    assert all(not problems for problems in Page.find_problems())  # tree paths and counts
    blog.refresh_from_db()
    assert blog.numchild == 4 == blog.get_children().count()
    post = BlogPage.objects.get(title="Mayors meet on urban goals")
    assert post.live and post.live_revision == post.latest_revision
    assert post.latest_revision.as_object().title == post.title
    assert post.auto_excerpt.startswith("City leaders met")
    assert PageLogEntry.objects.filter(page=post, action="wagtail.publish").exists()
    edit = admin_client.get(f"/admin/pages/{post.pk}/edit/")
    assert edit.status_code == 200
    results = client.get("/search/?q=urban+goal").content.decode()
    assert "Mayors meet on urban goals" in results
    assert "Mayors meet on urban goals" in client.get("/blog/feed/").content.decode()
    assert "Mayors meet on urban goals" in client.get("/themes/urbansdg/").content.decode()


def test_an_editor_can_revise_and_republish_an_imported_post(admin_client, source):
    run_import(source, body=feed("partner_v1.rss"))
    post = BlogPage.objects.get(title="Mayors meet on urban goals")
    revision = post.save_revision()
    revision.publish()
    post.refresh_from_db()
    assert post.live and post.live_revision == revision
    assert post.auto_excerpt.startswith("City leaders met")  # read from the partner HTML


def test_the_same_bytes_again_are_not_parsed_but_reported_unchanged(source):
    first = run_import(source, body=feed("partner_v1.rss"))
    again = run_import(source, body=feed("partner_v1.rss"))
    assert (again.status, again.new, again.unchanged) == ("ok", 0, first.new)
    assert {e.page_id for e in again.entries} == {e.page_id for e in first.entries if e.page_id}
    third = run_import(source, body=feed("partner_v1.rss"))  # still recognised
    assert third.unchanged == first.new
    changed = run_import(source, body=feed("partner_v2.rss"))
    assert (changed.new, changed.updated) == (1, 2)


def test_an_unexpected_failure_is_recorded_not_left_running(source, monkeypatch):
    import importers.runner

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importers.runner, "parse_feed", broken)
    report = run_import(source, body=feed("partner_v1.rss"))
    assert (report.status, report.error) == ("rejected", "Import failed: disk full")
    run = ImportRun.objects.latest()
    assert run.status == "rejected" and run.finished_at and run.errors == [report.error]
    source.refresh_from_db()
    assert source.consecutive_failures == 1 and source.lease_until is None


@pytest.mark.parametrize("date", ["", "<pubDate>Fri, 01 Jan 2100 09:00:00 GMT</pubDate>"])
def test_an_entry_without_a_usable_date_keeps_its_first_date(source, date):
    def undated(build):  # the channel changes each time, so the bytes do too
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            f"<lastBuildDate>{build}</lastBuildDate><item><title>Undated</title>"
            f"<guid>undated-1</guid>{date}<description>Text.</description></item>"
            "</channel></rss>"
        ).encode()

    run_import(source, body=undated("Mon, 01 Dec 2014 09:00:00 GMT"))
    post = BlogPage.objects.get(title="Undated")
    first_date, revisions = post.date, post.revisions.count()
    assert first_date <= timezone.now()  # never floated into the future

    again = run_import(source, body=undated("Tue, 02 Dec 2014 09:00:00 GMT"))
    assert (again.updated, again.unchanged) == (0, 1)
    post.refresh_from_db()
    assert post.date == first_date and post.revisions.count() == revisions


def test_an_rss091_feed_with_netscapes_doctype_becomes_posts(client, source):
    body = (FEEDS.parent / "core" / "rss091-netscape.xml").read_bytes()
    report = run_import(source, body=body)
    assert (report.status, report.new, report.failed) == ("ok", 4, 0)
    post = BlogPage.objects.get(source_url="http://council.example.net/minutes/2003-03.html")
    assert post.live and post.title == "Minutes of the March meeting"
    html = client.get(post.url).content.decode()
    assert "Bus shelters, the <b>market licence</b> and a question on parking." in html
    assert "First published by Partner network" in html


def test_media_rss_files_are_listed_once_on_the_post(client, source):
    report = run_import(source, body=(FEEDS.parent / "core" / "media-rss.xml").read_bytes())
    assert (report.status, report.new) == ("ok", 4)
    post = BlogPage.objects.get(title="Episode 14: street trees")
    html = client.get(post.url).content.decode()
    mp3 = "https://cdn.radio.example.net/audio/episode-14.mp3"
    assert f'<a href="{mp3}" rel="nofollow noopener">episode-14.mp3</a> (audio/mpeg, 25.0' in html
    assert html.count(mp3) == 1
    assert "episode-14.pdf</a> (application/pdf, 177.0" in html
