"""Themes, people and organisations, and their admin screens."""

import pytest
from django.urls import reverse

from tests.factories import make_organisation, make_person, make_theme
from vocabulary.models import Person, Theme


def test_slugs_fill_in_and_stay_unique(db):
    first = make_person("Greg Clark")
    second = make_person("Greg Clark")
    assert (first.slug, second.slug) == ("greg-clark", "greg-clark-2")
    assert make_organisation("Local Government Association").slug == "local-government-association"


def test_theme_synonyms_are_one_per_line(db):
    theme = make_theme(
        "City diplomacy", synonyms="diplomacia de ciudades\n\n diplomatie des villes \n"
    )
    assert theme.synonym_list == ["diplomacia de ciudades", "diplomatie des villes"]
    assert theme.get_absolute_url() == "/themes/city-diplomacy/"


def test_themes_are_curated_not_free_tags():
    assert Theme.free_tagging is False


@pytest.mark.parametrize("model", ["theme", "person", "organisation", "blogcategory", "blogseries"])
def test_editor_can_open_snippet_listing_and_form(admin_client, model):
    app = "vocabulary" if model in ("theme", "person", "organisation") else "blog"
    listing = reverse(f"wagtailsnippets_{app}_{model}:list")
    assert admin_client.get(listing).status_code == 200
    assert admin_client.get(reverse(f"wagtailsnippets_{app}_{model}:add")).status_code == 200


def test_editor_creates_a_person_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_vocabulary_person:add"),
        {
            "name": "Josep Roig",
            "slug": "",
            "role": "Secretary General",
            "bio": '{"blocks": [], "entityMap": {}}',
            "email": "",
            "organisation": "",
            "photo": "",
            "user": "",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(slug="josep-roig").role == "Secretary General"


def test_editor_opens_the_post_editor(admin_client, blog):
    url = reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog.pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("date", "excerpt", "themes", "categories", "series", "source_url"):
        assert f'name="{field}"' in html, field
