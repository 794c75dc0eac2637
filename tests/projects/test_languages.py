"""The project index, pages, filters and feeds in English, French and Spanish: each language
lists its own projects only, in its own words and dates.

Data-driven: LANGUAGES gives each language's address prefix, and the words and dates its
pages must show.
"""

import json
import re
from datetime import date

import pytest

from tests.factories import (
    make_city,
    make_organisation,
    make_post,
    make_project,
    make_theme,
    translate_page,
)

LANGUAGES = {
    "en": {
        "prefix": "",
        "durations": ["January–June 2009", "November 2014–March 2016", "From January 2015"],
        "status": "Completed",
        "words": ["Any theme", "Related projects", "From the blog", "New research projects."],
        "role": "Funders",
    },
    "fr": {
        "prefix": "/fr",
        "durations": ["janvier–juin 2009", "novembre 2014–mars 2016", "Depuis janvier 2015"],
        "status": "Terminé",
        "words": [
            "Tous les thèmes",
            "Projets liés",
            "Sur le blog",
            "Nouveaux projets de recherche.",
        ],
        "role": "Financeurs",
    },
    "es": {
        "prefix": "/es",
        "durations": [
            "enero–junio de 2009",
            "noviembre de 2014–marzo de 2016",
            "Desde enero de 2015",
        ],
        "status": "Finalizado",
        "words": [
            "Todos los temas",
            "Proyectos relacionados",
            "En el blog",
            "Nuevos proyectos de investigación.",
        ],
        "role": "Financiadores",
    },
}
DATES = [
    (date(2009, 1, 1), date(2009, 6, 30)),
    (date(2014, 11, 1), date(2016, 3, 31)),
    (date(2015, 1, 15), None),
]


@pytest.fixture
def catalogue(project_index, blog):
    """In every language, an index with three projects (one per duration, each its own
    theme) and a blog post on the first one's theme; English themes and cities only in
    English projects, so each language's filter choices are its own."""
    funder_a = make_organisation("Funder A", slug="funder-a")
    funder_b = make_organisation("Funder B", slug="funder-b")
    pages = {}
    for code in LANGUAGES:
        index = project_index if code == "en" else translate_page(project_index, code)
        posts = blog if code == "en" else translate_page(blog, code)
        theme = make_theme(f"Theme {code}", slug=f"theme-{code}")
        city = make_city(f"City {code}", slug=f"city-{code}")
        projects = [
            make_project(
                index,
                f"Project {code} {n}",
                slug=f"project-{n}",
                start=start,
                end=end,
                themes=[theme],
                cities=[city],
                organisations=[(funder_a, "funder"), (funder_b, "funder")],
            )
            for n, (start, end) in enumerate(DATES)
        ]
        make_post(posts, f"Post {code}", themes=[theme])
        pages[code] = {"index": index, "projects": projects, "theme": theme}
    return pages


def titles(html):
    return set(re.findall(r"Project (?:en|fr|es) \d", html))


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_index_lists_its_languages_projects_with_their_durations(client, catalogue, code):
    expected = LANGUAGES[code]
    response = client.get(f"{expected['prefix']}/projects/")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == {f"Project {code} {n}" for n in range(3)}
    for duration in expected["durations"]:
        assert duration in html
    assert expected["status"] in html
    assert expected["words"][0] in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_filters_offer_the_values_of_that_languages_projects(client, catalogue, code):
    prefix = LANGUAGES[code]["prefix"]
    html = client.get(f"{prefix}/projects/").content.decode()
    themes = set(re.findall(r'<option value="(theme-\w+)"', html))
    cities = set(re.findall(r'<option value="(city-\w+)"', html))
    assert (themes, cities) == ({f"theme-{code}"}, {f"city-{code}"})
    other = "fr" if code != "fr" else "es"
    assert client.get(f"{prefix}/projects/?theme=theme-{other}").status_code == 404
    filtered = client.get(f"{prefix}/projects/?theme=theme-{code}&status=completed")
    assert titles(filtered.content.decode()) == {f"Project {code} 0", f"Project {code} 1"}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("fmt", ["", "atom/", "json/"])
def test_the_feeds_are_in_their_language(client, catalogue, code, fmt):
    expected = LANGUAGES[code]
    response = client.get(f"{expected['prefix']}/projects/feed/{fmt}")
    assert response.status_code == 200
    body = response.content.decode()
    assert titles(body) == {f"Project {code} {n}" for n in range(3)}
    if fmt != "atom/":  # Atom has no description
        assert expected["words"][3] in body
    if fmt == "json/":
        assert json.loads(body)["language"] == code
    elif fmt == "atom/":
        assert f'xml:lang="{code}"' in body
    else:
        assert f"<language>{code}</language>" in body


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_project_page_in_its_language(client, catalogue, code):
    expected = LANGUAGES[code]
    response = client.get(f"{expected['prefix']}/projects/project-0/")
    assert response.status_code == 200
    html = response.content.decode()
    assert expected["durations"][0] in html
    assert expected["role"] in html  # two funders: the plural heading
    for words in expected["words"][1:3]:
        assert words in html
    related = html[html.index('id="related-projects-heading"') :]
    assert titles(related) == {f"Project {code} 1", f"Project {code} 2"}
    assert re.findall(r"Post (?:en|fr|es)", related) == [f"Post {code}"]

    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["inLanguage"] == code
    assert data["name"] == f"Project {code} 0"
