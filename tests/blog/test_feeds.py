"""Every archive's feeds, read back the way a feed reader would."""

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone
from django.utils.http import http_date

from tests.factories import make_category, make_person, make_post, make_series, make_theme

ARCHIVES = [
    "",
    "theme/urbansdg/",
    "category/opinion/",
    "author/greg-clark/",
    "series/city-diaries/",
    "2014/",
    "2014/10/",
]


@pytest.fixture
def feed_posts(blog):
    theme = make_theme("urbanSDG", slug="urbansdg", hashtag="#urbanSDG")
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy")
    greg = make_person("Greg Clark")
    josep = make_person("Josep Roig")
    opinion = make_category("Opinion")
    series = make_series("City diaries")
    common = {
        "themes": [theme, diplomacy],
        "authors": [greg, josep],
        "categories": [opinion],
        "series": series,
    }
    posts = [
        make_post(
            blog,
            "An urban goal for the world",
            date=datetime(2014, 10, 1, 9, tzinfo=UTC),
            series_position=1,
            **common,
            body=[("paragraph", '<p>Read <a href="/blog/">the blog</a> &amp; more.</p>')],
        ),
        make_post(
            blog,
            "London's twenty-five years",
            date=datetime(2014, 10, 15, 9, tzinfo=UTC),
            series_position=2,
            **common,
        ),
        make_post(
            blog,
            "A day for cities",
            date=datetime(2014, 10, 30, 9, tzinfo=UTC),
            series_position=3,
            **common,
        ),
    ]
    # Never in any feed:
    make_post(blog, "Draft post", date=datetime(2014, 10, 2, tzinfo=UTC), live=False, **common)
    make_post(blog, "Future post", date=timezone.now() + timedelta(days=3), **common)
    return posts


def parse(response):
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("archive", ARCHIVES)
@pytest.mark.parametrize(("suffix", "version"), [("feed/", "rss20"), ("feed/atom/", "atom10")])
def test_xml_feeds_parse_with_the_right_entries(client, feed_posts, archive, suffix, version):
    response = client.get(f"/blog/{archive}{suffix}")
    assert response.status_code == 200
    parsed = parse(response)
    assert parsed.version == version
    assert [entry.title for entry in parsed.entries] == [
        "A day for cities",
        "London's twenty-five years",
        "An urban goal for the world",
    ]
    first = parsed.entries[0]
    assert first.link == "http://testserver/blog/a-day-for-cities/"
    assert first.id == f"urn:uuid:{feed_posts[2].translation_key}"
    assert first.published_parsed[:5] == (2014, 10, 30, 9, 0)
    assert [author.name for author in first.authors] == ["Greg Clark", "Josep Roig"]
    assert {tag.term for tag in first.tags} == {"urbanSDG", "City diplomacy"}
    assert parsed.feed.link == f"http://testserver/blog/{archive}"


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_xml_feeds_carry_full_content_with_absolute_links(client, feed_posts, suffix):
    entry = parse(client.get(f"/blog/{suffix}")).entries[-1]
    html = entry.content[0].value
    assert 'href="http://testserver/blog/"' in html
    assert "the blog</a> &amp; more." in html
    assert entry.summary


def test_json_feed_follows_the_1_1_spec(client, feed_posts):
    response = client.get("/blog/theme/urbansdg/feed/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == "http://testserver/blog/theme/urbansdg/"
    assert feed["feed_url"] == "http://testserver/blog/theme/urbansdg/feed/json/"
    items = feed["items"]
    assert [item["title"] for item in items] == [
        "A day for cities",
        "London's twenty-five years",
        "An urban goal for the world",
    ]
    for item in items:
        assert item["id"].startswith("urn:uuid:")
        assert item["url"].startswith("http://testserver/blog/")
        assert item["content_html"]
        assert datetime.fromisoformat(item["date_published"]).tzinfo is not None
        assert [a["name"] for a in item["authors"]] == ["Greg Clark", "Josep Roig"]
        assert item["authors"][0]["url"] == "http://testserver/blog/author/greg-clark/"
        assert set(item["tags"]) == {"urbanSDG", "City diplomacy"}
    assert len({item["id"] for item in items}) == len(items)


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/", "feed/json/"])
def test_feed_ids_are_stable_across_renames(client, feed_posts, suffix):
    before = client.get(f"/blog/{suffix}").content
    post = feed_posts[0]
    post.slug = "renamed"
    post.save()
    after = client.get(f"/blog/{suffix}").content
    key = str(post.translation_key).encode()
    assert key in before and key in after


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/", "feed/json/"])
def test_conditional_get_answers_304(client, feed_posts, suffix):
    response = client.get(f"/blog/{suffix}")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert last_modified == http_date(datetime(2014, 10, 30, 9, tzinfo=UTC).timestamp())

    assert client.get(f"/blog/{suffix}", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(f"/blog/{suffix}", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(f"/blog/{suffix}", HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_publishing_a_post_changes_the_etag(client, blog, feed_posts):
    etag = client.get("/blog/feed/")["ETag"]
    make_post(blog, "Fresh news", days_ago=0)
    response = client.get("/blog/feed/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert parse(response).entries[0].title == "Fresh news"


def test_feed_length_is_capped(client, blog, settings):
    settings.BLOG_FEED_LENGTH = 5
    for n in range(8):
        make_post(blog, f"Item {n}", days_ago=n)
    assert len(parse(client.get("/blog/feed/")).entries) == 5


def test_empty_feed_is_still_valid(client, blog):
    assert parse(client.get("/blog/feed/atom/")).entries == []
    assert json.loads(client.get("/blog/feed/json/").content)["items"] == []
