"""City pages gather the projects and posts that cover a city; theme pages list projects."""

import pytest

from projects.models import ProjectIndexPage
from tests.factories import make_city, make_post, make_project, make_project_index, make_theme


@pytest.fixture
def places(home, blog):
    index = make_project_index(home)
    santiago = make_city("Santiago", country="CL", description="Chile's capital region.")
    malmo = make_city("Malmö", country="SE")
    make_city("Nowhere", country="FR")  # covered by nothing
    bids = make_theme("Business improvement districts", slug="bids")
    return {
        "bids": bids,
        "santiago": santiago,
        "malmo": malmo,
        "chile": make_project(index, "Chile programme", cities=[santiago], themes=[bids]),
        "draft": make_project(index, "Draft project", cities=[santiago], themes=[bids], live=False),
        "post": make_post(blog, "Barrios Comerciales", cities=[santiago]),
        "malmo_post": make_post(blog, "Malmö and climate", cities=[malmo]),
        "draft_post": make_post(blog, "Unpublished post", cities=[santiago], live=False),
    }


def test_city_page_lists_its_projects_and_posts(client, places):
    html = client.get("/cities/santiago/").content.decode()
    assert "<h1>Santiago</h1>" in html
    assert "Chile&#x27;s capital region." in html or "Chile's capital region." in html
    assert "Chile programme" in html and "Barrios Comerciales" in html
    assert "Draft project" not in html and "Unpublished post" not in html
    assert "Malmö and climate" not in html


def test_city_index_groups_covered_cities_by_country(client, places):
    html = client.get("/cities/").content.decode()
    assert html.index(">Chile<") < html.index(">Sweden<")
    assert (
        '<a href="/cities/santiago/">Santiago</a> '
        '<span class="place-list__count">1 project · 1 post' in html
    )
    assert '<a href="/cities/malmo/">Malmö</a> <span class="place-list__count">1 post' in html
    assert "Nowhere" not in html


def test_unknown_city_is_404(client, places):
    assert client.get("/cities/atlantis/").status_code == 404


def test_post_page_links_its_cities(client, places):
    html = client.get(places["post"].url).content.decode()
    assert '<a href="/cities/santiago/">Santiago</a>' in html


def test_theme_page_lists_published_projects(client, places):
    html = client.get("/themes/bids/").content.decode()
    assert "Research projects" in html
    assert "Chile programme" in html and "Draft project" not in html
    index = client.get("/themes/").content.decode()
    assert "0 posts · 1 project" in index


def test_theme_and_city_pages_show_the_newest_projects_and_link_to_the_rest(client, places):
    index = ProjectIndexPage.objects.get()
    for n in range(7):
        make_project(index, f"Extra {n}", cities=[places["santiago"]], themes=[places["bids"]])
    for url, link in [
        ("/themes/bids/", '<a href="/projects/?theme=bids">All research projects on'),
        ("/cities/santiago/", '<a href="/projects/?city=santiago">All research projects covering'),
    ]:
        html = client.get(url).content.decode()
        assert html.count('class="card card--project"') == 6, url
        assert link in html, url
