"""Search over published posts, with a theme facet."""

import pytest

from tests.factories import make_person, make_post, make_theme


@pytest.fixture
def searchable(blog):
    climate = make_theme("Climate action", slug="climate-action")
    budget = make_theme("Participatory budgeting", slug="participatory-budgeting")
    make_post(
        blog,
        "Malmö answers climate change",
        days_ago=3,
        themes=[climate],
        body=[("paragraph", "<p>The city council set carbon targets for its harbour.</p>")],
    )
    make_post(
        blog,
        "Porto Alegre budgets together",
        days_ago=2,
        themes=[budget],
        body=[("paragraph", "<p>Citizens decide how the city spends its budget.</p>")],
    )
    make_post(
        blog,
        "Medellín plans with citizens",
        days_ago=1,
        themes=[budget, climate],
        body=[("paragraph", "<p>A city programme mixing planning and budget votes.</p>")],
    )
    return {"climate": climate, "budget": budget}


def result_titles(response):
    return [post.title for post in response.context["results"]]


def test_search_finds_author_and_theme_names(client, blog, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_post(
            blog,
            "Notes from Rosario",
            days_ago=1,
            authors=[make_person("Lucía Ferreyra")],
            themes=[make_theme("Urban innovation", slug="urban-innovation")],
        )
    assert result_titles(client.get("/search/?q=Ferreyra")) == ["Notes from Rosario"]
    assert result_titles(client.get("/search/?q=innovation")) == ["Notes from Rosario"]


def test_search_finds_words_in_body_and_title(client, searchable):
    assert result_titles(client.get("/search/?q=harbour")) == ["Malmö answers climate change"]
    assert set(result_titles(client.get("/search/?q=budget"))) == {
        "Porto Alegre budgets together",
        "Medellín plans with citizens",
    }


def test_theme_facet_counts_and_filters(client, searchable):
    response = client.get("/search/?q=city")
    facets = {f["theme"].slug: f["hits"] for f in response.context["facets"]}
    assert facets == {"participatory-budgeting": 2, "climate-action": 2}
    filtered = client.get("/search/?q=city&theme=climate-action")
    assert set(result_titles(filtered)) == {
        "Malmö answers climate change",
        "Medellín plans with citizens",
    }
    assert 'aria-current="true">Climate action' in filtered.content.decode()


def test_unknown_theme_gives_no_results_not_an_error(client, searchable):
    response = client.get("/search/?q=city&theme=nonsense")
    assert response.status_code == 200
    assert result_titles(response) == []
    assert "That theme does not exist" in response.content.decode()


def test_search_without_query_shows_the_form(client, searchable):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["results"] is None


@pytest.mark.parametrize("page", ["0", "9", "x"])
def test_search_pagination_edges_are_404(client, searchable, page):
    assert client.get(f"/search/?q=city&page={page}").status_code == 404


def test_search_escapes_the_query(client, searchable):
    html = client.get("/search/?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "raw",
    [
        '"',
        'a"b',
        "(",
        "*",
        "NOT",
        "AND OR",
        "title:harbour",
        "{body}",
        "\\",
        "\x00",
        "NEAR(a b)",
        "%",
        "🙂",
        "x" * 500,
        "harbour\tcouncil",
    ],
)
def test_hostile_queries_never_fail(client, searchable, raw):
    response = client.get("/search/", {"q": raw})
    assert response.status_code == 200


def test_quoted_phrases_must_match_as_phrases(client, searchable):
    assert result_titles(client.get('/search/?q="carbon targets"')) == [
        "Malmö answers climate change"
    ]
    assert result_titles(client.get('/search/?q="targets carbon"')) == []


def test_colons_are_words_not_filters(client, searchable):
    assert result_titles(client.get("/search/?q=harbour:council")) == [
        "Malmö answers climate change"
    ]


def test_search_lists_matching_research_projects_first(client, home, blog):
    from tests.factories import make_project, make_project_index

    index = make_project_index(home)
    make_project(
        index, "Participatory budgeting in Medellín", summary="Budgets set with residents."
    )
    make_project(index, "A draft on Medellín", live=False)
    make_project(index, "Nothing in common", summary="Harbours and ports.")
    make_post(blog, "Medellín and its libraries")

    html = client.get("/search/?q=Medellín").content.decode()
    projects = html[html.index('id="projects-heading"') : html.index('id="results-heading"')]
    assert "Participatory budgeting in Medellín" in projects
    assert "A draft on Medellín" not in html and "Nothing in common" not in html
    assert "Medellín and its libraries" in html[html.index('id="results-heading"') :]
    # beside a theme facet, or past the first page, only posts are listed
    assert 'id="projects-heading"' not in client.get("/search/?q=Medellín&theme=x").content.decode()
