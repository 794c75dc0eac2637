"""The data passed between the importer's steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class Rejected(Exception):  # not "...Error": "raise Rejected(...)" reads as what happened
    """A feed refused before any entry is read: one line that says why, shown to editors.

    Raised by fetch (bad scheme, private address, too many redirects, timeout, body too
    large, HTTP error) and by parse (empty body, HTML instead of a feed, an entity
    declaration or DTD internal subset, not a feed at all). ``discovered`` is a feed URL
    found in an HTML page.
    """

    def __init__(self, message: str, discovered: str | None = None):
        super().__init__(message)
        self.discovered = discovered


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str
    timeout: float = 10.0  # seconds, for connecting and for each read
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False  # allow hosts resolving to private/loopback/link-local


@dataclass
class Fetched:
    """What a fetch returned. ``body`` is None when the server answered 304."""

    url: str  # where the body came from, after redirects
    body: bytes | None
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    permanent_url: str | None = None  # set when every redirect on the way was permanent

    @property
    def not_modified(self) -> bool:
        return self.body is None


@dataclass
class Enclosure:
    url: str  # absolute http(s)
    media_type: str = ""
    length: int | None = None


@dataclass
class Entry:
    """One cleaned feed entry, ready to publish."""

    key: str  # stable identity within its source (see identify.entry_key)
    guid: str
    link: str  # absolute http(s) or ""
    title: str  # plain text, no bidi controls, capped
    summary: str  # plain text excerpt
    body_html: str  # sanitised HTML
    published: datetime  # aware, UTC; see clean.entry_date for the rule
    dated: bool = True  # False when ``published`` is the import time, the feed's date unusable
    authors: list[str] = field(default_factory=list)  # plain text names
    categories: list[str] = field(default_factory=list)  # plain text labels, as given
    enclosures: list[Enclosure] = field(default_factory=list)
    content_hash: str = ""  # changes when anything published from the entry changes
    digest: str = ""  # of the raw entry, see clean.entry_digest; set by parse.parse_feed
    # A supported language code ("fr"), the entry's own xml:lang or else its feed's, or None
    # when neither names one (see language.py); set by parse.parse_feed.
    language: str | None = None
    # Filled in by themes.ThemeMatcher:
    theme_slugs: list[str] = field(default_factory=list)
    free_tags: list[str] = field(default_factory=list)


@dataclass
class Skipped:
    """An entry left out, and why (a duplicate key in the same feed, no content at all...)."""

    key: str
    reason: str


@dataclass
class ParsedFeed:
    title: str
    link: str
    entries: list[Entry]
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)  # entries whose cleaning raised
    # Digests of the entries found in ``known`` (see parse.parse_feed), left uncleaned.
    unchanged: list[str] = field(default_factory=list)
    # The feed's language, normalised to a supported code ("fr-FR" -> "fr"), or None.
    language: str | None = None


@dataclass(frozen=True)
class ThemeTerms:
    """A curated theme as the matcher sees it: its slug and every name it goes by
    (name, slug, hashtag, synonyms in any language)."""

    slug: str
    terms: tuple[str, ...]
