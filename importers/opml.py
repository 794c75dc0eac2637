"""Read and write OPML subscription lists (OPML 2.0) of feed sources.

An OPML file comes from outside like a feed does, so it is parsed with defusedxml: a DTD,
an entity declaration or an external reference is refused before anything is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from email.utils import format_datetime
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils import timezone


class OPMLError(ValueError):
    """An OPML file that cannot be read, with a one-line reason."""


def read_opml(data: bytes) -> list[tuple[str, str, str]]:
    """The feeds listed in ``data``: (title, xml_url, html_url) in document order.

    Outlines nest (folders); only those with an ``xmlUrl`` are feeds. The title is the
    outline's ``title``, else its ``text``, else the feed URL. A URL listed twice is kept
    once, at its first place.
    """
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as refused:
        raise OPMLError(
            f"The OPML file declares a DTD or entities, which are not allowed ({refused})."
        ) from None
    except ParseError as error:
        raise OPMLError(f"The OPML file is not well-formed XML: {error}.") from None
    if root.tag != "opml":
        raise OPMLError(f"Not an OPML file: the root element is <{root.tag}>, not <opml>.")
    body = root.find("body")
    if body is None:
        raise OPMLError("The OPML file has no <body>.")
    feeds, seen = [], set()
    for outline in body.iter("outline"):
        xml_url = (outline.get("xmlUrl") or "").strip()
        if not xml_url or xml_url in seen:
            continue
        seen.add(xml_url)
        title = (outline.get("title") or outline.get("text") or "").strip() or xml_url
        feeds.append((title, xml_url, (outline.get("htmlUrl") or "").strip()))
    return feeds


def write_opml(sources: Iterable, title: str = "Partner feeds") -> str:
    """An OPML 2.0 document listing ``sources`` (anything with ``name`` and ``url``; a
    ``partner`` with a ``website`` gives the ``htmlUrl``). ElementTree escapes the values."""
    opml = Element("opml", version="2.0")
    head = SubElement(opml, "head")
    SubElement(head, "title").text = title
    SubElement(head, "dateCreated").text = format_datetime(timezone.now(), usegmt=True)
    body = SubElement(opml, "body")
    for source in sources:
        attributes = {"type": "rss", "text": source.name, "title": source.name}
        attributes["xmlUrl"] = source.url
        partner = getattr(source, "partner", None)
        if partner is not None and getattr(partner, "website", ""):
            attributes["htmlUrl"] = partner.website
        SubElement(body, "outline", attributes)
    indent(opml)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + tostring(opml, encoding="unicode") + "\n"
