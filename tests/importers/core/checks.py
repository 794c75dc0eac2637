"""What every parsed feed must satisfy, whatever it contained: shared by the corpus and
fixture tests. The HTML is read with html.parser, as a browser would, not with patterns."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

from importers.core.types import ParsedFeed

FORBIDDEN_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "style", "meta", "base", "link", "svg", "math",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "background", "poster", "cite", "data",
    "xlink:href", "srcset", "lowsrc", "dynsrc", "longdesc", "usemap", "codebase",
}  # fmt: skip
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MARKUP = re.compile(r"<[A-Za-z/!?]")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def is_absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _squeezed(value: str) -> str:
    """The value as a URL parser sees it: no whitespace or control characters, lower case."""
    return "".join(c for c in value if ord(c) > 0x20 and not 0x7F <= ord(c) < 0xA0).lower()


class _HtmlChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""  # html.parser has already decoded entities in it
            if name.startswith("on"):
                self.problems.append(f"{name} attribute on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name in URL_ATTRIBUTES:
                if _squeezed(value).startswith(BAD_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
                elif value and not is_absolute_http(value):
                    self.problems.append(f"relative or non-http {name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def html_problems(html: str) -> list[str]:
    checker = _HtmlChecker()
    checker.feed(html)
    checker.close()
    return checker.problems


def text_problems(label: str, value: str) -> list[str]:
    problems = []
    if MARKUP.search(value):
        problems.append(f"{label} has markup: {value!r}")
    if BIDI.search(value):
        problems.append(f"{label} has bidi controls: {value!r}")
    return problems


def feed_problems(feed: ParsedFeed, now: datetime) -> list[str]:
    """Everything wrong with a parsed feed, as readable lines (empty when all is well)."""
    problems = text_problems("feed title", feed.title)
    if feed.link and not is_absolute_http(feed.link):
        problems.append(f"feed link {feed.link!r}")
    for entry in feed.entries:
        where = f"entry {entry.key!r}: "
        problems += [where + p for p in html_problems(entry.body_html)]
        problems += text_problems(where + "title", entry.title)
        problems += text_problems(where + "summary", entry.summary)
        for name in entry.authors:
            problems += text_problems(where + "author", name)
        for label in entry.categories:
            problems += text_problems(where + "category", label)
        urls = [entry.link, *(e.url for e in entry.enclosures)]
        problems += [where + f"URL {u!r}" for u in urls if u and not is_absolute_http(u)]
        if entry.published.tzinfo is None or not EPOCH <= entry.published <= now:
            problems.append(where + f"date {entry.published!r}")
        if not entry.key or not entry.content_hash:
            problems.append(where + "no key or content hash")
    return problems
