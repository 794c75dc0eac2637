"""The project index: newest first, filters alone and combined, stable URLs, feeds."""

import re
from datetime import date, timedelta

import feedparser
import pytest
from django.utils import timezone

from tests.factories import make_city, make_organisation, make_project, make_theme


def listed(response):
    assert response.status_code == 200
    return re.findall(
        r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def catalogue(project_index):
    """Four projects spread over themes, statuses, places and partners."""
    today = timezone.localdate()
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy")
    safety = make_theme("Urban safety", slug="urban-safety")
    santiago = make_city("Santiago", country="CL")
    leeds = make_city("Leeds", country="GB")
    fco = make_organisation("Foreign and Commonwealth Office", slug="fco")
    habitat = make_organisation("UN-Habitat", slug="un-habitat")
    return {
        "twinning": make_project(
            project_index,
            "City diplomacy and twinning",
            start=today - timedelta(days=900),
            end=today - timedelta(days=400),
            themes=[diplomacy],
            cities=[leeds],
            organisations=[(fco, "partner")],
        ),
        "chile": make_project(
            project_index,
            "Chile programme",
            start=today - timedelta(days=300),
            end=today + timedelta(days=60),
            themes=[diplomacy],
            cities=[santiago],
            organisations=[(fco, "funder")],
        ),
        "hub": make_project(
            project_index,
            "Safer cities hub",
            start=today - timedelta(days=100),
            themes=[safety],
            organisations=[(habitat, "partner")],
        ),
        "review": make_project(
            project_index,
            "National review",
            start=today + timedelta(days=30),
            end=today + timedelta(days=400),
            themes=[diplomacy, safety],
            countries=["GB"],
        ),
    }


def test_index_lists_projects_newest_first(client, catalogue):
    assert listed(client.get("/projects/")) == [
        "National review",
        "Safer cities hub",
        "Chile programme",
        "City diplomacy and twinning",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "theme=city-diplomacy",
            ["National review", "Chile programme", "City diplomacy and twinning"],
        ),
        ("theme=urban-safety", ["National review", "Safer cities hub"]),
        ("status=planned", ["National review"]),
        ("status=ongoing", ["Safer cities hub", "Chile programme"]),
        ("status=completed", ["City diplomacy and twinning"]),
        ("country=cl", ["Chile programme"]),
        ("country=gb", ["National review", "City diplomacy and twinning"]),  # listed or by city
        ("city=santiago", ["Chile programme"]),
        ("partner=fco", ["Chile programme", "City diplomacy and twinning"]),  # any role
        ("partner=un-habitat", ["Safer cities hub"]),
        # combined
        ("theme=city-diplomacy&status=ongoing", ["Chile programme"]),
        ("theme=city-diplomacy&status=completed&partner=fco", ["City diplomacy and twinning"]),
        ("theme=urban-safety&country=gb", ["National review"]),
        ("theme=urban-safety&city=santiago", []),
        ("status=planned&partner=fco", []),
    ],
)
def test_filters_alone_and_combined(client, catalogue, query, expected):
    assert listed(client.get(f"/projects/?{query}")) == expected


def test_an_empty_combination_says_so(client, catalogue):
    html = client.get("/projects/?theme=urban-safety&city=santiago").content.decode()
    assert "No projects match these filters." in html
    assert "Clear filters" in html


@pytest.mark.parametrize(
    "query",
    [
        "theme=no-such-theme",
        "status=cancelled",
        "country=zz",
        "country=fr",  # a real country no project covers
        "city=atlantis",
        "partner=nobody",
        "theme=city-diplomacy&city=%00",
        "status=" + "x" * 500,
        "theme=%27%22%3Cscript%3E",
    ],
)
def test_unknown_filter_values_are_404_never_500(client, catalogue, query):
    assert client.get(f"/projects/?{query}").status_code == 404


def test_filters_of_unpublished_projects_are_not_offered(client, catalogue, project_index):
    secret = make_theme("Secret theme", slug="secret")
    make_project(project_index, "Draft", themes=[secret], live=False)
    html = client.get("/projects/").content.decode()
    assert "Secret theme" not in html
    assert client.get("/projects/?theme=secret").status_code == 404


def test_filter_form_offers_only_values_in_use(client, catalogue):
    html = client.get("/projects/").content.decode()
    options = re.findall(r'<option value="([^"]+)"', html)
    assert options == [
        "city-diplomacy",
        "urban-safety",
        "planned",
        "ongoing",
        "completed",
        "cl",
        "gb",
        "leeds",
        "santiago",
        "fco",
        "un-habitat",
    ]


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("status=ongoing&theme=city-diplomacy", "?theme=city-diplomacy&status=ongoing"),
        ("theme=city-diplomacy&status=&country=&city=&partner=", "?theme=city-diplomacy"),
        ("theme=&status=&country=&city=&partner=", ""),
        ("page=1", ""),
        ("utm_source=mail&theme=urban-safety", "?theme=urban-safety"),
    ],
)
def test_each_filter_combination_has_one_url(client, catalogue, query, canonical):
    response = client.get(f"/projects/?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"/projects/{canonical}"
    assert client.get(response["Location"]).status_code == 200


def test_filtered_page_names_its_filters_and_canonical_url(client, catalogue):
    html = client.get("/projects/?theme=city-diplomacy&status=ongoing").content.decode()
    assert "<title>City diplomacy · Ongoing · Research projects" in html
    assert (
        '<link rel="canonical" href="http://testserver/projects/?theme=city-diplomacy&amp;status=ongoing">'
        in html
    )


def test_pagination_keeps_the_filters(client, project_index, settings):
    settings.BLOG_POSTS_PER_PAGE = 2
    theme = make_theme("Paged", slug="paged")
    for n in range(5):
        make_project(project_index, f"Paged {n}", themes=[theme], start=date(2010 + n, 1, 1))
    first = client.get("/projects/?theme=paged")
    assert listed(first) == ["Paged 4", "Paged 3"]
    assert 'href="?theme=paged&amp;page=2"' in first.content.decode()
    assert listed(client.get("/projects/?theme=paged&page=3")) == ["Paged 0"]
    assert client.get("/projects/?theme=paged&page=4").status_code == 404
    assert client.get("/projects/?theme=paged&page=abc").status_code == 404
    assert client.get("/projects/?theme=paged&page=99999999999999999999").status_code == 404


@pytest.mark.parametrize("path", ["feed/", "feed/atom/", "feed/json/"])
def test_feeds_announce_new_projects(client, catalogue, path):
    response = client.get(f"/projects/{path}")
    assert response.status_code == 200
    if path == "feed/json/":
        titles = [item["title"] for item in response.json()["items"]]
    else:
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        titles = [entry.title for entry in feed.entries]
    # newest announcement first: the factory publishes later-made projects earlier
    assert titles == [
        "City diplomacy and twinning",
        "Chile programme",
        "Safer cities hub",
        "National review",
    ]


def test_filtered_feed_and_its_autodiscovery_link(client, catalogue):
    html = client.get("/projects/?theme=urban-safety").content.decode()
    assert 'href="/projects/feed/?theme=urban-safety"' in html
    feed = feedparser.parse(client.get("/projects/feed/?theme=urban-safety").content)
    assert [entry.title for entry in feed.entries] == ["Safer cities hub", "National review"]
    assert feed.feed.title == "Research projects: Urban safety"
    assert client.get("/projects/feed/?theme=nothing").status_code == 404


def test_feed_entries_carry_leaders_themes_and_stable_ids(client, project_index):
    from tests.factories import make_person

    project = make_project(
        project_index,
        "Led project",
        themes=[make_theme("City leadership")],
        members=[
            (make_person("Robin Hambleton"), "Lead", True),
            (make_person("A Researcher"), "", False),
        ],
    )
    [entry] = feedparser.parse(client.get("/projects/feed/atom/").content).entries
    assert entry.id == f"urn:uuid:{project.translation_key}"
    assert [author.name for author in entry.authors] == ["Robin Hambleton"]
    assert [tag.term for tag in entry.tags] == ["City leadership"]
    assert entry.summary == project.summary


def test_conditional_get_of_a_project_feed(client, catalogue):
    first = client.get("/projects/feed/")
    again = client.get("/projects/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
