"""Citation exports read back with real BibTeX and RIS parsers."""

from datetime import date

import bibtexparser
import pytest
import rispy

from projects.citations import Citation, to_bibtex, to_reference, to_ris

CITATIONS = {
    "working paper by two people": Citation(
        title="The Future of City Leadership in the United Kingdom",
        kind="working-paper",
        kind_label="Working paper",
        authors=["Hambleton, Robin", "Howard, Joanna"],
        published=date(2014, 11, 3),
        publisher="Government Office for Science",
        url="https://example.org/report.pdf",
        doi="10.1234/cities.2014",
    ),
    "report by an organisation, no date": Citation(
        title="Placing business leadership",
        kind="report",
        kind_label="Report",
        authors=["City Leadership Laboratory"],
        publisher="UCL",
    ),
    "article with TeX specials": Citation(
        title="Cities & networks: 100% {diplomacy}_now #1 ~ ^ \\",
        kind="article",
        kind_label="Article",
        authors=["Chillón, Pablo"],
        published=date(2015, 2, 1),
        publisher="Journal of Urban Affairs",
    ),
    "book": Citation(
        title="London: a city of the world",
        kind="book",
        kind_label="Book",
        authors=["Clark, Greg"],
        published=date(2014, 12, 1),
        publisher="Wiley Blackwell",
    ),
}


@pytest.mark.parametrize("name", CITATIONS)
def test_bibtex_parses_with_its_fields(name):
    citation = CITATIONS[name]
    library = bibtexparser.parse_string(to_bibtex(citation))
    assert not library.failed_blocks
    [entry] = library.entries
    fields = entry.fields_dict
    assert entry.key == citation.key
    assert entry.entry_type == {"article": "article", "book": "book"}.get(
        citation.kind, "techreport"
    )
    assert "title" in fields
    if citation.kind != "article":  # plain text survives; specials are escaped, tested below
        assert fields["title"].value == "{" + citation.title + "}"
    if citation.published:
        assert fields["year"].value == str(citation.published.year)
    if citation.doi:
        assert fields["doi"].value == citation.doi
    place = {"article": "journal", "book": "publisher"}.get(citation.kind, "institution")
    assert fields[place].value == citation.publisher
    assert len(fields["author"].value.split(" and ")) == len(citation.authors)


def test_bibtex_escapes_tex_specials():
    text = to_bibtex(CITATIONS["article with TeX specials"])
    assert r"Cities \& networks: 100\% \{diplomacy\}\_now \#1" in text
    assert r"\textasciitilde{} \textasciicircum{} \textbackslash{}" in text


def test_organisation_author_is_braced_so_bibtex_keeps_it_whole():
    assert "author = {{City Leadership Laboratory}}" in to_bibtex(
        CITATIONS["report by an organisation, no date"]
    )


@pytest.mark.parametrize("name", CITATIONS)
def test_ris_parses_with_its_tags(name):
    citation = CITATIONS[name]
    text = to_ris(citation)
    assert text.endswith("ER  - \r\n")
    [entry] = rispy.loads(text)
    assert entry["type_of_reference"] == {"article": "JOUR", "book": "BOOK"}.get(
        citation.kind, "RPRT"
    )
    assert entry["title"] == citation.title
    assert entry["authors"] == citation.authors
    if citation.published:
        assert entry["year"] == str(citation.published.year)
    if citation.doi:
        assert entry["doi"] == citation.doi
    if citation.kind == "article":
        assert entry["journal_name"] == citation.publisher
    else:
        assert entry["publisher"] == citation.publisher


def test_a_multiline_title_stays_on_one_ris_line():
    citation = Citation(title="Two\nlines", kind="report", kind_label="Report")
    assert "TI  - Two lines\r\n" in to_ris(citation)


def test_reference_reads_like_a_citation():
    assert to_reference(CITATIONS["working paper by two people"]) == (
        "Hambleton, R. and Howard, J. (2014) The Future of City Leadership in the United "
        "Kingdom. Working paper. Government Office for Science. https://doi.org/10.1234/cities.2014"
    )
    assert to_reference(CITATIONS["report by an organisation, no date"]) == (
        "City Leadership Laboratory (n.d.) Placing business leadership. Report. UCL."
    )


def test_citation_key_is_ascii():
    assert CITATIONS["article with TeX specials"].key == "chillon2015cities"
