"""Vocabulary words in the other languages: edited in the admin, read in the reader's."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_post, make_theme, translate_page
from vocabulary.models import Theme


def test_an_editor_names_a_theme_in_french_and_spanish(admin_client):
    theme = make_theme("City diplomacy", description="Cities acting abroad.")
    response = admin_client.post(
        reverse("wagtailsnippets_vocabulary_theme:edit", args=[theme.pk]),
        {
            "name": "City diplomacy",
            "slug": theme.slug,
            "hashtag": "",
            "description": "Cities acting abroad.",
            "synonyms": "",
            "image": "",
            "name_fr": "Diplomatie des villes",
            "description_fr": "Les villes à l’international.",
            "name_es": " Diplomacia de ciudades ",
            "description_es": "",
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.translations == {
        "fr": {"name": "Diplomatie des villes", "description": "Les villes à l’international."},
        "es": {"name": "Diplomacia de ciudades"},
    }
    form = admin_client.get(reverse("wagtailsnippets_vocabulary_theme:edit", args=[theme.pk]))
    assert 'value="Diplomatie des villes"' in form.content.decode()


@pytest.mark.parametrize(
    "language, name, description",
    [
        ("en", "City diplomacy", "Cities acting abroad."),
        ("fr", "Diplomatie des villes", "Les villes à l’international."),
        ("es", "Diplomacia de ciudades", "Cities acting abroad."),  # none: the default's
    ],
)
def test_a_reader_sees_the_words_of_their_language(db, language, name, description):
    theme = Theme(
        name="City diplomacy",
        description="Cities acting abroad.",
        translations={
            "fr": {"name": "Diplomatie des villes", "description": "Les villes à l’international."},
            "es": {"name": "Diplomacia de ciudades"},
        },
    )
    with translation.override(language):
        assert (theme.translated_name, theme.translated_description) == (name, description)


def test_a_translated_post_keeps_its_themes_and_shows_them_translated(blog, client):
    theme = make_theme("City diplomacy", translations={"fr": {"name": "Diplomatie des villes"}})
    post = make_post(blog, title="Cities abroad", themes=[theme])
    french = translate_page(post, "fr", title="Les villes à l’étranger")
    assert list(french.themes.all()) == [theme]
    page = client.get(french.url).content.decode()
    assert "Diplomatie des villes" in page
    assert client.get(post.url).status_code == 200
