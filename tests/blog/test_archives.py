"""Every archive route of the blog index, its pagination and its 404s."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import make_category, make_person, make_post, make_series, make_theme


def titles(response):
    return [post.title for post in response.context["posts"]]


@pytest.fixture
def archive_posts(blog):
    theme = make_theme("City diplomacy", slug="city-diplomacy", hashtag="#citydiplomacy")
    other_theme = make_theme("Climate action", slug="climate-action")
    category = make_category("Local Governance")
    person = make_person("Pablo Chillón")
    series = make_series("Cities Diplomacy Series")
    tz = timezone.get_current_timezone()
    first = make_post(
        blog,
        "Lobbying by cities",
        date=datetime(2014, 10, 7, 9, tzinfo=tz),
        themes=[theme],
        categories=[category],
        authors=[person],
        series=series,
        series_position=1,
    )
    second = make_post(
        blog,
        "Twinning revisited",
        date=datetime(2014, 11, 5, 9, tzinfo=tz),
        themes=[theme, other_theme],
        authors=[person],
        series=series,
        series_position=2,
    )
    third = make_post(
        blog,
        "The European arena",
        date=datetime(2014, 12, 7, 9, tzinfo=tz),
        themes=[other_theme],
        categories=[category],
    )
    return {
        "theme": theme,
        "category": category,
        "person": person,
        "series": series,
        "posts": [first, second, third],
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/blog/", ["The European arena", "Twinning revisited", "Lobbying by cities"]),
        ("/blog/theme/city-diplomacy/", ["Twinning revisited", "Lobbying by cities"]),
        ("/blog/category/local-governance/", ["The European arena", "Lobbying by cities"]),
        ("/blog/author/pablo-chillon/", ["Twinning revisited", "Lobbying by cities"]),
        ("/blog/series/cities-diplomacy-series/", ["Lobbying by cities", "Twinning revisited"]),
        ("/blog/2014/", ["The European arena", "Twinning revisited", "Lobbying by cities"]),
        ("/blog/2014/11/", ["Twinning revisited"]),
    ],
)
def test_archive_lists_its_posts_in_order(client, archive_posts, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/blog/theme/no-such-theme/",
        "/blog/category/nope/",
        "/blog/author/nobody/",
        "/blog/series/unknown/",
        "/blog/1999/",
        "/blog/2014/01/",
        "/blog/2014/13/",
        "/blog/theme/no-such-theme/feed/",
        "/blog/theme/no-such-theme/feed/atom/",
        "/blog/author/nobody/feed/json/",
        "/blog/feed/xml/",
        "/blog/no-such-post/",
    ],
)
def test_unknown_archives_are_404(client, archive_posts, path):
    assert client.get(path).status_code == 404


def test_archive_page_shows_its_title_and_feed_links(client, archive_posts):
    html = client.get("/blog/theme/city-diplomacy/").content.decode()
    assert "City diplomacy" in html
    for suffix, media_type in [
        ("feed/", "application/rss+xml"),
        ("feed/atom/", "application/atom+xml"),
        ("feed/json/", "application/feed+json"),
    ]:
        assert f'<link rel="alternate" type="{media_type}" title="City diplomacy' in html
        assert (
            f'href="http://testserver/blog/theme/city-diplomacy/{suffix}"' in html
            or f'href="/blog/theme/city-diplomacy/{suffix}"' in html
        )


@pytest.fixture
def many_posts(blog):
    return [make_post(blog, f"Numbered {n:02d}", days_ago=n) for n in range(1, 24)]


def test_pagination_walks_every_post_once(client, many_posts, settings):
    settings.BLOG_POSTS_PER_PAGE = 10
    seen = []
    for number in (1, 2, 3):
        response = client.get(f"/blog/?page={number}")
        assert response.status_code == 200
        seen += titles(response)
    assert seen == [f"Numbered {n:02d}" for n in range(1, 24)]
    assert 'rel="next"' not in client.get("/blog/?page=3").content.decode()


@pytest.mark.parametrize("page", ["0", "4", "-1", "abc", "1.5", "", "99999999999999999999"])
def test_pagination_edges_are_404(client, many_posts, settings, page):
    settings.BLOG_POSTS_PER_PAGE = 10
    assert client.get(f"/blog/?page={page}").status_code == 404


def test_empty_blog_lists_nothing_without_error(client, blog):
    response = client.get("/blog/")
    assert response.status_code == 200
    assert titles(response) == []
    assert "No posts here yet." in response.content.decode()


def test_reserved_slugs_are_refused(blog):
    from django.core.exceptions import ValidationError

    for slug in ("feed", "theme", "2014"):
        post = make_post(blog, f"Reserved {slug}")
        post.slug = slug
        with pytest.raises(ValidationError):
            post.full_clean()


def test_month_archive_uses_local_dates(client, blog, settings):
    settings.TIME_ZONE = "UTC"
    late = datetime(2014, 10, 31, 23, 30, tzinfo=timezone.get_fixed_timezone(0))
    make_post(blog, "Last day of October", date=late)
    assert titles(client.get("/blog/2014/10/")) == ["Last day of October"]
    assert client.get("/blog/2014/11/").status_code == 404


def test_future_dated_post_is_not_listed(client, blog):
    make_post(blog, "Tomorrow", date=timezone.now() + timedelta(days=1))
    make_post(blog, "Yesterday", days_ago=1)
    assert titles(client.get("/blog/")) == ["Yesterday"]
