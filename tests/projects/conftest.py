from datetime import date

import pytest

from tests.factories import (
    make_city,
    make_document,
    make_organisation,
    make_person,
    make_project,
    make_project_index,
    make_theme,
)


@pytest.fixture
def project_index(home):
    return make_project_index(home)


@pytest.fixture
def scoping_study(project_index, blog):
    """A completed project with every field filled in, like the 2009 scoping study."""
    diplomacy = make_theme("City diplomacy", slug="city-diplomacy", hashtag="#citydiplomacy")
    leadership = make_theme("City leadership", slug="city-leadership")
    malmo = make_city("Malmö", country="SE")
    porto_alegre = make_city("Porto Alegre", country="BR")
    larci = make_organisation(
        "Local Authority Research Council Initiative", website="https://larci.example.org"
    )
    lga = make_organisation("Local Government Association")
    leader = make_person("Robin Hambleton", role="Professor of City Leadership")
    researcher = make_person("Joanna Howard")
    report = make_document("Scoping study report", b"%PDF-1.4 " + b"x" * 2048, "scoping.pdf")
    return make_project(
        project_index,
        "International civic leadership",
        slug="civic-leadership",
        full_title="Civic leadership abroad: a scoping study of public service innovation",
        summary="A scoping study of what UK local government can learn from abroad.",
        start=date(2009, 1, 1),
        end=date(2009, 6, 30),
        themes=[diplomacy, leadership],
        cities=[malmo],
        countries=["GB"],
        organisations=[(larci, "sponsor"), (lga, "partner")],
        members=[(leader, "Project leader for SPE", True), (researcher, "Researcher", False)],
        outputs=[
            {
                "title": "Civic leadership and public service innovation",
                "kind": "report",
                "publication_date": date(2009, 6, 1),
                "authors": "Hambleton, Robin\nHoward, Joanna",
                "publisher": "Local Authority Research Council Initiative",
                "document": report,
                "doi": "10.1234/civic.2009",
            }
        ],
        contact_person=leader,
        contact_email="robin.hambleton@uwe.example.ac.uk",
        body=[
            ("paragraph", "<p>Why leaders should move from improvement to innovation.</p>"),
            (
                "case_study",
                {
                    "title": "Participatory budgeting",
                    "city": porto_alegre,
                    "summary": "<p>Citizens decide part of the city budget.</p>",
                    "lessons": ["Open the budget early.", "Report back every year."],
                },
            ),
            (
                "key_findings",
                {"heading": "Key findings", "findings": ["Innovation beats improvement."]},
            ),
        ],
    )
