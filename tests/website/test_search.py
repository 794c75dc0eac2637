"""Search over published posts, with a theme facet."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_person, make_post, make_private, make_theme

SEARCH_BUDGET = 5  # facet counts, their themes, a page of posts, their blog, projects


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


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="best match is offered on PostgreSQL only: SQLite's backend ranks too slowly",
)


@pytest.fixture
def harbour_posts(blog):
    """An older post about harbours and a newer one that mentions a harbour once."""
    make_post(
        blog,
        "Harbour cities compared",
        days_ago=5,
        body=[("paragraph", "<p>The harbour trade shapes each harbour city and its harbour.</p>")],
    )
    make_post(
        blog,
        "A budget in brief",
        days_ago=1,
        body=[("paragraph", "<p>The council spent more on schools than on the harbour.</p>")],
    )


@postgresql_only
def test_best_match_ranks_the_post_about_the_word_first(client, harbour_posts):
    assert result_titles(client.get("/search/?q=harbour&order=relevance")) == [
        "Harbour cities compared",
        "A budget in brief",
    ]
    assert result_titles(client.get("/search/?q=harbour&order=newest")) == [
        "A budget in brief",
        "Harbour cities compared",
    ]


def test_order_choice_is_offered_only_where_the_database_ranks(client, harbour_posts):
    html = client.get("/search/?q=harbour").content.decode()
    ranks = connection.vendor == "postgresql"
    assert ("Best match" in html) == ranks
    expected = "relevance" if ranks else "newest"  # SQLite ignores the choice
    assert client.get("/search/?q=harbour&order=relevance").context["order"] == expected


@pytest.mark.parametrize(
    "order", ["", "RELEVANCE", "relevance'", "-date", "newest;drop", "x" * 500, "\x00"]
)
def test_unknown_orders_fall_back_to_newest(client, harbour_posts, order):
    response = client.get("/search/", {"q": "harbour", "order": order})
    assert response.status_code == 200
    assert result_titles(response) == ["A budget in brief", "Harbour cities compared"]


def orders():
    return ["newest", "relevance"] if connection.vendor == "postgresql" else ["newest"]


@pytest.mark.parametrize("order", ["newest", "relevance"])
def test_pages_of_results_hold_every_match_once_in_each_order(client, blog, order):
    if order not in orders():
        pytest.skip("best match is offered on PostgreSQL only")
    titles = {make_post(blog, f"Ferry report {n}", days_ago=n).title for n in range(13)}
    first = client.get(f"/search/?q=ferry&order={order}")
    html = first.content.decode()
    assert first.context["results"].has_next and not first.context["results"].has_previous
    assert f'href="?q=ferry&amp;order={order}&amp;page=2"' in html
    second = client.get(f"/search/?q=ferry&order={order}&page=2")
    assert not second.context["results"].has_next
    shown = result_titles(first) + result_titles(second)
    assert len(shown) == 13 and set(shown) == titles
    if order == "newest":
        assert shown == [f"Ferry report {n}" for n in range(13)]
    assert client.get(f"/search/?q=ferry&order={order}&page=3").status_code == 404


@pytest.fixture
def hidden_matches(blog):
    make_post(blog, "Visible lighthouse", days_ago=2)
    make_post(blog, "Draft lighthouse", days_ago=1, live=False)
    make_private(make_post(blog, "Private lighthouse", days_ago=1))
    make_post(blog, "Future lighthouse", date=timezone.now() + timedelta(days=2))


@pytest.mark.parametrize("order", ["newest", "relevance"])
def test_search_shows_only_published_posts_in_each_order(client, hidden_matches, order):
    response = client.get(f"/search/?q=lighthouse&order={order}")
    assert result_titles(response) == ["Visible lighthouse"]
    assert [f["hits"] for f in response.context["facets"]] == []
    for title in ("Draft", "Private", "Future"):
        assert f"{title} lighthouse" not in response.content.decode()


@pytest.mark.parametrize("order", ["newest", "relevance"])
def test_search_query_count_does_not_grow_with_matches(client, blog, order):
    theme = make_theme("Ports", slug="ports")

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/search/?q=quay&order={order}").status_code == 200
        return len(captured)

    make_post(blog, "Quay one", themes=[theme])
    client.get("/search/?q=quay")  # fills the site and menu cache
    few = count_queries()
    for n in range(30):
        make_post(blog, f"Quay {n}", themes=[theme])
    assert count_queries() == few <= SEARCH_BUDGET, few
