"""The API over HTTP: read-only, CORS only for configured origins, a constant number of
queries per listing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.blog.test_query_budgets import grow_blog
from tests.factories import (
    make_city,
    make_organisation,
    make_post,
    make_project,
    make_scoping_study,
)

from .conftest import get_json, make_image

ENDPOINTS = ["pages", "images", "documents", "themes", "people", "organisations", "cities"]
ORIGIN = "https://map.example.org"


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_not_allowed(client, blog, endpoint, method):
    post = make_post(blog)
    for path in [f"/api/v2/{endpoint}/", f"/api/v2/pages/{post.pk}/"]:
        response = getattr(client, method)(path, {}, content_type="application/json")
        assert response.status_code == 405, path
        assert "POST" not in response["Allow"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_reading_methods_are_allowed(client, blog, endpoint):
    assert client.head(f"/api/v2/{endpoint}/").status_code == 200
    assert client.options(f"/api/v2/{endpoint}/").status_code == 200


def test_no_cors_headers_by_default(client, blog):
    response = client.get("/api/v2/pages/", headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_cors_headers_for_a_configured_origin(client, blog, settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]

    allowed = client.get("/api/v2/pages/", headers={"Origin": ORIGIN})
    other = client.get("/api/v2/pages/", headers={"Origin": "https://evil.example.org"})
    preflight = client.options(
        "/api/v2/pages/", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    )
    site_page = client.get("/blog/", headers={"Origin": ORIGIN})

    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Credentials" not in allowed
    assert "Access-Control-Allow-Origin" not in other
    assert preflight["Access-Control-Allow-Origin"] == ORIGIN
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Origin" not in site_page  # the API's URLs only


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content[:500]
    return len(captured)


def add_posts(blog, count, **relations):
    """``count`` posts with every relation a post's fields read."""
    grow_blog(blog, count)  # authors, themes, categories, series
    for n in range(count):
        make_post(blog, f"Partner post {n}", days_ago=40 + n, **relations)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?type=blog.BlogPage&fields=*",
        "/api/v2/pages/?type=blog.BlogPage&fields=*&theme=theme-0&search=post",
        "/api/v2/pages/?fields=*",
    ],
)
def test_post_listing_takes_no_query_per_post(client, blog, django_assert_max_num_queries, path):
    relations = {
        "partner": make_organisation("Partner"),
        "cities": [make_city("Malmö")],
        "header_image": make_image(),
    }
    add_posts(blog, 2, **relations)
    client.get(path)  # warm the per-process caches a running site has
    few = queries_for(client, path)
    listed = len(get_json(client, path)["items"])
    add_posts(blog, 8, **relations)
    client.get(path)  # new vocabulary empties the cached site, as an editor's edit would

    with django_assert_max_num_queries(few):
        assert len(get_json(client, path)["items"]) > listed
    assert few <= 12, few


def test_project_listing_takes_no_query_per_project(
    client, project_index, django_assert_max_num_queries
):
    path = "/api/v2/pages/?type=projects.ProjectPage&fields=*"
    study = make_scoping_study(project_index)
    relations = {
        "themes": study.themes.all(),
        "cities": study.cities.all(),
        "organisations": [(o.organisation, o.role) for o in study.organisation_links.all()],
        "members": [(m.person, m.role, m.is_leader) for m in study.members.all()],
        "outputs": [{"title": "Report", "document": study.outputs.get().document}],
        "contact_person": study.contact_person,
    }
    client.get(path)
    few = queries_for(client, path)
    for _ in range(3):
        make_project(project_index, **relations)

    with django_assert_max_num_queries(few):
        assert len(get_json(client, path)["items"]) == 4
    assert few <= 12, few
