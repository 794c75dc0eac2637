"""Host pages: home, theme hub, follow page and OPML, sitemap, robots, errors."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import make_category, make_person, make_post, make_series, make_theme
from website.models import HomePageFeaturedTheme


@pytest.fixture
def content(home, blog):
    sdg = make_theme(
        "urbanSDG",
        slug="urbansdg",
        hashtag="#urbanSDG",
        description="An urban goal in the global development agenda.",
    )
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy")
    unused = make_theme("Safer cities", slug="safer-cities")
    HomePageFeaturedTheme.objects.create(page=home, theme=sdg, sort_order=0)
    HomePageFeaturedTheme.objects.create(page=home, theme=diplomacy, sort_order=1)
    person = make_person("Josep Roig", role="Secretary General")
    category = make_category("Opinion")
    series = make_series("Cities Diplomacy Series")
    posts = [
        make_post(
            blog, "Urban month", days_ago=3, themes=[sdg], authors=[person], categories=[category]
        ),
        make_post(
            blog,
            "Lobbying cities",
            days_ago=2,
            themes=[diplomacy],
            series=series,
            series_position=1,
        ),
        make_post(blog, "Goal and diplomacy", days_ago=1, themes=[sdg, diplomacy]),
    ]
    return {"themes": [sdg, diplomacy, unused], "posts": posts}


def test_home_shows_latest_posts_and_featured_themes(client, content):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert [p.title for p in response.context["latest_posts"]] == [
        "Goal and diplomacy",
        "Lobbying cities",
        "Urban month",
    ]
    assert [t.name for t in response.context["featured_themes"]] == ["urbanSDG", "City diplomacy"]
    assert 'href="/themes/urbansdg/"' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<nav class="masthead__nav" aria-label="Main">' in html
    assert 'href="/blog/"' in html


def test_theme_index_counts_published_posts(client, content):
    response = client.get("/themes/")
    counts = {theme.slug: theme.post_count for theme in response.context["themes"]}
    assert counts == {"urbansdg": 2, "city-diplomacy": 2, "safer-cities": 0}


def test_theme_page_shows_posts_and_feeds(client, content):
    response = client.get("/themes/urbansdg/")
    assert response.status_code == 200
    html = response.content.decode()
    assert [p.title for p in response.context["posts"]] == ["Goal and diplomacy", "Urban month"]
    assert "#urbanSDG" in html and "An urban goal in the global development agenda." in html
    for suffix in ("feed/", "feed/atom/", "feed/json/"):
        assert f'href="/blog/theme/urbansdg/{suffix}"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_unknown_theme_page_is_404(client, content):
    assert client.get("/themes/nothing-here/").status_code == 404


def test_follow_page_lists_every_feed(client, content):
    html = client.get("/follow/").content.decode()
    for archive in (
        "",
        "theme/urbansdg/",
        "theme/city-diplomacy/",
        "category/opinion/",
        "author/josep-roig/",
        "series/cities-diplomacy-series/",
    ):
        for suffix in ("feed/", "feed/atom/", "feed/json/"):
            assert f'href="/blog/{archive}{suffix}"' in html, archive + suffix
    assert "safer-cities" not in html  # a theme without posts has nothing to follow yet
    assert 'href="/follow/themes.opml"' in html


def test_themes_opml_lists_each_theme_feed(client, content):
    response = client.get("/follow/themes.opml")
    assert response["Content-Type"].startswith("text/x-opml")
    outlines = ET.fromstring(response.content).findall(".//outline[@type='rss']")
    urls = sorted(outline.get("xmlUrl") for outline in outlines)
    assert urls == [
        f"http://testserver/blog/theme/{slug}/feed/"
        for slug in ("city-diplomacy", "safer-cities", "urbansdg")
    ]
    for url in urls:
        parsed = feedparser.parse(client.get(url.removeprefix("http://testserver")).content)
        assert parsed.bozo == 0


def test_sitemap_lists_pages(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        loc.text
        for loc in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }
    assert {
        "http://testserver/",
        "http://testserver/blog/",
        "http://testserver/blog/urban-month/",
    } <= locations


def test_robots_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_404_page_uses_the_site_template(client, content, settings):
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and '<main id="main"' in html


def test_post_meta_tags(client, content):
    html = client.get("/blog/urban-month/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Urban month">' in html
    assert '<meta name="description" content="Body text of post' in html
    assert '<link rel="canonical" href="http://testserver/blog/urban-month/">' in html


def test_pages_have_landmarks_and_a_skip_link(client, content):
    for path in ("/", "/blog/", "/blog/urban-month/", "/themes/", "/follow/", "/search/?q=x"):
        html = client.get(path).content.decode()
        assert '<a class="skip-link" href="#main">' in html, path
        assert '<header class="masthead">' in html and '<main id="main"' in html, path
        assert '<footer class="site-footer">' in html, path
        assert '<html lang="en">' in html, path
