"""The page cache: anonymous readers get pages and feeds from it; every change that shows
on a page makes the next request fresh; forms on cached pages still post."""

import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client, TestCase
from django.urls import path
from django.utils import timezone
from freezegun import freeze_time

from discussion import actions
from discussion.models import Comment
from importers.models import FeedSource
from importers.runner import run_import
from subscriptions.models import Subscriber
from tests.comment_forms import comment_form
from tests.discussion.conftest import add_comment
from tests.factories import (
    make_category,
    make_city,
    make_organisation,
    make_person,
    make_post,
    make_private,
    make_series,
    make_theme,
)
from website import urls as website_urls


def set_cookie_view(request):
    response = HttpResponse("a cookie")
    response.set_cookie("chosen", "1")
    return response


# i18n_patterns cannot be included: the site's own patterns, with one more route first.
urlpatterns = [path("sets-cookie/", set_cookie_view), *website_urls.urlpatterns]


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def theme(db):
    return make_theme("City diplomacy", slug="city-diplomacy")


@pytest.fixture
def post(blog, theme):
    return make_post(blog, "Who speaks for the city", days_ago=1, themes=[theme])


def cached(client, url, **extra):
    """GET ``url`` twice; the second response."""
    first = client.get(url, **extra)
    assert first.status_code in (200, 301, 404), (url, first.status_code)
    return client.get(url, **extra)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/blog/",
        "post",
        "/blog/feed/",
        "/blog/feed/atom/",
        "/blog/theme/city-diplomacy/feed/json/",
        "/themes/",
        "/themes/city-diplomacy/",
        "/cities/",
        "/follow/",
        "/no-such-page/",
    ],
)
def test_a_second_anonymous_get_comes_from_the_cache(client, post, url, django_assert_num_queries):
    url = post.url if url == "post" else url
    first = client.get(url)
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.status_code == first.status_code
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=300" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_keyed_by_query_host_and_method(client, post):
    cached(client, "/blog/")
    assert client.get("/blog/?page=2")["X-Cache"] == "miss"
    assert client.get("/blog/", HTTP_HOST="other.example.org")["X-Cache"] == "miss"
    head = client.head("/blog/")
    assert head["X-Cache"] == "miss" and head.status_code == 200


def test_a_page_with_forms_caches_no_csrf_token_and_sets_no_cookie(client, post):
    for url in (post.url, "/themes/city-diplomacy/", "/follow/"):
        response = cached(client, url)
        assert response["X-Cache"] == "hit", url
        assert b"csrfmiddlewaretoken" not in response.content
        assert not response.cookies
        assert b"website/js/csrf.js" in response.content


def test_signed_in_readers_are_never_served_from_the_cache(client, post):
    cached(client, post.url)
    client.force_login(User.objects.create_user("rosa", password="pw"))
    for _ in range(2):
        response = client.get(post.url)
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert b"csrfmiddlewaretoken" in response.content


def test_posts_are_never_cached(client, post):
    for _ in range(2):
        response = client.post(post.url)
        assert "X-Cache" not in response


def test_private_pages_are_never_cached(client, blog, post):
    make_private(post)
    for _ in range(2):
        response = client.get(post.url)
        assert response.status_code == 200  # the password form
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_previews_are_never_cached(client, post):
    client.force_login(User.objects.create_superuser("admin", password="pw"))
    url = f"/admin/pages/{post.pk}/edit/preview/"
    for _ in range(2):
        assert "X-Cache" not in client.get(url)


def test_responses_that_set_cookies_are_never_cached(client, settings, db):
    settings.ROOT_URLCONF = __name__
    for _ in range(2):
        response = client.get("/sets-cookie/")
        assert response.cookies["chosen"].value == "1"
        assert "X-Cache" not in response


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(client, post):
    cached(client, post.url)
    client.cookies["messages"] = "anything"
    assert "X-Cache" not in client.get(post.url)


def test_off_when_seconds_is_zero(client, post, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = client.get(post.url)
        assert "X-Cache" not in response


def test_a_conditional_get_of_a_cached_feed_answers_304(client, post):
    response = cached(client, "/blog/feed/")
    assert response["X-Cache"] == "hit"
    again = client.get("/blog/feed/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["X-Cache"] == "hit"
    since = client.get("/blog/feed/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def publish_post(blog, post):
    make_post(blog, "A new post").save_revision().publish()


def unpublish(blog, post):
    post.unpublish()


def move(blog, post):
    other = make_post(blog, "Another post")
    post.move(other, pos="last-child")


def delete(blog, post):
    post.delete()


def approve_comment(blog, post):
    comment = add_comment(post, status=Comment.Status.PENDING)
    actions.set_status(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)


def remove_comment(blog, post):
    comment = Comment.objects.get(comment="A comment already there.")
    actions.set_status(Comment.objects.filter(pk=comment.pk), Comment.Status.REJECTED)


def delete_comment(blog, post):
    Comment.objects.get(comment="A comment already there.").delete()


def edit_theme(blog, post):
    theme = post.themes.get()
    theme.name = "City diplomacies"
    theme.save()


def edit_snippet(factory):
    def edit(blog, post):
        snippet = factory()
        snippet.name += " (edited)"
        snippet.save()

    edit.__name__ = f"edit_{factory.__name__}"
    return edit


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Partner</title>
<link>https://partner.example.org/</link><description>News</description>
<item><title>From a partner</title><link>https://partner.example.org/1</link>
<guid>https://partner.example.org/1</guid><description>Cities and their leaders.</description>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>"""


def import_posts(blog, post):
    source = FeedSource.objects.get(name="Partner")
    report = run_import(source, body=FEED)
    assert report.new == 1


@pytest.mark.parametrize(
    "change",
    [
        publish_post,
        unpublish,
        move,
        delete,
        approve_comment,
        remove_comment,
        delete_comment,
        edit_theme,
        edit_snippet(make_person),
        edit_snippet(make_organisation),
        edit_snippet(make_category),
        edit_snippet(make_series),
        edit_snippet(make_city),
        import_posts,
    ],
    ids=lambda change: change.__name__,
)
def test_every_change_makes_the_next_request_fresh(client, blog, post, change):
    add_comment(post, "A comment already there.")
    FeedSource.objects.create(
        name="Partner",
        url="https://partner.example.org/feed/",
        target_blog=blog,
        review_mode=FeedSource.ReviewMode.LIVE,
    )
    urls = ["/", "/blog/", "/blog/feed/", "/cities/", "/themes/city-diplomacy/"]
    for url in urls:
        assert cached(client, url)["X-Cache"] == "hit"
    with TestCase.captureOnCommitCallbacks(execute=True):
        change(blog, post)
    for url in urls:
        assert client.get(url)["X-Cache"] == "miss", url


def test_a_held_comment_keeps_the_cache(client, post):
    cached(client, post.url)
    add_comment(post, status=Comment.Status.PENDING)
    assert client.get(post.url)["X-Cache"] == "hit"


def fresh_token(client):
    response = client.get("/csrf/")
    assert "no-store" in response["Cache-Control"]
    assert "X-Cache" not in response
    token = response.json()["token"]
    assert client.cookies["csrftoken"].value
    return token


def test_a_comment_form_on_a_cached_page_posts_with_a_fresh_token(post):
    client = Client(enforce_csrf_checks=True)
    Client().get(post.url)  # another reader warms the cache
    page = client.get(post.url)
    assert page["X-Cache"] == "hit"
    form = comment_form(page.content.decode())
    data = {
        **form.values,
        "name": "Rosa Reader",
        "email": "rosa@example.org",
        "comment": "Mayors should listen more.",
    }
    assert client.post(form.attrs["action"], data).status_code == 403  # no token yet
    data["csrfmiddlewaretoken"] = fresh_token(client)
    response = client.post(form.attrs["action"], data, REMOTE_ADDR="10.1.1.2")
    assert response.status_code == 302
    assert Comment.objects.filter(user_email="rosa@example.org").exists()
    # The thank-you message comes with the next page, fresh, and never goes in the cache.
    after = client.get(post.url)
    assert "X-Cache" not in after and b"awaiting moderation" in after.content
    assert client.get(post.url)["X-Cache"] == "hit"


def test_a_refused_comment_is_explained_on_the_post_response_only(post):
    client = Client(enforce_csrf_checks=True)
    form = comment_form(cached(client, post.url).content.decode())
    data = {**form.values, "name": "Rosa", "email": "not an email", "comment": "Hi."}
    data["csrfmiddlewaretoken"] = fresh_token(client)
    refused = client.post(form.attrs["action"], data)
    assert refused.status_code == 400 and b"Your comment was not posted" in refused.content
    assert "X-Cache" not in refused
    again = client.get(post.url)
    assert again["X-Cache"] == "hit" and b"Your comment was not posted" not in again.content


def test_a_cached_comment_form_is_still_accepted_an_hour_later(post):
    """django_comments refuses a form two hours old: far more than a cached page's age."""
    client = Client(enforce_csrf_checks=True)
    form = comment_form(cached(client, post.url).content.decode())
    data = {**form.values, "name": "Rosa", "email": "rosa@example.org", "comment": "Late."}
    with freeze_time(timezone.now() + timedelta(hours=1)):
        data["csrfmiddlewaretoken"] = fresh_token(client)
        response = client.post(form.attrs["action"], data, REMOTE_ADDR="10.1.1.3")
    assert response.status_code == 302


@pytest.mark.parametrize("url", ["/themes/city-diplomacy/", "/follow/"])
def test_a_subscribe_form_on_a_cached_page_posts_with_a_fresh_token(theme, url, db):
    client = Client(enforce_csrf_checks=True)
    assert cached(client, url)["X-Cache"] == "hit"
    data = {"email": "sam@example.org", "themes": [theme.pk], "frequency": "weekly"}
    assert client.post("/follow/email/", data).status_code == 403
    data["csrfmiddlewaretoken"] = fresh_token(client)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/follow/email/", data)
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="sam@example.org").exists()


class PurgeListener:
    """An HTTP server on 127.0.0.1 that records each PURGE request as (Host, path)."""

    def __init__(self):
        purges = self.purges = []

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                purges.append((self.headers["Host"], self.path))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def publish_with_purge_listener(post, settings):
    """Publish ``post`` with the frontend cache pointed at a PurgeListener; return it."""
    with PurgeListener() as listener:
        settings.WAGTAILFRONTENDCACHE = {
            "http": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": listener.url,
            }
        }
        with TestCase.captureOnCommitCallbacks(execute=True):
            post.save_revision().publish()
    return listener


def test_publishing_purges_the_frontend_cache(blog, post, settings):
    listener = publish_with_purge_listener(post, settings)
    assert ("testserver", post.url) in listener.purges


def test_publishing_a_post_purges_every_listing_and_feed_that_shows_it(blog, theme, settings):
    post = make_post(
        blog,
        "Who speaks for the city",
        date=timezone.make_aware(datetime(2026, 5, 4, 12)),
        themes=[theme],
        categories=[make_category("Essays")],
        authors=[make_person("Ana Ruiz", slug="ana-ruiz")],
        cities=[make_city("Quito", country="EC", slug="quito")],
    )
    listener = publish_with_purge_listener(post, settings)
    purged = {path for host, path in listener.purges if host == "testserver"}
    archives = ["", "theme/city-diplomacy/", "category/essays/", "author/ana-ruiz/"]
    archives += ["2026/", "2026/05/"]
    for archive in archives:
        for feed in ["", "feed/", "feed/atom/", "feed/json/"]:
            assert f"/blog/{archive}{feed}" in purged
    assert {post.url, "/", "/themes/", "/themes/city-diplomacy/", "/cities/quito/"} <= purged
