"""A reader filters the research projects, opens one, cites and downloads its report."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from tests.factories import (
    make_person,
    make_project,
    make_project_index,
    make_scoping_study,
    make_site,
    make_theme,
)

# serialized_rollback: a transactional test flushes the tables, and the root page and
# default locale that migrations create must come back for the next one.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def tiny_pdf(text="Civic leadership report"):
    """A small but well-formed one-page PDF, with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


REPORT = tiny_pdf()


@pytest.fixture
def projects():
    home, _blog = make_site()
    index = make_project_index(home)
    civic = make_scoping_study(index, REPORT)
    diplomacy = civic.themes.get(slug="city-diplomacy")
    sdg = make_theme("urbanSDG", slug="urbansdg", hashtag="#urbanSDG")
    lga = civic.organisation_links.get(role="partner").organisation
    make_project(
        index,
        "Mayors abroad",
        slug="mayors-abroad",
        start=timezone.localdate() - timedelta(days=200),
        themes=[diplomacy],
        members=[(make_person("Ana Ruiz"), "Principal investigator", True)],
    )
    make_project(
        index,
        "An urban goal",
        slug="urban-goal",
        start=date(2013, 3, 1),
        end=date(2015, 9, 30),
        themes=[sdg],
        organisations=[(lga, "partner")],
    )
    return civic


def test_reader_filters_opens_cites_and_downloads(live_server, page, screenshot, projects):
    page.goto(live_server.url + "/projects/")
    assert page.get_by_role("heading", level=1).inner_text() == "Research projects"
    titles = page.get_by_role("heading", level=2).get_by_role("link")
    assert sorted(titles.all_inner_texts()) == [
        "An urban goal",
        "International civic leadership",
        "Mayors abroad",
    ]
    screenshot("project-index")

    filters = page.get_by_role("form", name="Filter projects")
    theme = filters.get_by_label("Theme", exact=True)
    theme.select_option(label="City diplomacy")
    filters.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/projects/?theme=city-diplomacy")
    assert sorted(titles.all_inner_texts()) == ["International civic leadership", "Mayors abroad"]
    assert not page.get_by_role("link", name="An urban goal").count()
    screenshot("project-index-filtered")

    page.get_by_role("link", name="International civic leadership").click()
    page.wait_for_url("**/projects/civic-leadership/")
    assert page.get_by_role("heading", level=1).inner_text() == "International civic leadership"

    facts = page.get_by_role("complementary", name="Project details")
    fact_text = facts.inner_text()
    assert "January–June 2009" in fact_text
    assert "Completed" in fact_text
    assert "Robin Hambleton" in fact_text  # the leader
    assert "Local Government Association" in fact_text  # the partner
    assert facts.get_by_role(
        "link", name="Local Authority Research Council Initiative"
    ).is_visible()

    outputs = page.get_by_role("region", name="Outputs")
    assert outputs.get_by_role("heading", name="Outputs", level=2).is_visible()
    assert outputs.get_by_role(
        "heading", name="Civic leadership and public service innovation"
    ).is_visible()

    reference = outputs.get_by_text("Hambleton, R. and Howard, J. (2009)")
    assert not reference.is_visible()  # folded away until asked for
    outputs.get_by_text("Cite this").click()
    assert reference.is_visible()
    assert "https://doi.org/10.1234/civic.2009" in reference.inner_text()
    screenshot("project")

    download_link = outputs.get_by_role("link", name="Download PDF")
    assert f"({filesizeformat(len(REPORT))})" in download_link.inner_text()
    with page.expect_download() as download_info:
        download_link.click()
    pdf = Path(download_info.value.path())
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size == len(REPORT)

    with page.expect_download() as download_info:
        outputs.get_by_role("link", name="BibTeX").click()
    download = download_info.value
    assert download.suggested_filename == "hambleton2009civic.bib"
    bibtex = Path(download.path()).read_text(encoding="utf-8")
    assert bibtex.startswith("@techreport{hambleton2009civic,")
    assert "doi = {10.1234/civic.2009}" in bibtex


def test_filters_are_labelled(live_server, page, projects):
    page.goto(live_server.url + "/projects/")
    filters = page.get_by_role("form", name="Filter projects")
    labels = ["Theme", "Status", "Country", "City", "Partner organisation"]
    found = {label: filters.get_by_label(label, exact=True).count() for label in labels}
    assert found == dict.fromkeys(labels, 1)


def test_project_page_fits_a_phone(live_server, browser, projects):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    phone = context.new_page()
    phone.goto(live_server.url + "/projects/civic-leadership/")
    overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert not overflow
