"""The demo in French and Spanish: ``load_demo`` translates the pages in the menu, some posts
and a project the wagtail-localize way, and the vocabulary's names in the rows.

The demo is loaded once for the module, in a transaction rolled back at its end; each test
runs in a savepoint of it (the ``db`` fixture), so what one test changes the next never sees.
"""

import html
import json
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from blog.models import BlogCategory, BlogIndexPage, BlogPage, BlogSeries
from demo import content
from projects.models import ProjectIndexPage, ProjectPage
from vocabulary.models import Organisation, Theme
from website.models import HomePage

SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)
SWITCHER_LINK = re.compile(r'<a href="([^"]+)" hreflang="([a-z-]+)"')

# The English demo pages that have translations, and their languages.
TRANSLATED = [
    (BlogPage, "october-urban-month-urbansdg", ["fr", "es"]),
    (BlogPage, "first-world-cities-day", ["fr", "es"]),
    (ProjectPage, "city-leadership-chile", ["es"]),
]
User = get_user_model()
WORDS = {module.LANGUAGE: module for module in content.TRANSLATIONS}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    pass


def text(response):
    return html.unescape(response.content.decode())


def switcher_links(response):
    return dict(
        (code, url) for url, code in SWITCHER_LINK.findall(SWITCHER.search(text(response))[0])
    )


def assert_is_a_localize_translation(page):
    """An editor sees ``page`` as a translation, complete in the translation editor."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    assert translation.enabled
    assert translation.source.locale.language_code == "en"
    strings = StringSegment.objects.filter(source=translation.source)
    translated = StringTranslation.objects.filter(
        locale=page.locale, context__object_id=page.translation_key
    )
    assert strings.count() == translated.count() > 0


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_menu_pages_answer_in_their_language(client, demo, code):
    locale = Locale.objects.get(language_code=code)
    words = WORDS[code]
    home = HomePage.objects.get(locale=locale)
    assert home.url == f"/{code}/"
    for model, page_words in [
        (HomePage, words.HOME),
        (BlogIndexPage, words.BLOG_INDEX),
        (ProjectIndexPage, words.PROJECT_INDEX),
    ]:
        page = model.objects.get(locale=locale)
        assert page.live
        if model is not HomePage:
            assert page.get_parent().specific == home
        assert page.slug == page_words["slug"]
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = text(response)
        assert f'<html lang="{code}">' in body
        assert page_words["title"] in body
        assert re.sub("<[^>]+>", "", page_words["intro"]) in body
        assert_is_a_localize_translation(page)
    # Sections keep their addresses, under the language's prefix.
    assert BlogIndexPage.objects.get(locale=locale).url == f"/{code}/blog/"
    assert ProjectIndexPage.objects.get(locale=locale).url == f"/{code}/projects/"
    # The menu leads to the pages in the same language.
    menu = text(client.get(f"/{code}/"))
    assert f'href="{BlogIndexPage.objects.get(locale=locale).url}"' in menu
    assert f'href="{ProjectIndexPage.objects.get(locale=locale).url}"' in menu


@pytest.mark.parametrize(
    "model, slug, code",
    [(model, slug, code) for model, slug, codes in TRANSLATED for code in codes],
)
def test_translated_posts_and_project_are_reached_from_the_english_switcher(
    client, demo, model, slug, code
):
    english = model.objects.get(slug=slug, locale__language_code="en")
    links = switcher_links(client.get(english.url))
    translated = english.get_translation(Locale.objects.get(language_code=code))
    assert links[code] == translated.url
    assert translated.url.startswith(f"/{code}/")

    response = client.get(links[code])
    assert response.status_code == 200
    body = text(response)
    assert f'<html lang="{code}">' in body
    page_words = (WORDS[code].POSTS | WORDS[code].PROJECTS)[slug]
    assert translated.title == page_words["title"] != english.title
    assert page_words["title"] in body
    assert translated.slug == page_words["slug"]
    assert [block.block_type for block in translated.body] == [
        block.block_type for block in english.body
    ]
    assert translated.body[0].value.source == page_words["body"][0][1]
    first_paragraph = re.sub("<[^>]+>", "", page_words["body"][0][1])
    assert first_paragraph in body
    # The switcher on the translation leads back.
    assert switcher_links(response)["en"] == english.url
    assert_is_a_localize_translation(translated)
    # What is not translated is the same: themes, authors, categories, series.
    assert set(translated.themes.all()) == set(english.themes.all())
    if model is BlogPage:
        assert set(translated.categories.all()) == set(english.categories.all())
        assert list(translated.author_links.values_list("person", flat=True)) == list(
            english.author_links.values_list("person", flat=True)
        )
        assert translated.date == english.date


def test_theme_names_are_translated_on_the_theme_hub(client, demo):
    theme = Theme.objects.get(slug="city-diplomacy")
    assert theme.translations["fr"]["name"] == "Diplomatie des villes"
    assert theme.translations["es"]["name"] == "Diplomacia de ciudades"
    french = text(client.get("/fr/themes/"))
    assert "Diplomatie des villes" in french
    assert "Journée mondiale des villes" in french
    assert "Diplomacia de ciudades" in text(client.get("/es/themes/"))


@pytest.mark.parametrize("code", ["fr", "es"])
def test_themes_categories_series_and_some_organisations_have_their_words(demo, code):
    for model in (Theme, BlogCategory, BlogSeries):
        for row in model.objects.all():
            words = row.translations[code]
            assert words["name"] and words["description"]
            assert words["description"] != row.description
    # Organisations that have words, some of them a name of their own in the language.
    rows = Organisation.objects.exclude(translations__has_key=code)
    assert set(rows.values_list("slug", flat=True)).isdisjoint(WORDS[code].ORGANISATIONS)
    uclg = Organisation.objects.get(slug="uclg")
    assert uclg.translations[code]["name"].startswith({"fr": "Cités", "es": "Ciudades"}[code])


def test_an_english_demo_gets_its_translations_on_the_next_run(client, demo):
    # What a database loaded before the demo had languages holds: no translated pages, no
    # wagtail-localize sources, no words in the vocabulary rows.
    for code in ["fr", "es"]:
        HomePage.objects.get(locale__language_code=code).delete()
    TranslationSource.objects.all().delete()
    for model in (Theme, Organisation, BlogCategory, BlogSeries):
        model.objects.update(translations={})

    out = StringIO()
    call_command("load_demo", stdout=out, stderr=StringIO())
    assert "pages in French: 5 created, 0 already present" in out.getvalue()
    assert "pages in Spanish: 6 created, 0 already present" in out.getvalue()
    assert "vocabulary in French: 19 created, 0 already present" in out.getvalue()
    assert "vocabulary in Spanish: 24 created, 0 already present" in out.getvalue()
    assert client.get("/fr/blog/").status_code == 200
    assert Theme.objects.get(slug="city-diplomacy").translations["fr"]["name"] == (
        "Diplomatie des villes"
    )
    assert_is_a_localize_translation(BlogIndexPage.objects.get(locale__language_code="es"))


def test_an_editors_words_are_kept(demo):
    theme = Theme.objects.get(slug="city-diplomacy")
    theme.translations["fr"] = {"name": "Diplomatie urbaine"}
    theme.save()
    french_post = BlogPage.objects.get(slug=WORDS["fr"].POSTS["first-world-cities-day"]["slug"])
    french_post.title = "Journée mondiale des villes : la première"
    french_post.save_revision().publish()

    call_command("load_demo", stdout=StringIO())
    theme.refresh_from_db()
    assert theme.translations["fr"] == {"name": "Diplomatie urbaine"}
    french_post.refresh_from_db()
    assert french_post.title == "Journée mondiale des villes : la première"


def test_the_admin_opens_a_translation_in_the_translation_editor_complete(client, demo):
    french = BlogPage.objects.get(slug=WORDS["fr"].POSTS["first-world-cities-day"]["slug"])
    client.force_login(User.objects.get(username="admin"))
    response = client.get(f"/admin/pages/{french.pk}/edit/")
    assert response.status_code == 200
    editor = re.search(r'data-props="([^"]+)"', response.content.decode())
    props = json.loads(html.unescape(editor[1]))
    strings = [segment for segment in props["segments"] if segment["type"] == "string"]
    assert props["locale"]["code"] == "fr" and props["sourceLocale"]["code"] == "en"
    assert len(props["initialStringTranslations"]) == len(strings) > 0


def test_a_sync_after_the_english_page_changes_keeps_the_translated_strings(
    demo, django_capture_on_commit_callbacks
):
    english = BlogPage.objects.get(slug="first-world-cities-day", locale__language_code="en")
    english.title = "31 October: World Cities Day, for the first time"
    english.save_revision().publish()
    # What "Sync translated pages" does in the admin.
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=english.locale)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        source.translations.get(target_locale__language_code="fr").save_target(publish=True)

    french = english.get_translation(Locale.objects.get(language_code="fr"))
    words = WORDS["fr"].POSTS["first-world-cities-day"]
    assert french.title == english.title, "the changed string waits for its translator"
    assert french.excerpt == words["excerpt"]
    assert french.body[0].value.source == words["body"][0][1]
