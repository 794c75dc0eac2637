"""Queries per page stay within budget and do not grow with the number of posts, in the
default language (``/blog/``) and in a translated blog's (``/fr/blog/``) alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_category,
    make_person,
    make_post,
    make_series,
    make_theme,
    translate_page,
)

# path -> the most queries a reader's request may take, in every language
BUDGETS = {
    "/blog/": 10,
    "/blog/theme/theme-0/": 10,
    "/blog/category/category-0/": 10,
    "/blog/author/author-0/": 10,
    "/blog/feed/": 6,
    "/blog/feed/atom/": 6,
    "/blog/feed/json/": 6,
    "/blog/theme/theme-0/feed/": 6,
    # 15 for the post, and one for its approved comments (discussion app).
    "/blog/post-0/": 16,
}


def grow_blog(blog, count):
    themes = [make_theme(f"Theme {n}", slug=f"theme-{n}") for n in range(5)]
    categories = [make_category(f"Category {n}") for n in range(3)]
    people = [make_person(f"Author {n}") for n in range(4)]
    series = make_series("Series 0")
    for n in range(count):
        make_post(
            blog,
            f"Post {n}",
            days_ago=n,
            themes=[themes[n % 5], themes[(n + 1) % 5], themes[(n + 2) % 5]],
            categories=[categories[n % 3]],
            authors=people[: 1 + n % 3],
            series=series if n % 10 == 0 else None,
            series_position=n // 10 + 1,
        )


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("path", BUDGETS)
def test_queries_within_budget_and_constant(client, blog, path, language):
    budget = BUDGETS[path]
    if language != "en":  # the French blog, a translation of the English one, at /fr/blog/
        blog = translate_page(blog, language, title="Blog de débat")
        path = f"/{language}{path}"
    grow_blog(blog, 20)
    client.get(path)  # warm the per-process caches a running site has
    at_20 = queries_for(client, path)
    grow_blog_more = 180
    for n in range(grow_blog_more):
        make_post(blog, f"Extra {n}", days_ago=30 + n)
    at_200 = queries_for(client, path)
    assert at_20 <= budget, f"{path}: {at_20} queries"
    assert at_200 == at_20, f"{path}: {at_20} queries at 20 posts, {at_200} at 200"
