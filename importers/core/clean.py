"""Turn one feedparser entry into a clean ``Entry``: safe HTML, absolute URLs, plain text.

Everything here treats the feed as hostile. HTML goes through nh3 (ammonia) with a small
allow-list; every URL that survives is absolute http(s); every text field is plain text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import nh3

from importers.core.identify import entry_key
from importers.core.types import Enclosure, Entry

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
    "strong", "em", "b", "i", "code", "pre", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_ATTRIBUTES = {"href", "src"}
LINK_REL = "nofollow noopener"
SAFE_SCHEMES = {"http", "https"}

TITLE_MAX = 255
ELLIPSIS = "…"
SUMMARY_WORDS = 45
EXCERPT_SCAN = 20_000  # characters of HTML read for an excerpt, before reading them all
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Part of every entry digest: bump it when a change to cleaning or tagging changes what an
# entry becomes, so that stored digests stop matching and every entry is cleaned again.
DIGEST_VERSION = 1

# Bidi embedding/override/isolate controls and marks: they can reverse how a title reads
# ("evil.exe" shown as "exe.live") and leak into the page around it.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_STRIP_CHARS = str.maketrans(
    {c: None for c in BIDI_CONTROLS + "\ufeff"}
    | {chr(c): " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
    | {chr(c): " " for c in range(0x7F, 0xA0)}
)
_WHITESPACE = re.compile(r"\s+")
# Browsers drop tab and newlines anywhere in a URL and C0 controls or spaces at its ends.
_URL_NOISE = re.compile(r"[\t\n\r]")
_URL_EDGES = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ABSOLUTE_HTTP = re.compile(r"https?://", re.IGNORECASE)
# A tag or an entity: text without either needs no stripping.
_MARKUP = re.compile(r"<[a-zA-Z/!?]|&#?\w+;?")
# Built once: nh3.clean builds a cleaner on every call, half the time of a short title.
_NO_TAGS = nh3.Cleaner(tags=set())


def clean_entry(raw: Mapping[str, Any], feed_url: str, now: datetime) -> Entry:
    """Clean one feedparser entry. ``feed_url`` resolves what the entry's own base does not."""
    base = _entry_base(raw, feed_url)
    content, content_base = _content(raw, base)
    summary_source, summary_base = _summary(raw, base)

    title = cap_title(plain_text(_raw_title(raw)))
    body_html = sanitise_html(content or summary_source, content_base or summary_base)
    entry = Entry(
        key=raw_key(raw),
        guid=str(raw.get("id") or "").strip(),
        link=safe_url(str(raw.get("link") or ""), base),
        title=title,
        summary=excerpt(summary_source or content),
        body_html=body_html,
        published=entry_date(raw, now),
        dated=feed_date(raw, now) is not None,
        authors=_authors(raw),
        categories=_categories(raw),
        enclosures=_enclosures(raw, base),
    )
    entry.content_hash = content_hash(entry)
    return entry


def raw_key(raw: Mapping[str, Any]) -> str:
    """The entry's key (see ``identify.entry_key``), from its title and content as the feed
    gave them: cheap enough to read before deciding whether to clean the entry."""
    content = _content(raw, "")[0] or _summary(raw, "")[0]
    return entry_key(raw, _raw_title(raw), content)


def entry_digest(raw: Mapping[str, Any], feed_url: str, now: datetime, salt: str = "") -> str:
    """A digest of everything cleaning reads: the entry as feedparser gave it, the feed URL
    (relative links resolve against it), whether its date is usable yet (an entry dated in
    the future is dated on import until that time comes), ``DIGEST_VERSION`` and ``salt``
    (what else decides the post, e.g. the themes it is tagged against). The same digest as
    last time means the same post, without cleaning the entry again."""
    dated = feed_date(raw, now)
    payload = [DIGEST_VERSION, salt, feed_url, dated.isoformat() if dated else "", raw]
    # default=str: feedparser's values are JSON types but for the odd one out.
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def entry_date(raw: Mapping[str, Any], now: datetime) -> datetime:
    """The entry's date, by one rule.

    Take ``published``, else ``updated``, else ``created`` as feedparser parsed it (UTC).
    If there is none, or it cannot be read, or it is before 1970-01-01, or it is later than
    ``now``, the entry is dated ``now``: the moment it was imported. An undated or absurdly
    old entry thus sorts as news when it arrives, and a post dated 2100 never sits on top of
    the blog for decades. The result is always aware and in UTC.
    """
    return feed_date(raw, now) or now.astimezone(UTC)


def feed_date(raw: Mapping[str, Any], now: datetime) -> datetime | None:
    """The entry's own date if ``entry_date`` accepts it; None when it falls back to now."""
    now = now.astimezone(UTC)
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: feedparser's own get() maps a missing "updated" to "published".
        parsed = dict.get(raw, name) if isinstance(raw, dict) else raw.get(name)
        if parsed:
            try:
                when = datetime(*parsed[:6], tzinfo=UTC)
            except (TypeError, ValueError, OverflowError):
                return None
            return when if EPOCH <= when <= now else None
    return None


def sanitise_html(value: str, base: str) -> str:
    """Reduce ``value`` to the allow-list, with only absolute http(s) links and images."""

    def keep_url(tag: str, attribute: str, url: str) -> str | None:
        if attribute not in URL_ATTRIBUTES:
            return url
        return safe_url(url, base) or None

    # ammonia checks schemes before the filter runs and not after, so the filter must be
    # (and is) the last word on URLs; url_schemes still drops obvious junk early.
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep_url,
        link_rel=LINK_REL,
        url_schemes=SAFE_SCHEMES,
    ).strip()


def safe_url(value: str, base: str) -> str:
    """``value`` resolved against ``base`` if it is then absolute http(s), else ""."""
    url = _URL_NOISE.sub("", value).strip(_URL_EDGES)
    if not url:
        return ""
    # Entity-encoded schemes ("&#106;avascript:") are refused even though the HTML parser has
    # usually decoded them already: a value can be decoded once more downstream.
    decoded = _URL_NOISE.sub("", html.unescape(url)).strip(_URL_EDGES)
    scheme = _SCHEME.match(decoded)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return ""
    try:
        absolute = url if _ABSOLUTE_HTTP.match(url) else urljoin(base, url)
        parts = urlsplit(absolute)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.hostname:
        return ""
    return absolute


def plain_text(value: str) -> str:
    """Text without markup, entities, control or bidi characters, on one line."""
    text = value
    # Twice escaped markup ("&amp;lt;b&amp;gt;") is common in feeds: unwrap it too.
    for _ in range(3):
        if not _MARKUP.search(text):
            break
        stripped = html.unescape(_NO_TAGS.clean(text))
        if stripped == text:
            break
        text = stripped
    return _WHITESPACE.sub(" ", text.translate(_STRIP_CHARS)).strip()


def cap_title(title: str, limit: int = TITLE_MAX) -> str:
    """Cut ``title`` to ``limit`` characters with an ellipsis, never inside a character
    sequence (a letter and its combining marks, a ZWJ emoji sequence)."""
    if len(title) <= limit:
        return title
    end = limit - len(ELLIPSIS)
    while end > 0 and _continues(title[end]):
        end -= 1
    return title[:end].rstrip() + ELLIPSIS


def _continues(char: str) -> bool:
    """Whether ``char`` belongs to the character sequence before it."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == "\u200d"
        or "\ufe00" <= char <= "\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tone modifiers
    )


def excerpt(value: str, words: int = SUMMARY_WORDS) -> str:
    """The first ``words`` words of ``value`` as plain text."""
    # Read the start of a long body first: a 5 MB entry needs no 5 MB pass for 45 words.
    parts = plain_text(value[:EXCERPT_SCAN]).split(" ")
    if len(parts) <= words and len(value) > EXCERPT_SCAN:
        parts = plain_text(value).split(" ")
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(".,;:") + ELLIPSIS


def content_hash(entry: Entry) -> str:
    """A hash of everything published from the entry, to tell an update from a re-read."""
    payload = [
        entry.title,
        entry.theme_slugs,
        entry.free_tags,
        entry.link,
        entry.body_html,
        entry.authors,
        entry.categories,
        [[e.url, e.media_type, e.length] for e in entry.enclosures],
        # The import time an undated entry gets is not content: it must not read as a change.
        entry.published.isoformat() if entry.dated else "",
    ]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def _entry_base(raw: Mapping[str, Any], feed_url: str) -> str:
    """The entry's xml:base as feedparser resolved it, if it is http(s)."""
    for detail in ("title_detail", "summary_detail"):
        base = _detail_base(raw.get(detail), feed_url)
        if base != feed_url:
            return base
    return feed_url


def _detail_base(detail: Any, fallback: str) -> str:
    base = detail.get("base") if isinstance(detail, Mapping) else None
    return safe_url(base, fallback) if isinstance(base, str) and base else fallback


def _raw_title(raw: Mapping[str, Any]) -> str:
    return _text_value(raw.get("title_detail")) or str(raw.get("title") or "")


def _text_value(detail: Any) -> str:
    value = detail.get("value") if isinstance(detail, Mapping) else None
    return value if isinstance(value, str) else ""


def _as_html(detail: Mapping[str, Any]) -> str:
    value = _text_value(detail)
    kind = str(detail.get("type") or "")
    return value if "html" in kind else f"<p>{html.escape(value)}</p>" if value else ""


def _content(raw: Mapping[str, Any], base: str) -> tuple[str, str]:
    """The entry's full content as HTML, preferring an HTML part, and its base."""
    parts = [c for c in raw.get("content") or [] if isinstance(c, Mapping) and _text_value(c)]
    parts.sort(key=lambda c: "html" not in str(c.get("type") or ""))
    if not parts:
        return "", ""
    return _as_html(parts[0]), _detail_base(parts[0], base)


def _summary(raw: Mapping[str, Any], base: str) -> tuple[str, str]:
    detail = raw.get("summary_detail")
    if isinstance(detail, Mapping) and _text_value(detail):
        return _as_html(detail), _detail_base(detail, base)
    return html.escape(str(raw.get("summary") or "")), base


def _authors(raw: Mapping[str, Any]) -> list[str]:
    names = [a.get("name") for a in raw.get("authors") or [] if isinstance(a, Mapping)]
    if not any(names):
        names = [raw.get("author")]
    return _unique(plain_text(n) for n in names if isinstance(n, str))


def _categories(raw: Mapping[str, Any]) -> list[str]:
    """Category labels: an Atom label when given, else the term (RSS category, dc:subject)."""
    labels = [
        t.get("label") or t.get("term") for t in raw.get("tags") or [] if isinstance(t, Mapping)
    ]
    return _unique(plain_text(label) for label in labels if isinstance(label, str))


def _enclosures(raw: Mapping[str, Any], base: str) -> list[Enclosure]:
    """The files attached to an entry: RSS and Atom enclosures, then Media RSS content
    (media:group included), one per URL; a later mention of a URL fills in what the first
    one left out."""
    found: dict[str, Enclosure] = {}
    for item in [*(raw.get("enclosures") or []), *(raw.get("media_content") or [])]:
        enclosure = _enclosure(item, base)
        if enclosure is None:
            continue
        known = found.setdefault(enclosure.url, enclosure)
        known.media_type = known.media_type or enclosure.media_type
        known.length = known.length if known.length is not None else enclosure.length
    return list(found.values())


def _enclosure(item: Any, base: str) -> Enclosure | None:
    """An <enclosure> or Atom enclosure link (href, length) or a media:content (url,
    fileSize, which feedparser lowercases), if its URL is absolute http(s) once resolved."""
    if not isinstance(item, Mapping):
        return None
    url = safe_url(str(item.get("href") or item.get("url") or ""), base)
    if not url:
        return None
    length = str(item.get("length") or item.get("filesize") or "").strip()
    return Enclosure(
        url=url,
        media_type=plain_text(str(item.get("type") or ""))[:100],
        length=int(length) if length.isdigit() and len(length) < 19 else None,
    )


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
