"""OPML subscription lists: reading (hostile files refused), writing, and the commands."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from blog.models import BlogIndexPage
from importers.management.commands.import_opml import unique_name
from importers.models import FeedSource
from importers.opml import OPMLError, read_opml, write_opml
from tests.factories import make_organisation

NESTED = b"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Partners</title></head>
  <body>
    <outline text="Networks">
      <outline text="Mayors network" title="Mayors network news" type="rss"
               xmlUrl="https://mayors.example.org/feed/" htmlUrl="https://mayors.example.org/"/>
      <outline text="Regional">
        <outline text="Ciudades &amp; Regiones" type="rss"
                 xmlUrl="https://ciudades.example.es/rss?lang=es&amp;tag=ods"/>
      </outline>
    </outline>
    <outline text="A link, not a feed" url="https://example.org/"/>
    <outline text="Again" xmlUrl="https://mayors.example.org/feed/"/>
    <outline xmlUrl="  https://untitled.example.org/atom  "/>
  </body>
</opml>
"""


def test_read_nested_outlines_and_ignore_non_feeds():
    assert read_opml(NESTED) == [
        ("Mayors network news", "https://mayors.example.org/feed/", "https://mayors.example.org/"),
        ("Ciudades & Regiones", "https://ciudades.example.es/rss?lang=es&tag=ods", ""),
        ("https://untitled.example.org/atom", "https://untitled.example.org/atom", ""),
    ]


def test_read_opml_1_without_declaration_in_another_encoding():
    data = (
        '<?xml version="1.0" encoding="iso-8859-1"?><opml version="1.0"><body>'
        '<outline text="Métropoles" xmlUrl="https://metropoles.example.fr/feed"/>'
        "</body></opml>"
    ).encode("iso-8859-1")
    assert read_opml(data) == [("Métropoles", "https://metropoles.example.fr/feed", "")]


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<opml version="2.0"><body><outline text="&d;" xmlUrl="https://bomb.example.org/"/></body></opml>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example.org/"/></body></opml>
"""

DTD_ONLY = b"""<?xml version="1.0"?>
<!DOCTYPE opml SYSTEM "http://evil.example.org/opml.dtd">
<opml version="2.0"><body><outline text="x" xmlUrl="https://x.example.org/"/></body></opml>
"""


@pytest.mark.parametrize("data", [ENTITY_BOMB, XXE, DTD_ONLY], ids=["bomb", "xxe", "dtd"])
def test_hostile_opml_is_refused_with_a_clear_error(data):
    with pytest.raises(OPMLError, match="declares a DTD or entities, which are not allowed"):
        read_opml(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not well-formed XML"),
        (b"<opml><body><outline xmlUrl='https://a.example/'></body>", "not well-formed XML"),
        (b"\xff\xfe garbage", "not well-formed XML"),
        (b'<rss version="2.0"><channel/></rss>', "root element is <rss>, not <opml>"),
        (b'<opml version="2.0"><head/></opml>', "has no <body>"),
    ],
)
def test_malformed_opml_is_refused_with_a_clear_error(data, message):
    with pytest.raises(OPMLError, match=message):
        read_opml(data)


def test_write_escapes_and_round_trips():
    sources = [
        SimpleNamespace(
            name='Cities <&> "Regions"',
            url="https://example.org/feed?a=1&b=2",
            partner=SimpleNamespace(website="https://example.org/?x=1&y=2"),
        ),
        SimpleNamespace(name="Plain", url="https://plain.example.org/rss", partner=None),
    ]
    document = write_opml(sources)
    assert document.startswith('<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">')
    assert 'xmlUrl="https://example.org/feed?a=1&amp;b=2"' in document
    assert "&lt;&amp;&gt;" in document and "&quot;Regions&quot;" in document
    assert "<dateCreated>" in document
    assert read_opml(document.encode()) == [
        (
            'Cities <&> "Regions"',
            "https://example.org/feed?a=1&b=2",
            "https://example.org/?x=1&y=2",
        ),
        ("Plain", "https://plain.example.org/rss", ""),
    ]


def test_unique_names_get_a_suffix_within_the_field_length():
    assert unique_name("  Mayors\n network ", set()) == "Mayors network"
    assert unique_name("Mayors", {"Mayors"}) == "Mayors (2)"
    assert unique_name("Mayors", {"Mayors", "Mayors (2)"}) == "Mayors (3)"
    long = "x" * 300
    assert unique_name(long, {"x" * 255}) == "x" * 251 + " (2)"


# The commands


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_opml_creates_new_sources_and_leaves_existing_ones(tmp_path, blog):
    existing = FeedSource.objects.create(
        name="Ours", url="https://mayors.example.org/feed/", target_blog=blog, active=False
    )
    FeedSource.objects.create(
        name="Ciudades & Regiones", url="https://other.example/", target_blog=blog
    )
    path = tmp_path / "partners.opml"
    path.write_bytes(NESTED)

    out, _ = run("import_opml", str(path))
    assert "2 created, 1 existing." in out
    existing.refresh_from_db()
    assert (existing.name, existing.active) == ("Ours", False)  # untouched
    clash = FeedSource.objects.get(url="https://ciudades.example.es/rss?lang=es&tag=ods")
    assert clash.name == "Ciudades & Regiones (2)"
    assert clash.target_blog.pk == blog.pk and clash.partner is None
    assert clash.review_mode == FeedSource.ReviewMode.DRAFT

    out, _ = run("import_opml", str(path))  # again: nothing new
    assert "0 created, 3 existing." in out
    assert FeedSource.objects.count() == 4


def test_import_opml_into_a_chosen_blog_for_a_partner(tmp_path, blog, home):
    second = home.add_child(instance=BlogIndexPage(title="Partner news", slug="partner-news"))
    partner = make_organisation("Mayors network")
    path = tmp_path / "partners.opml"
    path.write_bytes(NESTED)

    run("import_opml", str(path), "--blog", str(second.pk), "--partner", "Mayors network")
    sources = FeedSource.objects.all()
    assert len(sources) == 3
    assert {(s.target_blog.pk, s.partner) for s in sources} == {(second.pk, partner)}

    with pytest.raises(CommandError, match="No organisation called 'Nobody'"):
        run("import_opml", str(path), "--partner", "Nobody")
    with pytest.raises(CommandError, match="No blog index with id 999999"):
        run("import_opml", str(path), "--blog", "999999")


def test_import_opml_refuses_a_hostile_file_and_creates_nothing(tmp_path, blog):
    path = tmp_path / "bomb.opml"
    path.write_bytes(ENTITY_BOMB)
    with pytest.raises(CommandError, match="declares a DTD or entities"):
        run("import_opml", str(path))
    with pytest.raises(CommandError, match="No file"):
        run("import_opml", str(tmp_path / "missing.opml"))
    assert not FeedSource.objects.exists()


def test_import_opml_skips_urls_that_are_not_http(tmp_path, blog):
    path = tmp_path / "odd.opml"
    path.write_text(
        '<opml version="2.0"><body>'
        '<outline text="Local" xmlUrl="file:///etc/passwd"/>'
        '<outline text="Script" xmlUrl="javascript:alert(1)"/>'
        '<outline text="Good" xmlUrl="https://good.example.org/feed"/>'
        "</body></opml>"
    )
    out, err = run("import_opml", str(path))
    assert "1 created, 0 existing." in out
    assert "file:///etc/passwd" in err and "javascript:alert(1)" in err
    assert list(FeedSource.objects.values_list("name", flat=True)) == ["Good"]


def test_export_then_import_round_trips_the_sources(tmp_path, blog):
    partner = make_organisation("Mayors network", website="https://mayors.example.org/")
    FeedSource.objects.create(
        name="Mayors & friends",
        url="https://mayors.example.org/feed?x=1&y=2",
        target_blog=blog,
        partner=partner,
    )
    FeedSource.objects.create(name="Plain", url="https://plain.example.org/rss", target_blog=blog)

    out, _ = run("export_opml")
    assert read_opml(out.encode()) == [
        (
            "Mayors & friends",
            "https://mayors.example.org/feed?x=1&y=2",
            "https://mayors.example.org/",
        ),
        ("Plain", "https://plain.example.org/rss", ""),
    ]
    path = tmp_path / "sources.opml"
    _, err = run("export_opml", "--output", str(path))
    assert "Wrote 2 sources" in err
    assert read_opml(path.read_bytes()) == read_opml(out.encode())

    FeedSource.objects.all().delete()
    imported, _ = run("import_opml", str(path))
    assert "2 created, 0 existing." in imported
    assert sorted(FeedSource.objects.values_list("name", "url")) == [
        ("Mayors & friends", "https://mayors.example.org/feed?x=1&y=2"),
        ("Plain", "https://plain.example.org/rss"),
    ]
