"""The host's pages in English, French and Spanish: each language lists its own pages,
searches its own words, and links to the others (switcher, hreflang, sitemap)."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_city, make_post, make_theme, translate_page
from tests.website.test_search import SEARCH_BUDGET

LANGUAGES = {
    # code: (prefix, post title, theme name)
    "en": ("", "Housing in Medellín and other cities", "Housing"),
    "fr": ("/fr", "Le logement dans les villes de Medellín", "Logement"),
    "es": ("/es", "La vivienda en las ciudades de Medellín", "Vivienda"),
}
TITLES = {code: title for code, (_prefix, title, _name) in LANGUAGES.items()}
OPML_TITLES = {
    "en": "City Forum: theme feeds",
    "fr": "City Forum : flux des thèmes",
    "es": "City Forum: canales de los temas",
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def tree(blog, django_capture_on_commit_callbacks):
    """One post in three languages, about one theme and one city."""
    housing = make_theme(
        "Housing",
        slug="housing",
        translations={"fr": {"name": "Logement"}, "es": {"name": "Vivienda"}},
    )
    city = make_city("Medellín", country="CO", slug="medellin")
    with django_capture_on_commit_callbacks(execute=True):  # the search index
        post = make_post(
            blog, TITLES["en"], days_ago=1, themes=[housing], cities=[city], slug="housing"
        )
        translations = {
            code: translate_page(post, code, title=TITLES[code]) for code in ("fr", "es")
        }
    return {"post": post, **translations}


def other_titles(code):
    return [title for other, title in TITLES.items() if other != code]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("route", ["/", "/themes/housing/", "/cities/medellin/"])
def test_each_language_lists_its_own_posts(client, tree, code, route):
    prefix, title, theme_name = LANGUAGES[code]
    response = client.get(prefix + route)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert title in html
    for other in other_titles(code):
        assert other not in html
    if route == "/themes/housing/":
        assert f"<h1>{theme_name}</h1>" in html


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    "route", ["/themes/", "/themes/housing/", "/cities/", "/cities/medellin/", "/follow/"]
)
def test_site_routes_link_to_the_same_route_in_every_language(client, tree, code, route):
    prefix = LANGUAGES[code][0]
    html = client.get(prefix + route).content.decode()
    assert f'<html lang="{code}">' in html
    for other, (other_prefix, _title, _name) in LANGUAGES.items():
        href = f"{other_prefix}{route}"
        assert f'<a href="{href}" hreflang="{other}"' in html  # the switcher
        assert f'hreflang="{other}" href="http://testserver{href}"' in html  # the head
    assert f'hreflang="x-default" href="http://testserver{route}"' in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_theme_index_and_city_index_count_the_language_s_posts(client, tree, code):
    prefix, _title, theme_name = LANGUAGES[code]
    themes = client.get(f"{prefix}/themes/").context["themes"]
    assert [(t.translated_name, t.post_count) for t in themes] == [(theme_name, 1)]
    countries = client.get(f"{prefix}/cities/").context["countries"]
    assert [[city.post_count for city in cities] for _country, cities in countries] == [[1]]


@pytest.mark.parametrize("code", LANGUAGES)
def test_follow_page_and_opml_list_the_language_s_feeds(client, tree, code):
    prefix, _title, theme_name = LANGUAGES[code]
    html = client.get(f"{prefix}/follow/").content.decode()
    assert f'href="{prefix}/blog/feed/"' in html
    assert f'<a href="{prefix}/blog/theme/housing/">{theme_name}</a>' in html
    for other, (other_prefix, _t, _n) in LANGUAGES.items():
        if other != code:
            assert f'href="{other_prefix}/blog/feed/"' not in html
    opml = ET.fromstring(client.get(f"{prefix}/follow/themes.opml").content)
    feeds = [(o.get("title"), o.get("xmlUrl")) for o in opml.iter("outline") if o.get("xmlUrl")]
    blog_title = tree["post" if code == "en" else code].get_parent().title
    assert feeds == [
        (
            f"{theme_name} — {blog_title}",
            f"http://testserver{prefix}/blog/theme/housing/feed/",
        )
    ]
    assert opml.find("head/title").text == OPML_TITLES[code]


def result_titles(response):
    return [post.title for post in response.context["results"]]


@pytest.mark.parametrize("code", LANGUAGES)
def test_search_finds_the_language_s_pages_only(client, tree, code):
    prefix = LANGUAGES[code][0]
    response = client.get(f"{prefix}/search/?q=Medellín")
    assert response.status_code == 200
    assert result_titles(response) == [TITLES[code]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming: PostgreSQL only")
# ("es", "ciudad") would not do: Snowball stems "ciudades" to "ciudad" but "ciudad" to "ciud".
@pytest.mark.parametrize(
    "code, word",
    [("fr", "ville"), ("fr", "logements"), ("es", "viviendas"), ("en", "city")],
)
def test_postgresql_stems_each_language_s_words(client, tree, code, word):
    prefix = LANGUAGES[code][0]
    assert result_titles(client.get(f"{prefix}/search/?q={word}")) == [TITLES[code]]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("query", ["Medellin", "MEDELLÍN"])
def test_search_ignores_accents_and_case(client, tree, code, query):
    if connection.vendor != "sqlite" and query == "Medellin":
        pytest.skip("PostgreSQL's language configurations keep accents")
    prefix = LANGUAGES[code][0]
    assert result_titles(client.get(f"{prefix}/search/?q={query}")) == [TITLES[code]]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 tokenizer: SQLite")
def test_sqlite_folds_every_diacritic_both_ways(client, blog, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_post(blog, "Hà Nội builds a metro", days_ago=2)
        make_post(blog, "Bogota without cars", days_ago=3)
    assert result_titles(client.get("/search/?q=Ha+Noi")) == ["Hà Nội builds a metro"]
    assert result_titles(client.get("/search/?q=Bogotá")) == ["Bogota without cars"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_search_query_budget_holds_in_every_language(client, tree, code):
    prefix = LANGUAGES[code][0]
    client.get(f"{prefix}/search/?q=Medellín")  # fills the site and menu cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{prefix}/search/?q=Medellín").status_code == 200
    assert len(captured) <= SEARCH_BUDGET


def test_sitemap_lists_every_language_with_its_alternates(client, tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")
    }
    posts = {
        code: f"http://testserver{prefix}/blog/housing/" for code, (prefix, *_) in LANGUAGES.items()
    }
    homes = {code: f"http://testserver{prefix}/" for code, (prefix, *_) in LANGUAGES.items()}
    for versions in (posts, homes):
        alternates = {**versions, "x-default": versions["en"]}
        for location in versions.values():
            assert entries[location] == alternates


def test_unknown_language_prefix_is_404_and_english_prefix_redirects(client, tree):
    assert client.get("/de/themes/").status_code == 404
    response = client.get("/en/themes/housing/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/themes/housing/?page=2"


def test_a_language_without_pages_sends_readers_to_the_default_s_until_translated(client, blog):
    make_post(blog, "Housing in Medellín", days_ago=1, slug="housing")
    for path in ("/fr/", "/fr/blog/", "/fr/blog/housing/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == path.removeprefix("/fr"), path
    translate_page(blog, "fr", title="Blog de débat")  # publishing it renews the cached home
    response = client.get("/fr/blog/")
    assert response.status_code == 200
    assert "Blog de débat" in response.content.decode()
    assert client.get("/fr/blog/housing/").status_code == 404  # not translated: none in French


def test_a_blog_archive_links_to_the_same_archive_in_each_language(client, tree):
    html = client.get("/fr/blog/theme/housing/").content.decode()
    for code, (prefix, _title, _name) in LANGUAGES.items():
        assert f'<a href="{prefix}/blog/theme/housing/" hreflang="{code}"' in html
