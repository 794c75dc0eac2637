"""A post's body is rendered once and shown as it is now: every edit, and every preview,
renders afresh."""

import feedparser
from django.core.cache import cache

from blog.rendering import body_cache_key
from tests.factories import make_post


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def test_the_page_and_the_feeds_share_one_rendering(client, blog):
    post = make_post(blog, "Rendered once", body=paragraph("Words about Quito."), days_ago=1)
    assert "Words about Quito." in client.get(post.url).content.decode()
    assert "Words about Quito." in cache.get(body_cache_key(post))
    entry = feedparser.parse(client.get("/blog/feed/").content).entries[0]
    assert "Words about Quito." in entry.content[0].value


def test_a_published_edit_shows_at_once_on_the_page_and_in_the_feed(client, blog):
    post = make_post(blog, "Edited", body=paragraph("The first version."), days_ago=1)
    client.get(post.url), client.get("/blog/feed/")  # both rendered and cached
    post.body = paragraph("The second version.")
    post.save_revision().publish()
    html = client.get(post.url).content.decode()
    assert "The second version." in html and "The first version." not in html
    feed = client.get("/blog/feed/").content.decode()
    assert "The second version." in feed and "The first version." not in feed


def test_a_preview_shows_the_draft_and_the_page_stays_as_published(client, blog):
    post = make_post(blog, "Drafted", body=paragraph("The published words."), days_ago=1)
    client.get(post.url)
    post.body = paragraph("The draft words.")
    post.save_revision()
    preview = post.get_latest_revision_as_object().make_preview_request()
    assert "The draft words." in preview.content.decode()
    html = client.get(post.url).content.decode()
    assert "The published words." in html and "The draft words." not in html
