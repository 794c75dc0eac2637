"""The project page: every field, outputs with downloads and citations, JSON-LD, related."""

import json
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from projects.models import RelatedProject
from tests.factories import (
    make_document,
    make_post,
    make_private,
    make_project,
    make_theme,
)

URL = "/projects/civic-leadership/"


def json_ld(html):
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(script)


def test_every_field_is_rendered(client, scoping_study):
    html = client.get(URL).content.decode()
    for text in [
        "<h1>International civic leadership</h1>",
        "Civic leadership abroad: a scoping study of public service innovation",
        "A scoping study of what UK local government can learn from abroad.",
        "January–June 2009",
        "Completed",
        "<dt>Sponsor</dt>",
        '<a href="https://larci.example.org" rel="noopener">Local Authority Research Council',
        "<dt>Partner</dt>",
        "Local Government Association",
        "<dt>Project leader</dt>",
        'Robin Hambleton <span class="facts__role">(Project leader for SPE)</span>',
        'Joanna Howard <span class="facts__role">(Researcher)</span>',
        '<a href="/cities/malmo/">Malmö</a>',
        '<a href="/projects/?country=gb">United Kingdom</a>',
        '<a href="/themes/city-diplomacy/">#citydiplomacy</a>',
        "Why leaders should move from improvement to innovation.",
        # the case study block, with its city and lessons
        "Participatory budgeting",
        '<a href="/cities/porto-alegre/">Porto Alegre</a>, Brazil',
        "<li>Report back every year.</li>",
        "<li>Innovation beats improvement.</li>",
        # the output
        "Civic leadership and public service innovation",
        "Hambleton, Robin; Howard, Joanna",
        "Download PDF",
        "doi:10.1234/civic.2009",
        "Hambleton, R. and Howard, J. (2009) Civic leadership and public service innovation.",
        "Robin Hambleton, Professor of City Leadership",
    ]:
        assert text in html, text


def test_case_study_cities_are_added_to_the_places_covered(scoping_study):
    assert {city.slug for city in scoping_study.cities.all()} == {"malmo", "porto-alegre"}


def test_contact_email_is_never_in_the_html_as_an_address(client, scoping_study):
    html = client.get(URL).content.decode()
    assert "robin.hambleton@uwe.example.ac.uk" not in html
    assert "mailto:" not in html
    assert 'data-email="robin.hambleton [at] uwe [dot] example [dot] ac [dot] uk"' in html


def test_output_downloads_for_anonymous_readers(client, scoping_study):
    output = scoping_study.outputs.get()
    html = client.get(URL).content.decode()
    assert f'href="{output.document.url}"' in html
    assert "(2.0\xa0KB)" in html  # file size of the 2,057-byte document
    response = client.get(output.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("fmt", "content_type", "starts"),
    [
        ("bib", "application/x-bibtex", "@techreport{hambleton2009civic,"),
        ("ris", "application/x-research-info-systems", "TY  - RPRT"),
    ],
)
def test_citation_exports_download(client, scoping_study, fmt, content_type, starts):
    output = scoping_study.outputs.get()
    response = client.get(f"{URL}outputs/{output.pk}/cite/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="hambleton2009civic.{fmt}"'
    body = response.content.decode()
    assert body.startswith(starts)
    assert f"http://testserver{output.document.url}" in body  # an absolute link to the file
    assert f'href="{URL}outputs/{output.pk}/cite/{fmt}/"' in client.get(URL).content.decode()


def test_citation_of_another_projects_output_is_404(client, scoping_study, project_index):
    other = make_project(
        project_index, outputs=[{"title": "Elsewhere", "external_url": "https://example.org/x"}]
    )
    output = other.outputs.get()
    assert client.get(f"{URL}outputs/{output.pk}/cite/bib/").status_code == 404
    assert client.get(f"{URL}outputs/999999/cite/ris/").status_code == 404
    assert client.get(f"{URL}outputs/{output.pk}/cite/pdf/").status_code == 404


def test_json_ld_describes_the_project_and_its_report(client, scoping_study):
    data = json_ld(client.get(URL).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ResearchProject"
    assert data["name"] == "International civic leadership"
    assert data["alternateName"].startswith("Civic leadership abroad")
    assert data["foundingDate"] == "2009-01-01"
    assert data["dissolutionDate"] == "2009-06-30"
    assert data["sponsor"] == [
        {
            "@type": "Organization",
            "name": "Local Authority Research Council Initiative",
            "url": "https://larci.example.org",
        }
    ]
    members = {m["member"]["name"]: m["roleName"] for m in data["member"]}
    assert members == {
        "Robin Hambleton": "Project leader for SPE",
        "Joanna Howard": "Researcher",
        "Local Government Association": "Partner",
    }
    [report] = data["subjectOf"]
    assert report["@type"] == "Report"
    assert report["datePublished"] == "2009-06-01"
    assert report["identifier"]["value"] == "10.1234/civic.2009"
    assert report["encodingFormat"] == "application/pdf"
    assert [a["familyName"] for a in report["author"]] == ["Hambleton", "Howard"]


def test_json_ld_lists_funders_and_cannot_be_broken_out_of(client, project_index):
    from tests.factories import make_organisation

    project = make_project(
        project_index,
        "Tricky </script><script>alert(1)</script>",
        slug="tricky",
        organisations=[(make_organisation("GO-Science"), "funder")],
    )
    html = client.get(project.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    data = json_ld(html)
    assert data["name"] == "Tricky </script><script>alert(1)</script>"
    assert data["funder"] == [{"@type": "Organization", "name": "GO-Science"}]
    assert "dissolutionDate" not in data  # open-ended


def test_open_graph_and_feed_links(client, scoping_study):
    html = client.get(URL).content.decode()
    assert '<meta property="og:title" content="International civic leadership">' in html
    assert '<meta property="og:description" content="A scoping study' in html
    assert (
        'type="application/rss+xml" title="Research projects (RSS)" href="/projects/feed/"' in html
    )


def test_related_projects_hand_picked_first_then_by_shared_themes(
    client, scoping_study, project_index
):
    diplomacy = scoping_study.themes.get(slug="city-diplomacy")
    leadership = scoping_study.themes.get(slug="city-leadership")
    both = make_project(project_index, "Shares two themes", themes=[diplomacy, leadership])
    one = make_project(project_index, "Shares one theme", themes=[diplomacy])
    make_project(project_index, "Shares none", themes=[make_theme("Unrelated")])
    make_project(project_index, "A draft", themes=[diplomacy, leadership], live=False)
    picked = make_project(project_index, "Picked by hand")
    RelatedProject.objects.create(page=scoping_study, project=picked)

    html = client.get(URL).content.decode()
    related = html[html.index("Related projects") :]
    titles = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', related)
    assert titles[:3] == ["Picked by hand", "Shares two themes", "Shares one theme"]
    assert "Shares none" not in related and "A draft" not in related
    assert both.pk != one.pk


def test_related_blog_posts_by_shared_themes(client, scoping_study, blog):
    diplomacy = scoping_study.themes.get(slug="city-diplomacy")
    make_post(blog, "A post on diplomacy", themes=[diplomacy])
    make_post(blog, "A post on something else", themes=[make_theme("Other")])
    make_post(blog, "A future post", themes=[diplomacy], date=timezone.now() + timedelta(days=3))
    html = client.get(URL).content.decode()
    assert "From the blog" in html
    assert "A post on diplomacy" in html
    assert "A post on something else" not in html
    assert "A future post" not in html


def test_drafts_and_private_projects_are_not_shown(client, project_index):
    draft = make_project(project_index, "Draft project", slug="draft", live=False)
    private = make_project(project_index, "Private project", slug="private")
    make_private(private)
    assert client.get("/projects/draft/").status_code == 404
    assert client.get("/projects/private/").status_code == 200  # the password form
    assert "Private project</h1>" not in client.get("/projects/private/").content.decode()
    listing = client.get("/projects/").content.decode()
    assert draft.title not in listing and private.title not in listing
    feed = client.get("/projects/feed/").content.decode()
    assert draft.title not in feed and private.title not in feed


def test_output_without_a_document_links_out(client, project_index):
    project = make_project(
        project_index,
        slug="linked",
        outputs=[
            {
                "title": "A book elsewhere",
                "kind": "book",
                "external_url": "https://publisher.example.org/book",
                "publication_date": date(2015, 3, 1),
            }
        ],
    )
    html = client.get(project.url).content.decode()
    assert (
        '<a href="https://publisher.example.org/book" rel="noopener">Read at the publisher</a>'
        in html
    )
    assert "Download" not in html
    assert json_ld(html)["subjectOf"][0]["@type"] == "Book"


def test_output_needs_a_document_link_or_doi():
    from django.core.exceptions import ValidationError

    from projects.models import ProjectOutput

    with pytest.raises(ValidationError):
        ProjectOutput(title="Nothing to read").clean()
    with pytest.raises(ValidationError):
        ProjectOutput(title="Bad DOI", doi="https://doi.org/11.5/x").clean()
    output = ProjectOutput(title="Good", doi=" https://doi.org/10.5/x ")
    output.clean()
    assert output.doi == "10.5/x"


def test_end_before_start_is_refused(project_index):
    from django.core.exceptions import ValidationError

    project = make_project(project_index)
    project.end_date = project.start_date - timedelta(days=1)
    with pytest.raises(ValidationError):
        project.full_clean()


def test_document_size_shown_for_a_larger_file(client, project_index):
    document = make_document("Big", b"%PDF-1.4 " + b"0" * 1_500_000, "big.pdf")
    project = make_project(
        project_index, slug="big", outputs=[{"title": "Big report", "document": document}]
    )
    assert (
        'Download PDF <span class="output__size">(1.4\xa0MB)</span>'
        in client.get(project.url).content.decode()
    )
