"""Drafts, private posts and future-dated posts never reach a reader by any road."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_person, make_post, make_private, make_theme

HIDDEN = ["Secret draft", "Private memo", "Embargoed news"]

READER_PATHS = [
    "/",
    "/blog/",
    "/blog/theme/shared/",
    "/blog/author/writer/",
    "/blog/feed/",
    "/blog/feed/atom/",
    "/blog/feed/json/",
    "/blog/theme/shared/feed/",
    "/themes/",
    "/themes/shared/",
    "/search/?q=cities",
    "/sitemap.xml",
    "/blog/visible-post/",
]


@pytest.fixture
def hidden_posts(blog):
    theme = make_theme("Shared", slug="shared")
    writer = make_person("Writer")
    common = {"themes": [theme], "authors": [writer]}
    make_post(blog, "Visible post", days_ago=2, **common)
    make_post(blog, "Secret draft", days_ago=1, live=False, **common)
    make_private(make_post(blog, "Private memo", days_ago=1, **common))
    make_post(blog, "Embargoed news", date=timezone.now() + timedelta(days=2), **common)


@pytest.mark.parametrize("path", READER_PATHS)
def test_hidden_posts_appear_nowhere(client, hidden_posts, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    for title in HIDDEN:
        assert title not in body
        assert title.lower().replace(" ", "-") not in body


def test_visible_post_is_listed_everywhere(client, hidden_posts):
    assert "Visible post" in client.get("/blog/").content.decode()
    assert "Visible post" in client.get("/search/?q=cities").content.decode()
    assert "/blog/visible-post/" in client.get("/sitemap.xml").content.decode()
    feed = json.loads(client.get("/blog/feed/json/").content)
    assert [item["title"] for item in feed["items"]] == ["Visible post"]


def test_future_post_page_is_404_for_readers_but_open_to_editors(
    client, hidden_posts, django_user_model
):
    assert client.get("/blog/embargoed-news/").status_code == 404
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    assert client.get("/blog/embargoed-news/").status_code == 200


def test_draft_and_private_post_pages_are_closed(client, hidden_posts):
    assert client.get("/blog/secret-draft/").status_code == 404
    private = client.get("/blog/private-memo/")
    assert private.status_code == 200
    main = private.content.decode().split("<main", 1)[1]
    assert "Password required" in main
    assert "Private memo" not in main
