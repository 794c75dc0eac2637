"""The vocabulary endpoints: themes, people, organisations, cities, categories, series."""

from tests.factories import (
    make_category,
    make_city,
    make_organisation,
    make_person,
    make_series,
    make_theme,
)

from .conftest import get_json, make_image


def test_themes(client, home):
    theme = make_theme(
        "City diplomacy",
        slug="city-diplomacy",
        hashtag="#citydiplomacy",
        description="Cities acting abroad.",
        synonyms="diplomatie des villes\n\nparadiplomacy",
        image=make_image("Flags"),
    )
    make_theme("Climate", slug="climate")

    listing = get_json(client, "/api/v2/themes/")
    detail = get_json(client, f"/api/v2/themes/{theme.pk}/")

    assert [item["name"] for item in listing["items"]] == ["City diplomacy", "Climate"]
    assert listing["items"][0]["meta"]["html_url"] == "http://testserver/themes/city-diplomacy/"
    assert detail["slug"] == "city-diplomacy"
    assert detail["hashtag"] == "#citydiplomacy"
    assert detail["description"] == "Cities acting abroad."
    assert detail["synonyms"] == ["diplomatie des villes", "paradiplomacy"]
    assert detail["image"]["title"] == "Flags"
    assert get_json(client, "/api/v2/themes/?slug=climate")["items"][0]["name"] == "Climate"


def test_people_show_no_email_or_login(client, home, django_user_model):
    uclg = make_organisation("UCLG")
    person = make_person(
        "Emilia Saiz",
        role="Secretary General, UCLG",
        organisation=uclg,
        bio='<p>Leads <a linktype="page" id="1">the network</a>.</p>',
        email="emilia@uclg.example.org",
        user=django_user_model.objects.create_user("emilia"),
    )

    detail = get_json(client, f"/api/v2/people/{person.pk}/")

    assert detail["name"] == "Emilia Saiz"
    assert detail["role"] == "Secretary General, UCLG"
    assert detail["organisation"]["name"] == "UCLG"
    assert detail["bio"].startswith("<p>Leads <a")  # display HTML, not the stored form
    assert "linktype" not in detail["bio"]
    assert detail["is_guest"] is False
    assert "email" not in detail and "user" not in detail
    assert "emilia@" not in str(get_json(client, "/api/v2/people/?fields=*"))


def test_organisations(client, home):
    org = make_organisation(
        "Local Government Association",
        kind="local-government",
        website="https://lga.example.org",
        description="Councils in England.",
    )
    detail = get_json(client, f"/api/v2/organisations/{org.pk}/")
    assert (detail["kind"], detail["website"]) == ("local-government", "https://lga.example.org")
    assert detail["description"] == "Councils in England."
    assert detail["logo"] is None
    assert get_json(client, "/api/v2/organisations/?kind=funder")["items"] == []


def test_cities(client, home):
    city = make_city("Malmö", country="SE", description="A port city.")
    [item] = get_json(client, "/api/v2/cities/")["items"]
    detail = get_json(client, f"/api/v2/cities/{city.pk}/")
    assert (item["name"], item["slug"]) == ("Malmö", "malmo")
    assert item["meta"]["html_url"] == "http://testserver/cities/malmo/"
    assert detail["country"] == {"code": "SE", "name": "Sweden"}
    assert detail["description"] == "A port city."


def test_categories_and_series(client, home):
    category = make_category("Analysis")
    make_series("Cities Diplomacy Series")
    assert get_json(client, f"/api/v2/categories/{category.pk}/")["name"] == "Analysis"
    [item] = get_json(client, "/api/v2/series/")["items"]
    assert (item["name"], item["slug"]) == ("Cities Diplomacy Series", "cities-diplomacy-series")


def test_unknown_detail_is_404(client, home):
    response = client.get("/api/v2/themes/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "No Theme matches the given query."}
