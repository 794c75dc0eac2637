"""parse_feed over the fixture feeds in tests/importers/fixtures/core/, one rule at a time."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from importers.core import clean as clean_module
from importers.core import parse as parse_module
from importers.core.clean import clean_entry
from importers.core.parse import DECLARATION_REFUSED, parse_feed
from importers.core.types import ParsedFeed, Rejected

from .checks import feed_problems, html_problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "core"
URL = "https://partner.example.net/feeds/"
NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)


def parse(name: str, content_type: str = "") -> ParsedFeed:
    return parse_feed((FIXTURES / name).read_bytes(), URL + name, NOW, content_type)


def rejection(name: str) -> Rejected:
    with pytest.raises(Rejected) as raised:
        parse(name)
    return raised.value


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_fixture_is_rejected_or_safe(name):
    try:
        feed = parse(name)
    except Rejected:
        return
    assert feed_problems(feed, NOW) == []
    assert feed.failed == []


@pytest.mark.parametrize(
    ("name", "title", "entry_title", "link"),
    [
        ("rss091.xml", "Old Town Bulletin", "Market square reopens", "http://bulletin.example.net/market-square"),
        ("rss10.rdf", "Regional Planning Notes", "Transit corridors and housing", "http://rdf.example.net/notes/7"),
        ("rss20.xml", "Mayors Exchange", "Heat plans compared across twelve cities", "https://partner.example.net/posts/heat-plans"),
        ("atom03.xml", "Harbour Cities Log", "Ports and the energy transition", "http://harbour.example.net/log/ports-energy"),
        ("atom10-xml-base.xml", "Civic Data Lab", "Open budgets, finally", "https://atom.example.net/blog/2024/05/open-budgets"),
    ],
)  # fmt: skip
def test_formats(name, title, entry_title, link):
    feed = parse(name)
    assert feed.title == title
    [entry] = feed.entries
    assert (entry.title, entry.link) == (entry_title, link)
    assert entry.summary and entry.body_html


def test_rss20_fields():
    [entry] = parse("rss20.xml").entries
    assert entry.key == entry.guid == "partner-post-101"
    assert entry.published == datetime(2024, 5, 15, 7, 30, tzinfo=UTC)
    assert entry.authors == ["Amina Diallo"]
    assert entry.categories == ["Climate Adaptation", "Urban Heat"]
    assert entry.body_html == (
        '<p>Twelve <em>cities</em> shared their <a href="https://partner.example.net/reports/heat"'
        ' rel="nofollow noopener">heat plans</a>.</p>'
    )
    [enclosure] = entry.enclosures
    assert enclosure.url == "https://partner.example.net/files/heat-plans.pdf"
    assert (enclosure.media_type, enclosure.length) == ("application/pdf", 48213)


def test_relative_links_follow_xml_base():
    feed = parse("atom10-xml-base.xml")
    [entry] = feed.entries
    assert feed.link == "https://atom.example.net/blog/"
    assert entry.enclosures[0].url == "https://atom.example.net/blog/files/budget.csv"
    assert 'href="https://atom.example.net/media/charts/budget.html"' in entry.body_html
    assert 'src="https://atom.example.net/media/img/budget.png"' in entry.body_html
    assert 'href="https://cdn.example.net/x.js"' in entry.body_html
    assert entry.authors == ["Sofia Ruiz"]
    assert entry.categories == ["Open Data"]


def test_dedupe_falls_back_from_guid_to_link_to_hash():
    feed = parse("dedupe.xml")
    keys = [entry.key for entry in feed.entries]
    assert keys[:2] == ["urn:dupes:1", "https://dupes.example.net/b"]
    assert keys[2].startswith("sha256:") and keys[3].startswith("sha256:") and keys[2] != keys[3]
    assert keys[4] == "https://dupes.example.net/c"  # a blank guid counts as none
    assert [entry.title for entry in feed.entries][:2] == ["With a guid", "Only a link"]
    assert [s.key for s in feed.skipped] == ["urn:dupes:1", "https://dupes.example.net/b", keys[2]]
    assert {s.reason for s in feed.skipped} == {"duplicate of an earlier entry in this feed"}


def test_an_entry_that_cannot_be_cleaned_is_reported_not_fatal(monkeypatch):
    def clean_or_fail(raw, feed_url, now):
        if raw.get("title") == "Only a link":
            raise ValueError("broken entry")
        return clean_entry(raw, feed_url, now)

    monkeypatch.setattr(parse_module, "clean_entry", clean_or_fail)
    feed = parse("dedupe.xml")
    assert [(f.key, f.reason) for f in feed.failed] == [
        ("https://dupes.example.net/b", "ValueError: broken entry")
    ]
    assert "https://dupes.example.net/b" in [e.key for e in feed.entries]  # its duplicate


@pytest.mark.parametrize("name", ["rss20.xml", "atom10-xml-base.xml", "dedupe.xml"])
def test_known_entries_are_not_cleaned(name):
    first = parse(name)
    digests = [entry.digest for entry in first.entries]
    assert all(digests) and len(set(digests)) == len(digests)

    again = parse_feed((FIXTURES / name).read_bytes(), URL + name, NOW, known=set(digests))
    assert again.entries == [] and again.unchanged == digests
    assert again.skipped == first.skipped  # repeats of a known entry are still repeats

    other = parse_feed((FIXTURES / name).read_bytes(), URL + name, NOW, salt="other themes")
    assert [e.key for e in other.entries] == [e.key for e in first.entries]
    assert not {e.digest for e in other.entries} & set(digests)


def test_the_digest_version_and_the_feed_url_change_every_digest(monkeypatch):
    digests = {entry.digest for entry in parse("rss20.xml").entries}
    moved = parse_feed((FIXTURES / "rss20.xml").read_bytes(), "https://elsewhere.example/", NOW)
    assert not {entry.digest for entry in moved.entries} & digests
    monkeypatch.setattr(clean_module, "DIGEST_VERSION", clean_module.DIGEST_VERSION + 1)
    assert not {entry.digest for entry in parse("rss20.xml").entries} & digests


def test_keys_are_stable_across_parses():
    assert [e.key for e in parse("dedupe.xml").entries] == [
        e.key for e in parse("dedupe.xml").entries
    ]
    assert [e.content_hash for e in parse("rss20.xml").entries] == [
        e.content_hash for e in parse("rss20.xml").entries
    ]


@pytest.mark.parametrize(
    ("name", "content_type", "feed_title", "entry_title", "summary"),
    [
        ("windows-1252.xml", "", "Café Urbain", "“Smart” budgets – €5m", "naïve"),
        ("iso-8859-1.xml", "", "Café Urbain", "Señora Ibáñez in München", "à bientôt"),
        ("iso-8859-1.xml", "application/rss+xml; charset=ISO-8859-1", "Café Urbain",
         "Señora Ibáñez in München", "à bientôt"),
        ("mislabelled.xml", "", "Café Urbain", "Café “policy”", "résumé"),
        ("utf-8-bom.xml", "", "Café Urbain", "Łódź and 北京", "ok"),
    ],
)  # fmt: skip
def test_encodings(name, content_type, feed_title, entry_title, summary):
    feed = parse(name, content_type)
    assert feed.title == feed_title
    assert (feed.entries[0].title, feed.entries[0].summary) == (entry_title, summary)


@pytest.mark.parametrize(
    "name",
    [
        "billion-laughs.xml",
        "billion-laughs-broken.xml",
        "xxe.xml",
        "internal-entity.xml",
        "parameter-entity.xml",
        "internal-subset.xml",
        "internal-subset-broken.xml",  # not well formed before its DOCTYPE
        "external-dtd-with-subset.xml",
        "entity-in-comment.xml",  # feedparser would still declare it
        "utf-7-entity.xml",
    ],
)
def test_entities_and_internal_subsets_are_refused(name):
    assert str(rejection(name)) == DECLARATION_REFUSED


def test_rss091_with_netscapes_doctype():
    feed = parse("rss091-netscape.xml")
    assert feed.title == "Riverside Neighbourhood Council"
    assert feed.link == "http://council.example.net/"
    assert [e.title for e in feed.entries] == [
        "Towpath lighting approved", "Allotments: waiting list reopens",
        "Minutes of the March meeting", "Bridge repairs: road closed in May",
    ]  # fmt: skip
    assert [e.key for e in feed.entries] == [e.link for e in feed.entries]  # 0.91 has no guid
    assert feed.entries[0].link == "http://council.example.net/notices/towpath-lighting.html"
    assert feed.entries[1].summary.endswith("Mill Lane allotments & the orchard site.")
    assert feed.entries[2].body_html == (
        "<p>Bus shelters, the <b>market licence</b> and a question on parking.</p>"
    )
    assert all(e.published == NOW and not e.dated for e in feed.entries)  # nor dates


# On its own line feedparser strips the DOCTYPE; on the XML declaration's line its XML
# parser reads it. Neither that parser nor our check may ask for the DTD.
@pytest.mark.parametrize(
    ("name", "title"),
    [("external-dtd.xml", "loaded from afar"), ("external-dtd-inline.xml", "read on the spot")],
)
def test_an_external_dtd_is_accepted_and_never_fetched(http_server, name, title):
    body = (FIXTURES / name).read_bytes().replace(b"http://127.0.0.1:9", http_server.url.encode())
    assert http_server.url.encode() in body
    http_server.paths.clear()
    [entry] = parse_feed(body, URL + name, NOW).entries
    assert entry.title == title
    assert http_server.paths == []


def enclosures(feed: ParsedFeed) -> dict[str, list[tuple[str, str, int | None]]]:
    return {e.key: [(f.url, f.media_type, f.length) for f in e.enclosures] for e in feed.entries}


def test_media_rss_content_is_kept_as_enclosures():
    cdn = "https://cdn.radio.example.net/"
    assert enclosures(parse("media-rss.xml")) == {
        "cities-on-air-12": [(cdn + "audio/episode-12.mp3", "audio/mpeg", 28311552)],
        "cities-on-air-13": [  # in a media:group
            (cdn + "audio/episode-13.mp3", "audio/mpeg", 30408704),
            (cdn + "audio/episode-13.ogg", "audio/ogg", 24117248),
        ],
        "cities-on-air-14": [  # each file both an <enclosure> and a media:content
            (cdn + "audio/episode-14.mp3", "audio/mpeg", 26214400),  # the size from the latter
            (cdn + "transcripts/episode-14.pdf", "application/pdf", 181248),
        ],
        "cities-on-air-15": [  # script, data and ftp URLs and a missing one dropped
            ("https://partner.example.net/transcripts/episode-15.txt", "text/plain", 2048),
            ("https://partner.example.net/audio/episode-15.mp3", "audio/mpeg", 1024),
        ],
    }


def test_relative_enclosures_are_refused_without_an_http_base():
    body = (FIXTURES / "media-rss.xml").read_bytes()
    feed = parse_feed(body, "file:///srv/feeds/media-rss.xml", NOW)  # import_feed on a file
    assert enclosures(feed)["cities-on-air-15"] == []


def test_html_page_names_the_feed_it_links_to():
    refused = rejection("html-with-feed-link.html")
    assert refused.discovered == "https://partner.example.net/news/atom.xml"
    assert str(refused) == (
        "HTML page, not a feed; it links to a feed at https://partner.example.net/news/atom.xml"
    )


def test_html_page_without_a_feed_link():
    refused = rejection("html-without-feed-link.html")
    assert (str(refused), refused.discovered) == ("HTML page, not a feed", None)


@pytest.mark.parametrize("name", ["empty.xml", "whitespace.xml"])
def test_empty_bodies(name):
    assert str(rejection(name)) == "empty response body"


@pytest.mark.parametrize(
    "body", [b"just some text", b"<?xml version='1.0'?><note>hello</note>", b"{}"]
)
def test_not_a_feed(body):
    with pytest.raises(Rejected, match="not an RSS or Atom feed"):
        parse_feed(body, URL, NOW)


def test_truncated_body_keeps_what_is_there():
    feed = parse("truncated.xml")
    assert feed.entries[0].title == "Complete item"


def test_obfuscated_script_urls_are_dropped():
    feed = parse("javascript-urls.xml")
    [entry] = feed.entries
    assert feed.link == "" and entry.link == ""
    assert [e.url for e in entry.enclosures] == ["https://safe.example.net/report.pdf"]
    assert html_problems(entry.body_html) == []
    assert "javascript" not in entry.body_html.lower()
    assert entry.body_html.count("href=") == 1  # only the safe link keeps one
    assert '<a href="https://safe.example.net/ok" rel="nofollow noopener">safe link</a>' in (
        entry.body_html
    )


def test_bidi_controls_are_stripped():
    feed = parse("bidi-title.xml")
    [entry] = feed.entries
    assert feed.title == "Bidi Tricks"
    assert entry.title == "Budget report gpj.exe and isolated mark"
    assert (entry.authors, entry.categories) == (["Ana Silva"], ["Housing"])


def test_long_title_is_cut_between_characters():
    [entry] = parse("long-title.xml").entries
    title = entry.title
    assert len(title) <= 255 and title.endswith("…")
    kept = title[:-1]
    assert kept.endswith("e\u0301") and not unicodedata.combining(kept[0])
    assert kept == "e\u0301" * (len(kept) // 2)


def test_dates_follow_one_rule():
    dates = {entry.key: entry.published for entry in parse("dates.xml").entries}
    assert dates == {
        "urn:dates:valid": datetime(2024, 5, 1, 8, tzinfo=UTC),
        "urn:dates:updated-only": datetime(2024, 4, 1, tzinfo=UTC),
        "urn:dates:missing": NOW,
        "urn:dates:unparseable": NOW,
        "urn:dates:1900": NOW,
        "urn:dates:1969": NOW,
        "urn:dates:2100": NOW,
        "urn:dates:bad-published": datetime(2024, 3, 1, tzinfo=UTC),
    }


def test_a_5_mb_entry():
    paragraph = "<p>Cities <b>share</b> <a href='/notes'>notes</a> on heat &amp; housing.</p>\n"
    html = paragraph * (5_000_000 // len(paragraph))
    body = rss(f"<item><guid>urn:big</guid><title>Big</title><description><![CDATA[{html}]]>"
               "</description></item>")  # fmt: skip
    assert len(body) > 5_000_000
    [entry] = parse_feed(body, URL, NOW).entries
    assert entry.summary.startswith("Cities share notes on heat & housing.")
    assert entry.body_html.count('<a href="https://partner.example.net/notes"') > 60_000


def test_5000_entries():
    items = "".join(
        f"<item><guid>urn:many:{i}</guid><title>Entry {i}</title>"
        f"<link>/posts/{i}</link><description>Text of entry {i}.</description></item>"
        for i in range(5000)
    )
    feed = parse_feed(rss(items), URL, NOW)
    assert len(feed.entries) == 5000 and feed.failed == [] and feed.skipped == []
    assert feed.entries[-1].link == "https://partner.example.net/posts/4999"


def rss(items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Generated'
        f"</title><link>https://partner.example.net/</link>{items}</channel></rss>"
    ).encode()
