"""Refuse what is not a safe feed, then parse it with feedparser and clean every entry."""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Container
from datetime import datetime
from html.parser import HTMLParser
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from feedparser.encodings import convert_to_utf8

from importers.core.clean import clean_entry, entry_digest, plain_text, raw_key, safe_url
from importers.core.language import entry_language, feed_language
from importers.core.types import Entry, ParsedFeed, Rejected, Skipped

FEED_TYPES = {"application/rss+xml", "application/atom+xml"}
SNIFF_BYTES = 1024
DUPLICATE = "duplicate of an earlier entry in this feed"
DECLARATION_REFUSED = "the feed declares a DTD or entities, which are refused"
# What may come before the root element: whitespace, the XML declaration, comments and a
# DOCTYPE (with an internal subset).
_PROLOG = re.compile(
    rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype(?:[^>\[]|\[.*?\])*>)*", re.DOTALL | re.IGNORECASE
)
_HTML_DOCTYPE = re.compile(rb"<!doctype\s+html", re.IGNORECASE)
_ROOT = re.compile(rb"<([\w:.-]+)")
HTML_ROOTS = {b"html", b"head", b"body"}
FEED_ROOTS = {b"rss", b"feed", b"rdf", b"channel"}
_FIRST_ELEMENT = re.compile(rb"<\w")
_ENTITY = re.compile(rb"<!entity", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)
_QUOTED = rb"(?:\"[^\">]*\"|'[^'>]*')"
# A DOCTYPE that declares nothing: a name, and at most the public and system ids of an
# external DTD (RSS 0.91 feeds name Netscape's). No "[", so no internal subset.
_EXTERNAL_DOCTYPE = re.compile(
    rb"<!doctype\s+[^\s\[\]>\"']+(?:\s+(?:system\s+%s|public\s+%s(?:\s+%s)?))?\s*>"
    % (_QUOTED, _QUOTED, _QUOTED),
    re.IGNORECASE,
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def parse_feed(
    body: bytes,
    url: str,
    now: datetime,
    content_type: str = "",
    known: Container[str] = frozenset(),
    salt: str = "",
    languages: Collection[str] | None = None,
) -> ParsedFeed:
    """Parse and clean a feed fetched from ``url``.

    Raises ``Rejected`` for an empty body, an HTML page, an entity declaration or a DTD
    internal subset, or a document with no feed in it. An entry whose cleaning fails is
    listed in ``failed``; the first entry of each key is kept, later ones are ``skipped``.
    An entry whose digest (``clean.entry_digest`` with ``salt``) is in ``known`` is not
    cleaned: its digest goes to ``unchanged``.

    The feed's language and each entry's (its own ``xml:lang``, else the feed's) are
    normalised to one of ``languages`` or None (any language's primary subtag when
    ``languages`` is None): see ``language.py``.
    """
    if not _ascii_view(body).strip():
        raise Rejected("empty response body")
    headers = {"content-location": url, "content-type": content_type}
    # Check the document as feedparser will read it: it picks the encoding from the HTTP
    # header, a BOM or the XML declaration, and "<!ENTITY" can hide in any of them.
    text = convert_to_utf8(dict(headers), body, {})
    _refuse_html(text, url)
    _refuse_declarations(text)

    # A BytesIO, never the bytes themselves: feedparser opens a bytes value that looks like
    # a file name. Its own sanitiser and URL resolution are off because clean.py redoes both
    # (nh3, and resolution against the same xml:base feedparser reports): the sanitiser
    # took 60% of the time, and the resolution turns "jav&#x09;ascript:" into a path under
    # the feed's URL where clean.py drops it.
    result = feedparser.parse(
        io.BytesIO(body),
        response_headers=headers,
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    if not result.get("version") and not result.entries:
        raise Rejected("not an RSS or Atom feed")

    language = feed_language(result.feed, languages)
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    failed: list[Skipped] = []
    unchanged: list[str] = []
    seen: set[str] = set()
    for position, raw in enumerate(result.entries, start=1):
        try:
            key = raw_key(raw)
            if key in seen:
                skipped.append(Skipped(key=key, reason=DUPLICATE))
                continue
            digest = entry_digest(raw, url, now, salt)
            if digest in known:
                unchanged.append(digest)
            else:
                entry = clean_entry(raw, url, now)
                entry.digest = digest
                entry.language = entry_language(raw, languages, feed=language)
                entries.append(entry)
            seen.add(key)  # not before: a failed entry leaves its key to a later one
        except Exception as exc:  # one bad entry must not sink the feed
            key = str(raw.get("id") or raw.get("link") or f"entry {position}").strip()
            failed.append(Skipped(key=key[:255], reason=f"{type(exc).__name__}: {exc}"[:500]))
    feed = result.feed
    return ParsedFeed(
        title=plain_text(str(feed.get("title") or "")),
        link=safe_url(str(feed.get("link") or ""), url),
        entries=entries,
        skipped=skipped,
        failed=failed,
        unchanged=unchanged,
        language=language,
    )


def _ascii_view(body: bytes) -> bytes:
    """The body with BOMs and NUL bytes removed, so that UTF-16/32 documents can be sniffed
    with ASCII patterns like the others."""
    for bom in _BOMS:
        if body.startswith(bom):
            body = body[len(bom) :]
            break
    return body.replace(b"\x00", b"")


def _refuse_html(text: bytes, url: str) -> None:
    """Refuse an HTML page: its root is <html>, or it has an HTML DOCTYPE and no feed root
    (some pages start with <meta> or <title>). Name the feed it links to, if any."""
    prolog_end = _PROLOG.match(text[: SNIFF_BYTES * 4]).end()
    root = _ROOT.match(text, prolog_end)
    name = root.group(1).lower().rpartition(b":")[2] if root else b""
    if name not in HTML_ROOTS and (
        name in FEED_ROOTS or not _HTML_DOCTYPE.search(text, 0, prolog_end)
    ):
        return
    finder = _FeedLinkFinder(url)
    finder.feed(text.decode("utf-8", "replace"))
    finder.close()
    if finder.found:
        raise Rejected(f"HTML page, not a feed; it links to a feed at {finder.found}", finder.found)
    raise Rejected("HTML page, not a feed")


def _refuse_declarations(text: bytes) -> None:
    """Refuse entity declarations and DTD internal subsets; let a DOCTYPE that only names an
    external DTD through. Nobody fetches that DTD: the parser below has no handler that
    would, and feedparser turns external entities off in its own XML parser.

    feedparser keeps "safe" entities it finds in the prolog (by regular expression, so in
    comments too) and its loose SGML parser expands them without limit (a billion laughs):
    so the prolog may hold no "<!ENTITY" at all. expat then reads the document as
    feedparser's XML parser will and stops at the first declaration. A document that is not
    well formed may fail before reaching its DOCTYPE: then we read that in the prolog.
    """
    first = _FIRST_ELEMENT.search(text)
    prolog = text[: first.start()] if first else text
    if _ENTITY.search(prolog):
        raise Rejected(DECLARATION_REFUSED)
    parser = _DeclarationGuard()
    try:
        parser.feed(text)
        parser.close()
    except DefusedXmlException as exc:
        raise Rejected(DECLARATION_REFUSED) from exc
    except (ParseError, ValueError, LookupError):
        doctypes = _DOCTYPE.finditer(prolog)
        if not all(_EXTERNAL_DOCTYPE.match(prolog, doctype.start()) for doctype in doctypes):
            raise Rejected(DECLARATION_REFUSED) from None


class _DeclarationGuard(DefusedXMLParser):
    """defusedxml's parser refusing entities and external references, and a DOCTYPE only
    when it has an internal subset. (forbid_dtd installs the DOCTYPE hook overridden here.)"""

    def __init__(self) -> None:
        super().__init__(forbid_dtd=True, forbid_entities=True, forbid_external=True)

    def defused_start_doctype_decl(
        self, name: str, sysid: str | None, pubid: str | None, has_internal_subset: bool
    ) -> None:
        if has_internal_subset:
            super().defused_start_doctype_decl(name, sysid, pubid, has_internal_subset)


class _FeedLinkFinder(HTMLParser):
    """Finds the first <link rel="alternate"> to an RSS or Atom feed in an HTML page."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.base = url
        self.found = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "base" and values.get("href"):
            self.base = safe_url(values["href"], self.base) or self.base
        elif (
            tag == "link"
            and not self.found
            and "alternate" in values.get("rel", "").lower().split()
            and values.get("type", "").split(";")[0].strip().lower() in FEED_TYPES
        ):
            self.found = safe_url(values.get("href", ""), self.base)
