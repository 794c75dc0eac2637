"""The "Partner feeds" admin: sources with their status, "Import now", run history and
imported entries, and who may see them."""

import re
import threading
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from blog.models import BlogPage
from importers.models import FeedSource, ImportedEntry, ImportRun
from tests.factories import make_organisation, make_post

FIXTURES = Path(__file__).parent / "fixtures"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(directory=FIXTURES):
    """A real HTTP server on 127.0.0.1 serving ``directory``; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=directory))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture
def feed_server():
    with serving() as base_url:
        yield base_url


def make_source(blog, name, **fields):
    fields.setdefault("url", f"https://partner.example.org/{name.lower().replace(' ', '-')}.rss")
    return FeedSource.objects.create(name=name, target_blog=blog, **fields)


def make_entries(source, count):
    ImportedEntry.objects.bulk_create(
        ImportedEntry(
            source=source,
            key=f"{source.pk}-{n}",
            key_digest=ImportedEntry.digest(f"{source.pk}-{n}"),
            content_hash="x",
        )
        for n in range(count)
    )


def listing(client, **params):
    response = client.get(reverse("feed_sources:index"), params)
    assert response.status_code == 200
    return response.content.decode()


def shown(html, names):
    """The names that are the text of a link or cell in ``html``."""
    return {name for name in names if re.search(rf">\s*{re.escape(name)}\s*<", html)}


# The listing


def test_listing_shows_status_columns_and_annotated_entry_counts(admin_client, blog):
    now = timezone.now()
    healthy = make_source(
        blog,
        "Healthy feed",
        partner=make_organisation("Mayors network"),
        last_success_at=now - timedelta(hours=2),
        next_due_at=now + timedelta(minutes=30),
    )
    failing = make_source(
        blog,
        "Failing feed",
        last_error="Refused: the server answered 500 Internal Server Error " + "x" * 200,
        consecutive_failures=3,
    )
    make_entries(healthy, 7)

    html = listing(admin_client)
    for heading in (
        "Name",
        "Partner",
        "Target blog",
        "Review mode",
        "Active",
        "Last success",
        "Last error",
        "Next due",
        "Entries",
        "Failures",
    ):
        assert shown(html, [heading]), heading
    assert "Mayors network" in html and "Debate blog" in html
    assert "Save as a draft for an editor to review" in html
    assert f'href="{reverse("imported_entries:index")}?source={healthy.pk}">7</a>' in html
    assert f'href="{reverse("imported_entries:index")}?source={failing.pk}">0</a>' in html
    assert "Refused: the server answered 500" in html
    assert "x" * 100 not in html  # the error is shortened
    # Sorting by the annotation works too.
    assert listing(admin_client, ordering="-entry_count").index("Healthy feed") < listing(
        admin_client, ordering="-entry_count"
    ).index("Failing feed")


def test_listing_queries_do_not_grow_with_sources(
    admin_client, blog, django_assert_max_num_queries
):
    for n in range(2):
        make_entries(make_source(blog, f"Source {n:02}", partner=make_organisation()), 2)
    with CaptureQueriesContext(connection) as few:
        listing(admin_client)

    for n in range(2, 20):
        make_entries(make_source(blog, f"Source {n:02}", partner=make_organisation()), 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = listing(admin_client)
    assert len(shown(html, [f"Source {n:02}" for n in range(20)])) == 20


def test_filters_and_search(admin_client, blog):
    partner = make_organisation("Partner one")
    make_source(blog, "Live one", review_mode="live", partner=partner)
    make_source(blog, "Draft one")
    make_source(blog, "Paused one", active=False)
    make_source(blog, "Broken one", consecutive_failures=2, last_error="HTTP 404")
    names = ["Live one", "Draft one", "Paused one", "Broken one"]

    assert shown(listing(admin_client, active="false"), names) == {"Paused one"}
    assert shown(listing(admin_client, review_mode="live"), names) == {"Live one"}
    assert shown(listing(admin_client, partner=partner.pk), names) == {"Live one"}
    assert shown(listing(admin_client, failing="true"), names) == {"Broken one"}
    assert shown(listing(admin_client, failing="false"), names) == set(names) - {"Broken one"}
    assert shown(listing(admin_client, q="paused"), names) == {"Paused one"}
    assert shown(listing(admin_client, q="broken-one.rss"), names) == {"Broken one"}
    assert shown(listing(admin_client), names) == set(names)


# Adding and importing


def test_creating_a_source_through_the_admin_form(admin_client, blog):
    partner = make_organisation("Form partner")
    response = admin_client.get(reverse("feed_sources:add"))
    assert response.status_code == 200
    assert 'name="poll_interval"' in response.content.decode()

    response = admin_client.post(
        reverse("feed_sources:add"),
        {
            "name": "Form feed",
            "url": "https://partner.example.org/form.rss",
            "partner": partner.pk,
            "target_blog": blog.pk,
            "review_mode": "live",
            "active": "on",
            "poll_interval": "02:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = FeedSource.objects.get(name="Form feed")
    assert (source.partner, source.target_blog.pk, source.review_mode) == (partner, blog.pk, "live")
    assert source.poll_interval == timedelta(hours=2) and source.active


def test_import_now_imports_and_records_a_run(admin_client, blog, feed_server, settings):
    settings.IMPORTER_ALLOW_PRIVATE_HOSTS = True
    source = make_source(
        blog, "Local partner", url=f"{feed_server}/admin_feed.rss", review_mode="live"
    )
    import_url = reverse("feed_sources:import_now", args=[source.pk])
    index_url = reverse("feed_sources:index")

    # The button is in the listing row and on the edit page; it POSTs through w-action.
    for page in (index_url, reverse("feed_sources:edit", args=[source.pk])):
        html = admin_client.get(page).content.decode()
        assert f'data-w-action-url-value="{import_url}"' in html
        assert 'data-action="w-action#post"' in html

    assert admin_client.get(import_url).status_code == 405
    response = admin_client.post(import_url, {"next": f"{index_url}?active=true"})
    assert response.status_code == 302 and response["Location"] == f"{index_url}?active=true"
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [
        "Import of Local partner queued"
    ]

    # The test settings run tasks at once (ImmediateBackend).
    posts = BlogPage.objects.child_of(blog).order_by("date")
    assert [post.title for post in posts] == [
        "Mayors agree a shared climate plan",
        "City networks meet in Lisbon",
    ]
    assert all(post.live for post in posts)
    run = ImportRun.objects.get(source=source)
    assert (run.status, run.new, run.failed, run.errors) == ("ok", 2, 0, [])
    assert run.finished_at is not None
    source.refresh_from_db()
    assert source.last_success_at is not None and source.consecutive_failures == 0

    # Going back to an address off the site is refused: the listing instead.
    response = admin_client.post(import_url, {"next": "https://evil.example.com/"})
    assert response["Location"] == index_url
    assert ImportRun.objects.filter(source=source).count() == 2


def test_run_history_and_entries_render(admin_client, blog):
    source = make_source(blog, "History feed")
    other = make_source(blog, "Other feed")
    started = timezone.now() - timedelta(hours=1)
    ImportRun.objects.create(
        source=source, started_at=started, finished_at=started, status="ok", new=4, unchanged=9
    )
    rejected = ImportRun.objects.create(
        source=source,
        status="rejected",
        finished_at=timezone.now(),
        errors=["The feed declares a DTD or entities.", "second", "third"],
    )
    ImportRun.objects.create(source=other, status="failed", errors=["Other feed's own error"])
    post = make_post(blog, "Imported post")
    entry = ImportedEntry.objects.create(
        source=source,
        key="https://partner.example.org/news/" + "long-key-" * 20,
        key_digest=ImportedEntry.digest("k"),
        link="https://partner.example.org/news/imported",
        content_hash="abc",
        page=post,
    )
    ImportedEntry.objects.create(
        source=other, key="other-key", key_digest=ImportedEntry.digest("o"), content_hash="d"
    )

    html = admin_client.get(reverse("import_runs:index"), {"source": source.pk}).content.decode()
    assert "The feed declares a DTD or entities. (+2 more)" in html
    assert "Rejected" in html and "Imported" in html
    assert ">9<" in html.replace("\n", "").replace(" ", "")
    assert "Other feed&#x27;s own error" not in html and "Other feed's own error" not in html
    inspect = reverse("import_runs:inspect", args=[rejected.pk])
    assert inspect in html
    html = admin_client.get(inspect).content.decode()
    assert "<li>second</li>" in html and "<li>third</li>" in html

    html = admin_client.get(reverse("imported_entries:index"), {"source": source.pk})
    html = html.content.decode()
    assert "https://partner.example.org/news/long-key-" in html
    assert "long-key-" * 20 not in html  # shortened
    assert 'href="https://partner.example.org/news/imported"' in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[post.pk])}"' in html
    assert "other-key" not in html
    response = admin_client.get(reverse("imported_entries:inspect", args=[entry.pk]))
    assert response.status_code == 200 and "Imported post" in response.content.decode()

    # The source's row and edit page link to both.
    runs = f"{reverse('import_runs:index')}?source={source.pk}"
    entries = f"{reverse('imported_entries:index')}?source={source.pk}"
    for page in (reverse("feed_sources:index"), reverse("feed_sources:edit", args=[source.pk])):
        html = admin_client.get(page).content.decode()
        assert f'href="{runs}"' in html and f'href="{entries}"' in html


def test_runs_and_entries_are_read_only(admin_client, blog):
    run = ImportRun.objects.create(source=make_source(blog, "Read only"))
    assert admin_client.get(reverse("import_runs:inspect", args=[run.pk])).status_code == 200
    for name in ("import_runs", "imported_entries"):
        for view in ("add", "edit", "delete"):
            with pytest.raises(NoReverseMatch):
                reverse(f"{name}:{view}", args=[run.pk] if view != "add" else [])
    html = admin_client.get(reverse("import_runs:index")).content.decode()
    assert "Add import run" not in html


# Permissions


@pytest.fixture
def editor(client, django_user_model):
    """A Wagtail editor: may use the admin, has no permission on partner feeds."""
    user = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Feed-less editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    return user


def denied(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_an_editor_without_permissions_cannot_see_or_use_them(client, editor, blog):
    source = make_source(blog, "Guarded feed")
    run = ImportRun.objects.create(source=source, status="ok")

    assert "Partner feeds" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in (
        reverse("feed_sources:index"),
        reverse("feed_sources:add"),
        reverse("feed_sources:edit", args=[source.pk]),
        reverse("import_runs:index"),
        reverse("import_runs:inspect", args=[run.pk]),
        reverse("imported_entries:index"),
    ):
        assert denied(client.get(url)), url
    assert denied(client.post(reverse("feed_sources:import_now", args=[source.pk])))
    assert ImportRun.objects.count() == 1  # nothing was imported


def test_view_permission_on_runs_lets_an_editor_read_them_but_not_import(client, editor, blog):
    source = make_source(blog, "Watched feed")
    editor.groups.first().permissions.add(
        Permission.objects.get(codename="view_importrun"),
        Permission.objects.get(codename="view_feedsource"),
    )
    assert client.get(reverse("import_runs:index")).status_code == 200
    html = client.get(reverse("feed_sources:index")).content.decode()
    assert "Watched feed" in html
    assert "w-action#post" not in html  # no "Import now" without the change permission
    assert denied(client.post(reverse("feed_sources:import_now", args=[source.pk])))
    assert ImportRun.objects.count() == 0
