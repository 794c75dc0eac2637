"""Editors build project pages in the Wagtail admin and find them in the project listing."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from projects.models import ProjectPage
from tests.factories import (
    make_city,
    make_document,
    make_organisation,
    make_person,
    make_project,
    make_theme,
)


def list_items(*values):
    """ListBlock form data."""
    return {
        "count": len(values),
        **{str(n): {"value": v, "deleted": "", "order": n, "id": ""} for n, v in enumerate(values)},
    }


def test_editor_builds_a_seed_project_with_every_field(admin_client, project_index):
    """The 2009 scoping study, entered through the page editor and published."""
    make_theme("City leadership", slug="city-leadership")
    medellin = make_city("Medellín", country="CO")
    enschede = make_city("Enschede", country="NL")
    larci = make_organisation("LARCI")
    clg = make_organisation("Communities and Local Government")
    slace = make_organisation("Society of Local Authority Chief Executives")
    hambleton = make_person("Robin Hambleton")
    howard = make_person("Joanna Howard")
    taylor = make_person("Marilyn Taylor")
    report = make_document("Scoping study", b"%PDF-1.4 report", "scoping.pdf")
    earlier = make_project(project_index, "Earlier work")

    data = nested_form_data(
        {
            "title": "International civic leadership",
            "slug": "international-civic-leadership",
            "full_title": "Civic leadership abroad: a scoping study of public service innovation",
            "summary": "What UK local governance can learn from five cities abroad.",
            "start_date": "2009-01-01",
            "end_date": "2009-06-30",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Three realms of place-based leadership.</p>")),
                    (
                        "case_study",
                        {
                            "title": "Participatory planning",
                            "city": medellin.pk,
                            "summary": rich_text("<p>Budgets planned with residents.</p>"),
                            "lessons": list_items("Start in the poorest districts."),
                        },
                    ),
                    (
                        "key_findings",
                        {
                            "heading": "Key findings",
                            "findings": list_items("Innovate, do not only improve."),
                        },
                    ),
                ]
            ),
            "organisation_links": inline_formset(
                [
                    {"organisation": larci.pk, "role": "sponsor"},
                    {"organisation": clg.pk, "role": "sponsor"},
                    {"organisation": slace.pk, "role": "partner"},
                ]
            ),
            "members": inline_formset(
                [
                    {"person": hambleton.pk, "role": "Project leader for SPE", "is_leader": "on"},
                    {"person": howard.pk, "role": "Researcher"},
                    {"person": taylor.pk, "role": "Researcher"},
                ]
            ),
            "outputs": inline_formset(
                [
                    {
                        "title": "Leading the inclusive city",
                        "kind": "report",
                        "publication_date": "2009-07-01",
                        "authors": "Hambleton, Robin\nHoward, Joanna",
                        "publisher": "LARCI",
                        "document": report.pk,
                        "external_url": "",
                        "doi": "",
                    }
                ]
            ),
            "related_project_links": inline_formset([{"project": earlier.pk}]),
            "contact_person": hambleton.pk,
            "contact_email": "robin@example.org",
            "themes": "City leadership",
            "action-publish": "publish",
        }
    )
    data.update(cities=[enschede.pk], countries=["GB"])  # multiple values, not nested data
    url = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", project_index.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""

    project = ProjectPage.objects.get(slug="international-civic-leadership")
    assert project.live
    assert project.end_date == date(2009, 6, 30)
    assert [link.organisation.name for link in project.organisation_links.all()] == [
        "LARCI",
        "Communities and Local Government",
        "Society of Local Authority Chief Executives",
    ]
    assert [(m.person.name, m.is_leader) for m in project.members.all()] == [
        ("Robin Hambleton", True),
        ("Joanna Howard", False),
        ("Marilyn Taylor", False),
    ]
    assert project.outputs.get().document == report
    assert {city.name for city in project.cities.all()} == {"Enschede", "Medellín"}
    assert [c.code for c in project.countries] == ["GB"]

    html = admin_client.get(project.url).content.decode()
    for text in [
        "January–June 2009",
        "Sponsors",
        "Communities and Local Government",
        "Marilyn Taylor",
        "Participatory planning",
        "Start in the poorest districts.",
        "Innovate, do not only improve.",
        "Leading the inclusive city",
        "Earlier work",
        "robin [at] example [dot] org",
    ]:
        assert text in html, text


def test_editor_form_offers_every_project_field(admin_client, project_index):
    url = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", project_index.pk))
    html = admin_client.get(url).content.decode()
    assert '"fieldName": "body"' in html  # the StreamField, drawn by script
    for name in [
        "title",
        "full_title",
        "summary",
        "start_date",
        "end_date",
        "contact_person",
        "contact_email",
        "themes",
        "cities",
        "countries",
        "organisation_links-TOTAL_FORMS",
        "members-TOTAL_FORMS",
        "outputs-TOTAL_FORMS",
        "related_project_links-TOTAL_FORMS",
    ]:
        assert f'name="{name}"' in html, name


@pytest.fixture
def listed(project_index):
    return {
        "done": make_project(project_index, "Done", start=date(2009, 1, 1), end=date(2009, 6, 30)),
        "running": make_project(project_index, "Running", start=date(2020, 1, 1)),
        "later": make_project(project_index, "Later", start=date(2099, 1, 1)),
    }


def test_admin_project_listing_shows_status_and_dates(admin_client, listed):
    response = admin_client.get(reverse("project_pages:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Done",
        "Completed",
        "January–June 2009",
        "Running",
        "Ongoing",
        "From January 2020",
        "Later",
        "Planned",
    ]:
        assert text in html, text
    assert "Projects" in admin_client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("project_status=completed", ["Done"], ["Running", "Later"]),
        ("project_status=ongoing", ["Running"], ["Done", "Later"]),
        ("project_status=planned", ["Later"], ["Done", "Running"]),
        ("started_after=2019-12-31", ["Running", "Later"], ["Done"]),
        ("ended_before=2010-01-01", ["Done"], ["Running", "Later"]),
    ],
)
def test_admin_project_listing_filters_by_status_and_dates(
    admin_client, listed, query, shown, hidden
):
    html = admin_client.get(reverse("project_pages:index") + "?" + query).content.decode()
    titles = {
        page.title: f">{page.title}<" in html or f"{page.title}\n" in html
        for page in listed.values()
    }
    for title in shown:
        assert titles[title], title
    for title in hidden:
        assert not titles[title], title


def test_editor_manages_cities_as_snippets(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_vocabulary_city:add"),
        {"name": "Porto Alegre", "slug": "", "country": "BR"},
    )
    assert response.status_code == 302
    response = admin_client.get(reverse("wagtailsnippets_vocabulary_city:list"))
    assert "Porto Alegre" in response.content.decode() and "Brazil" in response.content.decode()
