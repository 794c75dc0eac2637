"""The pages endpoint: posts and projects with their fields, filters, pagination, search."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    make_category,
    make_city,
    make_organisation,
    make_person,
    make_post,
    make_project,
    make_series,
    make_theme,
)

from .conftest import get_json, make_image, titles

POSTS = "/api/v2/pages/?type=blog.BlogPage"
PROJECTS = "/api/v2/pages/?type=projects.ProjectPage"


def names(items):
    return [item["name"] for item in items]


def test_post_detail_has_every_field(client, blog):
    zoe, adam = make_person("Zoë Writer"), make_person("Adam Second")
    partner = make_organisation("Cities Partner Network")
    post = make_post(
        blog,
        "Cities abroad",
        authors=[zoe, adam],
        themes=[make_theme("City diplomacy", slug="city-diplomacy")],
        categories=[make_category("Analysis")],
        cities=[make_city("Malmö", country="SE")],
        series=make_series("Cities Diplomacy Series"),
        series_position=2,
        excerpt="How cities speak abroad.",
        header_image=make_image("Skyline"),
        source_url="https://partner.example.org/cities-abroad",
        partner=partner,
        byline="Z. Writer and A. Second",
    )

    data = get_json(client, f"/api/v2/pages/{post.pk}/")

    assert data["meta"]["type"] == "blog.BlogPage"
    assert data["meta"]["html_url"] == "http://testserver/blog/cities-abroad/"
    assert data["title"] == "Cities abroad"
    assert data["date"] == post.date.isoformat().replace("+00:00", "Z")
    assert names(data["authors"]) == ["Zoë Writer", "Adam Second"]  # their order, not A-Z
    assert data["authors"][0]["meta"]["detail_url"] == f"http://testserver/api/v2/people/{zoe.pk}/"
    assert [theme["slug"] for theme in data["themes"]] == ["city-diplomacy"]
    assert names(data["categories"]) == ["Analysis"]
    assert names(data["cities"]) == ["Malmö"]
    assert data["series"]["name"] == "Cities Diplomacy Series"
    assert data["series_position"] == 2
    assert data["excerpt"] == "How cities speak abroad."
    assert "<p>Body text of post" in data["body"]
    assert data["header_image"]["title"] == "Skyline"
    assert data["header_image"]["meta"]["download_url"].endswith(".png")
    assert data["source_url"] == "https://partner.example.org/cities-abroad"
    assert data["partner"]["name"] == "Cities Partner Network"
    assert data["byline"] == "Z. Writer and A. Second"


def test_excerpt_falls_back_to_the_start_of_the_body(client, blog):
    post = make_post(blog, body=[("paragraph", "<p>Opening words of the body.</p>")])
    assert get_json(client, f"/api/v2/pages/{post.pk}/")["excerpt"] == "Opening words of the body."


def test_post_listing_gives_the_fields_asked_for(client, blog):
    writer = make_person("Writer")
    make_post(blog, "Older", days_ago=3, authors=[writer])
    make_post(blog, "Newer", days_ago=1, authors=[writer])

    data = get_json(client, POSTS + "&fields=date,excerpt,authors&order=-date")

    assert data["meta"]["total_count"] == 2
    assert [item["title"] for item in data["items"]] == ["Newer", "Older"]
    assert names(data["items"][0]["authors"]) == ["Writer"]
    assert data["items"][0]["excerpt"].startswith("Body text of post")
    assert "body" not in data["items"][0]


def test_body_is_for_the_detail_view_only(client, blog):
    make_post(blog)
    response = client.get(POSTS + "&fields=body")
    assert response.status_code == 400
    assert response.json() == {"message": "unknown fields: body"}


def test_project_detail_has_every_field(client, scoping_study):
    data = get_json(client, f"/api/v2/pages/{scoping_study.pk}/")

    assert data["meta"]["type"] == "projects.ProjectPage"
    assert data["full_title"].startswith("Civic leadership abroad")
    assert (data["start_date"], data["end_date"]) == ("2009-01-01", "2009-06-30")
    assert data["status"] == "completed"
    assert data["duration"] == "January–June 2009"
    assert {role: names(orgs) for role, orgs in data["organisations"].items()} == {
        "sponsor": ["Local Authority Research Council Initiative"],
        "partner": ["Local Government Association"],
    }
    assert [(m["person"]["name"], m["role"]) for m in data["leaders"]] == [
        ("Robin Hambleton", "Project leader for SPE")
    ]
    assert [(m["person"]["name"], m["role"]) for m in data["team"]] == [
        ("Joanna Howard", "Researcher")
    ]
    # Malmö named on the project, Porto Alegre through its case study.
    assert names(data["cities"]) == ["Malmö", "Porto Alegre"]
    assert [country["code"] for country in data["countries"]] == ["BR", "SE", "GB"]
    assert names(data["themes"]) == ["City diplomacy", "City leadership"]
    assert "Participatory budgeting" in data["body"]
    assert data["contact_person"]["name"] == "Robin Hambleton"
    assert "robin.hambleton" not in str(data)  # the contact email stays off the API

    [output] = data["outputs"]
    assert output["title"] == "Civic leadership and public service innovation"
    assert output["kind"] == "report"
    assert output["publication_date"] == "2009-06-01"
    assert output["authors"] == ["Hambleton, Robin", "Howard, Joanna"]
    assert output["publisher"] == "Local Authority Research Council Initiative"
    assert output["doi"] == "10.1234/civic.2009"
    assert output["document"]["title"] == "Scoping study report"


def test_output_document_url_is_absolute_and_downloads_anonymously(client, scoping_study):
    [output] = get_json(client, f"/api/v2/pages/{scoping_study.pk}/")["outputs"]
    url = output["document"]["meta"]["download_url"]
    assert url.startswith("http://testserver/documents/")

    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4 ")


def test_output_with_an_external_link(client, project_index):
    project = make_project(
        project_index,
        outputs=[
            {
                "title": "Cities and the state",
                "kind": "article",
                "external_url": "https://journal.example.org/cities",
                "publisher": "Urban Studies",
            }
        ],
    )
    [output] = get_json(client, f"/api/v2/pages/{project.pk}/")["outputs"]
    assert output["document"] is None
    assert output["external_url"] == "https://journal.example.org/cities"
    assert output["publisher"] == "Urban Studies"


@pytest.fixture
def mixed_content(blog, project_index):
    """Posts and projects across two themes, two cities and three statuses."""
    today = timezone.localdate()
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy")
    climate = make_theme("Climate", slug="climate")
    malmo, porto = make_city("Malmö", "SE"), make_city("Porto Alegre", "BR")
    make_post(blog, "Diplomacy in Malmö", themes=[diplomacy], cities=[malmo])
    make_post(blog, "Climate in Porto Alegre", themes=[climate], cities=[porto])
    make_project(
        project_index, "Diplomacy project", start=today - timedelta(days=30), themes=[diplomacy]
    )
    make_project(
        project_index,
        "Climate project",
        start=date(2010, 1, 1),
        end=date(2011, 1, 1),
        themes=[climate],
        cities=[malmo],
    )
    make_project(project_index, "Future project", start=today + timedelta(days=30))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (POSTS, {"Diplomacy in Malmö", "Climate in Porto Alegre"}),
        (
            "/api/v2/pages/?theme=city-diplomacy",
            {"Diplomacy in Malmö", "Diplomacy project"},
        ),
        ("/api/v2/pages/?city=malmo", {"Diplomacy in Malmö", "Climate project"}),
        ("/api/v2/pages/?status=ongoing", {"Diplomacy project"}),
        ("/api/v2/pages/?status=completed", {"Climate project"}),
        ("/api/v2/pages/?status=planned", {"Future project"}),
        (POSTS + "&theme=city-diplomacy", {"Diplomacy in Malmö"}),
        (PROJECTS + "&theme=climate", {"Climate project"}),
        ("/api/v2/pages/?theme=climate&city=malmo", {"Climate project"}),
        (PROJECTS + "&status=completed&city=malmo", {"Climate project"}),
        ("/api/v2/pages/?status=ongoing&theme=climate", set()),
    ],
)
def test_filters_alone_and_combined(client, mixed_content, query, expected):
    assert set(titles(client, query + "&limit=100")) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?theme=no-such-theme", "theme 'no-such-theme' doesn't exist"),
        ("?city=atlantis", "city 'atlantis' doesn't exist"),
        ("?status=cancelled", "status must be one of: planned, ongoing, completed"),
        ("?type=blog.NoSuchPage", "type doesn't exist"),
        ("?colour=blue", "query parameter is not an operation or a recognised field: colour"),
    ],
)
def test_unknown_filter_values_are_bad_requests(client, mixed_content, query, message):
    response = client.get("/api/v2/pages/" + query)
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_a_field_filter_value_the_field_cannot_hold_is_a_bad_request(client, mixed_content):
    response = client.get(POSTS + "&date=yesterday")
    assert response.status_code == 400
    assert response.json()["message"].startswith("invalid value: ")


def test_pagination(client, blog):
    for n in range(5):
        make_post(blog, f"Post {n}", days_ago=n)
    newest_first = POSTS + "&order=-date"

    page = get_json(client, newest_first + "&limit=2&offset=2")

    assert page["meta"]["total_count"] == 5
    assert [item["title"] for item in page["items"]] == ["Post 2", "Post 3"]
    too_many = client.get(newest_first + "&limit=101")
    assert too_many.status_code == 400
    assert too_many.json() == {"message": "limit cannot be higher than 100"}
    assert client.get(newest_first + "&offset=-1").status_code == 400


def test_search_alone_and_with_filters(client, mixed_content):
    assert set(titles(client, "/api/v2/pages/?search=diplomacy")) >= {"Diplomacy in Malmö"}
    assert titles(client, POSTS + "&search=Porto&theme=climate") == ["Climate in Porto Alegre"]
    assert titles(client, POSTS + "&search=Porto&theme=city-diplomacy") == []
    assert client.get("/api/v2/pages/?search=x&search_operator=xor").status_code == 400
