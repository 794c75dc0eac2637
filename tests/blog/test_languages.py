"""The blog in English, French and Spanish: every route answers in its language and lists
that language's posts only, feeds say their language, dates read as their readers write
them, and the hidden posts (draft, private, future) stay out in every language."""

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from blog.models import BlogIndexPage, BlogPage
from tests.factories import (
    make_category,
    make_person,
    make_post,
    make_private,
    make_series,
    make_theme,
    translate_page,
)

LANGUAGES = ["en", "fr", "es"]
PREFIX = {"en": "", "fr": "/fr", "es": "/es"}

THEME_NAMES = {"en": "City diplomacy", "fr": "Diplomatie urbaine", "es": "Diplomacia urbana"}
THEME_DESCRIPTIONS = {
    "en": "How cities act abroad.",
    "fr": "Comment les villes agissent à l’étranger.",
    "es": "Cómo actúan las ciudades en el exterior.",
}
CATEGORY_NAMES = {"en": "Analysis", "fr": "Analyse", "es": "Análisis"}
SERIES_NAMES = {"en": "Mayors abroad", "fr": "Maires à l’étranger", "es": "Alcaldes en el exterior"}
POST_TITLES = {
    "en": "Cities on the world stage",
    "fr": "Les villes sur la scène mondiale",
    "es": "Las ciudades en la escena mundial",
}
# A second post of each language, not translated: it exists in that language only.
OWN_TITLES = {
    "en": "Only in English",
    "fr": "Seulement en français",
    "es": "Solo en español",
}
DATES = {"en": "7 December 2014", "fr": "7 décembre 2014", "es": "7 de diciembre de 2014"}
MONTHS = {"en": "December 2014", "fr": "décembre 2014", "es": "diciembre de 2014"}
FEED_DESCRIPTIONS = {
    "en": "The latest posts from City Forum.",
    "fr": "Les derniers articles de City Forum.",
    "es": "Las últimas entradas de City Forum.",
}
FOLLOW_THEME = {
    "en": "Follow this theme:",
    "fr": "Suivre ce thème\u00a0:",
    "es": "Seguir este tema:",
}
KIND_THEME = {"en": "Theme", "fr": "Thème", "es": "Tema"}

ARCHIVES = ["", "theme/city-diplomacy/", "category/analysis/", "author/ada-lovelace/",
            "series/mayors-abroad/", "2014/", "2014/12/"]  # fmt: skip
FEEDS = ["feed/", "feed/atom/", "feed/json/"]
POST_DATE = datetime(2014, 12, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
def trilingual(blog):
    """The English blog and its French and Spanish translations, each with the translated
    post, a post of its own, and a draft, a private and a future post."""
    theme = make_theme(
        "City diplomacy", slug="city-diplomacy", description=THEME_DESCRIPTIONS["en"]
    )
    theme.translations = {
        code: {"name": THEME_NAMES[code], "description": THEME_DESCRIPTIONS[code]}
        for code in ("fr", "es")
    }
    theme.save()
    category = make_category("Analysis")
    category.translations = {code: {"name": CATEGORY_NAMES[code]} for code in ("fr", "es")}
    category.save()
    series = make_series("Mayors abroad")
    series.translations = {code: {"name": SERIES_NAMES[code]} for code in ("fr", "es")}
    series.save()
    author = make_person("Ada Lovelace")

    common = {"themes": [theme], "categories": [category], "authors": [author]}
    english = make_post(
        blog, POST_TITLES["en"], date=POST_DATE, series=series, series_position=1, **common
    )
    blogs = {"en": blog}
    posts = {"en": english}
    for code in ("fr", "es"):
        blogs[code] = translate_page(blog, code, title=f"Blog ({code})")
        posts[code] = translate_page(english, code, title=POST_TITLES[code])
    for code, index in blogs.items():
        make_post(index, OWN_TITLES[code], date=POST_DATE + timedelta(hours=1), **common)
        make_post(index, f"Draft {code}", live=False, **common)
        make_post(index, f"Future {code}", date=timezone.now() + timedelta(days=3), **common)
        make_private(make_post(index, f"Private {code}", date=POST_DATE, **common))
    return blogs, posts


def hidden_titles():
    return [f"{kind} {code}" for kind in ("Draft", "Future", "Private") for code in LANGUAGES]


def others(code, titles):
    return [title for other, title in titles.items() if other != code]


def test_each_blog_and_post_is_in_its_own_locale(trilingual):
    blogs, posts = trilingual
    for code in LANGUAGES:
        assert blogs[code].locale.language_code == code
        assert posts[code].locale.language_code == code
        assert posts[code].get_parent().pk == blogs[code].pk
    assert blogs["fr"].url == "/fr/blog/"
    assert posts["es"].url == "/es/blog/cities-on-the-world-stage/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_archive_answers_in_its_language_with_its_posts_only(client, trilingual, code):
    for archive in ARCHIVES:
        response = client.get(f"{PREFIX[code]}/blog/{archive}")
        assert response.status_code == 200, archive
        html = response.content.decode()
        assert f'<html lang="{code}">' in html, archive
        assert POST_TITLES[code] in html, archive
        if archive != "series/mayors-abroad/":  # the series holds the translated post only
            assert OWN_TITLES[code] in html, archive
        for title in others(code, POST_TITLES) + others(code, OWN_TITLES) + hidden_titles():
            assert title not in html, (archive, title)


@pytest.mark.parametrize("code", LANGUAGES)
def test_post_page_in_its_language(client, trilingual, code):
    _blogs, posts = trilingual
    response = client.get(posts[code].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert f"<h1>{POST_TITLES[code]}</h1>" in html
    assert DATES[code] in html
    assert CATEGORY_NAMES[code] in html
    assert SERIES_NAMES[code] in html
    # Related posts: the other post of the same language, never another language's.
    assert OWN_TITLES[code] in html
    for title in others(code, POST_TITLES) + others(code, OWN_TITLES) + hidden_titles():
        assert title not in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_listing_dates_and_labels_in_the_readers_language(client, trilingual, code):
    html = client.get(f"{PREFIX[code]}/blog/theme/city-diplomacy/").content.decode()
    assert DATES[code] in html
    assert f"<h1>{THEME_NAMES[code]}</h1>" in html
    assert THEME_DESCRIPTIONS[code] in html
    assert FOLLOW_THEME[code] in html
    assert f"· {KIND_THEME[code]}</p>" in html
    month = client.get(f"{PREFIX[code]}/blog/2014/12/").content.decode()
    assert f"<h1>{MONTHS[code]}</h1>" in month


@pytest.mark.parametrize("code", ["fr", "es"])
def test_pagination_labels_are_translated(client, trilingual, code, settings):
    settings.BLOG_POSTS_PER_PAGE = 1
    first = client.get(f"{PREFIX[code]}/blog/").content.decode()
    second = client.get(f"{PREFIX[code]}/blog/?page=2").content.decode()
    older = {"fr": "Articles plus anciens →", "es": "Entradas anteriores →"}[code]
    newer = {"fr": "← Articles plus récents", "es": "← Entradas más recientes"}[code]
    page = {"fr": "Page 2", "es": "Página 2"}[code]
    assert older in first and "Older posts" not in first
    assert newer in second and page in second


@pytest.mark.parametrize("code", LANGUAGES)
def test_hidden_posts_answer_404_to_readers_in_every_language(client, trilingual, code):
    blogs, _posts = trilingual
    for kind in ("Draft", "Future"):
        post = BlogPage.objects.child_of(blogs[code]).get(title=f"{kind} {code}")
        assert client.get(post.url).status_code == 404
    private = BlogPage.objects.child_of(blogs[code]).get(title=f"Private {code}")
    response = client.get(private.url)
    assert response.status_code == 200  # the password form, not the post
    assert "Body text of post" not in response.content.decode()


def read_feed(response):
    """(language, home link, entry titles) of an RSS, Atom or JSON feed, parsed back."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/feed+json"):
        feed = json.loads(response.content)
        return feed["language"], feed["home_page_url"], [item["title"] for item in feed["items"]]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed.feed.language, parsed.feed.link, [entry.title for entry in parsed.entries]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_feed_is_in_its_language_with_its_posts_only(client, trilingual, code):
    for archive in ARCHIVES:
        for feed in FEEDS:
            path = f"{PREFIX[code]}/blog/{archive}{feed}"
            language, link, titles = read_feed(client.get(path))
            assert language == code, path
            assert link == f"http://testserver{PREFIX[code]}/blog/{archive}", path
            assert POST_TITLES[code] in titles, path
            for title in others(code, POST_TITLES) + others(code, OWN_TITLES) + hidden_titles():
                assert title not in titles, (path, title)


@pytest.mark.parametrize("code", LANGUAGES)
def test_feed_titles_descriptions_and_categories_are_translated(client, trilingual, code):
    blog_feed = feedparser.parse(client.get(f"{PREFIX[code]}/blog/feed/").content)
    assert blog_feed.feed.title == "City Forum"
    assert blog_feed.feed.description == FEED_DESCRIPTIONS[code]
    theme_feed = feedparser.parse(
        client.get(f"{PREFIX[code]}/blog/theme/city-diplomacy/feed/").content
    )
    separator = "\u00a0: " if code == "fr" else ": "
    assert theme_feed.feed.title == f"City Forum{separator}{THEME_NAMES[code]}"
    assert theme_feed.feed.description == THEME_DESCRIPTIONS[code]
    [entry] = [e for e in theme_feed.entries if e.title == POST_TITLES[code]]
    assert [tag.term for tag in entry.tags] == [THEME_NAMES[code]]
    assert entry.link == f"http://testserver{PREFIX[code]}/blog/cities-on-the-world-stage/"
    json_feed = json.loads(client.get(f"{PREFIX[code]}/blog/feed/json/").content)
    assert json_feed["description"] == FEED_DESCRIPTIONS[code]
    [item] = [i for i in json_feed["items"] if i["title"] == POST_TITLES[code]]
    assert item["tags"] == [THEME_NAMES[code]]


def test_atom_feed_sets_xml_lang(client, trilingual):
    for code in LANGUAGES:
        body = client.get(f"{PREFIX[code]}/blog/feed/atom/").content.decode()
        assert f'xml:lang="{code}"' in body
        body = client.get(f"{PREFIX[code]}/blog/feed/").content.decode()
        assert f"<language>{code}</language>" in body


@pytest.mark.parametrize("code", LANGUAGES)
def test_page_links_carry_the_feeds_of_the_language(client, trilingual, code):
    html = client.get(f"{PREFIX[code]}/blog/").content.decode()
    assert f'href="{PREFIX[code]}/blog/feed/atom/"' in html


@pytest.mark.parametrize(
    "path", ["/de/blog/", "/de/blog/feed/", "/de/blog/cities-on-the-world-stage/", "/fr/blog/nope/"]
)
def test_unknown_language_prefix_or_post_is_404(client, trilingual, path):
    assert client.get(path).status_code == 404


def test_a_post_under_another_languages_prefix_goes_to_its_own_address(client, trilingual):
    """The French address of an English-only post is no French page: 404, not the English."""
    assert client.get("/fr/blog/only-in-english/").status_code == 404


def test_in_locale_defaults_to_the_active_language(trilingual):
    _blogs, posts = trilingual
    for code in LANGUAGES:
        with translation.override(code):
            titles = set(BlogPage.objects.published().in_locale().values_list("title", flat=True))
        assert titles == {POST_TITLES[code], OWN_TITLES[code]}
    french = Locale.objects.get(language_code="fr")
    assert set(BlogPage.objects.in_locale(french).values_list("pk", flat=True)) == set(
        BlogPage.objects.child_of(BlogIndexPage.objects.get(locale=french)).values_list(
            "pk", flat=True
        )
    )
    with translation.override("fr"):  # an explicit locale wins over the active language
        assert posts["es"].pk in BlogPage.objects.in_locale(posts["es"].locale_id).values_list(
            "pk", flat=True
        )


def test_series_neighbours_stay_in_the_posts_language(trilingual):
    blogs, posts = trilingual
    series = posts["en"].series
    second = {
        code: make_post(blogs[code], f"Second part {code}", series=series, series_position=2)
        for code in LANGUAGES
    }
    for code in LANGUAGES:
        previous, following = posts[code].series_neighbours()
        assert previous is None
        assert following.pk == second[code].pk


def test_admin_labels_are_translated():
    with translation.override("fr"):
        assert str(BlogPage._meta.verbose_name) == "article de blog"
        assert str(BlogPage._meta.get_field("date").verbose_name) == "date affichée"
    with translation.override("es"):
        assert str(BlogIndexPage._meta.verbose_name) == "blog"
        assert str(BlogPage._meta.get_field("series_position").verbose_name) == (
            "posición en la serie"
        )
