"""Queries per project page stay within budget, whatever the number of projects,
outputs and team members."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_city,
    make_document,
    make_organisation,
    make_person,
    make_post,
    make_project,
    make_theme,
    translate_page,
)

BUDGETS = {
    "/projects/": 12,
    "/projects/?theme=theme-0": 12,
    "/projects/?theme=theme-0&status=completed&country=gb&city=city-0&partner=org-0": 12,
    "/projects/feed/": 10,
    "/projects/project-{last}/": 20,
    "/cities/city-0/": 12,
    "/themes/theme-0/": 12,
}


class Catalogue:
    def __init__(self, index, blog):
        self.index, self.blog = index, blog
        self.themes = [make_theme(f"Theme {n}", slug=f"theme-{n}") for n in range(4)]
        self.cities = [make_city(f"City {n}", slug=f"city-{n}") for n in range(3)]
        self.orgs = [make_organisation(f"Org {n}", slug=f"org-{n}") for n in range(4)]
        self.people = [make_person(f"Person {n}") for n in range(6)]
        self.document = make_document()
        self.count = 0

    def grow(self, projects, size):
        """``projects`` more projects, each with ``size`` members, outputs and partners."""
        for _ in range(projects):
            n = self.count
            self.count += 1
            make_project(
                self.index,
                f"Project {n}",
                slug=f"project-{n}",
                themes=[self.themes[n % 4], self.themes[(n + 1) % 4]],
                cities=self.cities[: 1 + n % 3],
                organisations=[(org, "partner") for org in self.orgs[:size]],
                members=[(p, "Researcher", i == 0) for i, p in enumerate(self.people[:size])],
                outputs=[
                    {"title": f"Output {i}", "document": self.document, "authors": "A, B\nC, D"}
                    for i in range(size)
                ],
                end=None if n % 2 else date(2030, 1, 1),
                body=[
                    (
                        "case_study",
                        {
                            "title": f"Case {n}",
                            "city": city,
                            "summary": "<p>What happened there.</p>",
                            "lessons": ["One lesson."],
                        },
                    )
                    for city in self.cities[: 1 + n % 3]
                ],
            )
            make_post(self.blog, f"Post {n}", themes=[self.themes[n % 4]], cities=[])


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("path", BUDGETS)
def test_queries_within_budget_and_constant(client, project_index, blog, path, language):
    """Measured with 3 projects of one member, output and partner each, then with 33 projects,
    the newest of which (the project page measured) has four of each; in French, all of them
    French pages under the French project index and blog."""
    prefix = ""
    if language != "en":
        project_index, blog = (
            translate_page(project_index, language),
            translate_page(blog, language),
        )
        prefix = f"/{language}"
    catalogue = Catalogue(project_index, blog)
    catalogue.grow(3, size=1)
    small_path = prefix + path.format(last=catalogue.count - 1)
    client.get(small_path)  # warm the caches a running site has (site, menu, translations)
    small = queries_for(client, small_path)
    catalogue.grow(30, size=4)
    large_path = prefix + path.format(last=catalogue.count - 1)
    client.get(large_path)
    large = queries_for(client, large_path)
    assert small <= BUDGETS[path], f"{small_path}: {small} queries"
    assert large == small, f"{path}: {small} queries when small, {large} when large"
