"""The post page: every block, authors, series navigation, related posts."""

from datetime import UTC, datetime

import pytest

from blog.models import body_excerpt
from tests.factories import make_category, make_person, make_post, make_series, make_theme


@pytest.fixture
def series_posts(blog):
    series = make_series("Cities Diplomacy Series")
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy")
    networks = make_theme("City networks", slug="city-networks")
    author = make_person("Pablo Chillón", role="Researcher", bio="<p>Writes on advocacy.</p>")
    coauthor = make_person("Ana Gómez")
    body = [
        ("heading", {"text": "Why cities lobby", "level": "h2"}),
        ("paragraph", "<p>Cities <b>negotiate</b> with states &amp; networks.</p>"),
        ("quote", {"quote": "Cities speak\nfor citizens.", "attribution": "A mayor"}),
        ("callout", {"title": "In short", "text": "<p>Advocacy is local.</p>"}),
    ]
    first = make_post(
        blog,
        "Part one",
        date=datetime(2014, 10, 7, tzinfo=UTC),
        series=series,
        series_position=1,
        themes=[diplomacy, networks],
        authors=[author, coauthor],
        categories=[make_category("Opinion")],
        body=body,
    )
    second = make_post(
        blog,
        "Part two",
        date=datetime(2014, 11, 5, tzinfo=UTC),
        series=series,
        series_position=2,
        themes=[diplomacy, networks],
    )
    loosely = make_post(blog, "Networks only", days_ago=1, themes=[networks])
    make_post(blog, "Unrelated", days_ago=2)
    return first, second, loosely


def test_every_block_renders(client, series_posts):
    html = client.get("/blog/part-one/").content.decode()
    assert "<h2>Why cities lobby</h2>" in html
    assert "Cities <b>negotiate</b> with states &amp; networks." in html
    assert "<blockquote><p>Cities speak<br>for citizens.</p></blockquote>" in html
    assert "<figcaption>— A mayor</figcaption>" in html
    assert '<aside class="callout">' in html and "Advocacy is local." in html


def test_authors_bios_and_archive_links(client, series_posts):
    html = client.get("/blog/part-one/").content.decode()
    assert 'By <a href="/blog/author/pablo-chillon/">Pablo Chillón</a> and ' in html
    assert "Writes on advocacy." in html
    assert "About the authors" in html
    assert 'href="/blog/category/opinion/"' in html


def test_series_navigation(client, series_posts):
    first = client.get("/blog/part-one/")
    assert first.context["series_previous"] is None
    assert first.context["series_next"].title == "Part two"
    second = client.get("/blog/part-two/")
    assert second.context["series_previous"].title == "Part one"
    assert 'href="/blog/series/cities-diplomacy-series/"' in second.content.decode()


def test_related_posts_rank_by_shared_themes_then_date(client, series_posts):
    related = client.get("/blog/part-one/").context["related_posts"]
    assert [post.title for post in related] == ["Part two", "Networks only"]
    assert client.get("/blog/unrelated/").context["related_posts"] == []


def test_excerpt_falls_back_to_the_body(series_posts):
    first, *_ = series_posts
    assert first.excerpt == ""
    assert first.summary == "Cities negotiate with states & networks."


def test_body_excerpt_cuts_at_a_word_boundary():
    body = [("paragraph", "<p>" + " ".join(f"word{n}" for n in range(100)) + "</p>")]
    from blog.blocks import BlogBodyBlock

    stream = BlogBodyBlock().to_python([{"type": t, "value": v} for t, v in body])
    excerpt = body_excerpt(stream, words=5)
    assert excerpt == "word0 word1 word2 word3 word4…"


def test_partner_post_links_to_its_original(client, blog):
    from tests.factories import make_organisation

    partner = make_organisation("UCLG")
    make_post(
        blog,
        "From a partner",
        days_ago=1,
        partner=partner,
        source_url="https://partner.example.org/news/42",
    )
    html = client.get("/blog/from-a-partner/").content.decode()
    assert '<link rel="canonical" href="https://partner.example.org/news/42">' in html
    assert "First published by UCLG" in html
    assert 'rel="nofollow noopener"' in html
