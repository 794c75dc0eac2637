"""The language a feed or an entry says it is in, as a content language of ours or None.

Feeds name it as a language tag: RSS's ``<language>fr-FR</language>``, Atom's and RSS's
``xml:lang`` on the root or on an entry, which feedparser reports as ``feed.language`` and as
the ``language`` of each text construct (title, summary, content; an entry inherits its
feed's ``xml:lang``). Tags are compared case-insensitively, "_" read as "-", and matched in
full first ("pt-br"), then by their primary subtag ("fr-FR" → "fr").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")
_TEXT_FIELDS = ("content", "summary_detail", "title_detail")


def normalise_language(tag: object, supported: Collection[str] | None = None) -> str | None:
    """``tag`` as one of ``supported`` (lower-case codes such as "fr" or "pt-br"), or None
    when it is empty, malformed or not supported. Without ``supported``, the primary subtag
    of any well-formed tag."""
    if not isinstance(tag, str):
        return None
    tag = tag.strip().lower().replace("_", "-")
    if not _TAG.match(tag):
        return None
    primary = tag.split("-", 1)[0]
    if supported is None:
        return primary
    wanted = {code.lower() for code in supported}
    if tag in wanted:
        return tag
    return primary if primary in wanted else None


def feed_language(feed: Mapping[str, Any], supported: Collection[str] | None = None) -> str | None:
    """The language of a feedparser ``feed`` (RSS ``<language>``, the root's ``xml:lang``)."""
    return normalise_language(feed.get("language"), supported)


def entry_language(
    raw: Mapping[str, Any],
    supported: Collection[str] | None = None,
    feed: str | None = None,
) -> str | None:
    """The language of an entry's text: its ``xml:lang`` (content first) as feedparser
    reports it, or ``feed`` (the feed's language) when the entry names none (RSS without
    ``xml:lang``). An entry that names an unsupported language is None, not its feed's:
    a German entry in a French feed is not French."""
    for name in _TEXT_FIELDS:
        value = raw.get(name)
        details = value if isinstance(value, list) else [value]
        for detail in details:
            if isinstance(detail, Mapping) and detail.get("language"):
                return normalise_language(detail["language"], supported)
    return feed
