"""Match entry categories to curated themes by whole tag, in any language we list."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from importers.core.clean import content_hash
from importers.core.types import Entry, ThemeTerms

_SPLIT = re.compile(r"[,;]")
# Separators vanish rather than becoming one space, so that a camel-case hashtag matches
# its spelled-out name: "#WorldCitiesDay", "world-cities-day", "World Cities Day".
_SEPARATORS = re.compile(r"[\s\-_]+")
_WHITESPACE = re.compile(r"\s+")
# Longer labels are not tags but sentences; a free tag is stored in a 100-character column.
MAX_TAG_LENGTH = 100


def normalise(term: str) -> str:
    """The form in which a term and a label are compared: NFKC, casefolded, without a
    leading "#" and without whitespace, "-" or "_"."""
    folded = unicodedata.normalize("NFKC", term).casefold().strip()
    return _SEPARATORS.sub("", folded.removeprefix("#"))


class ThemeMatcher:
    """Looks up category labels among every name of every theme.

    Only whole labels match ("World Cities Summit" is not "World Cities Day"). When two
    themes share a term, the first theme given keeps it.
    """

    def __init__(self, themes: Iterable[ThemeTerms]):
        self._slugs: dict[str, str] = {}
        for theme in themes:
            for term in (theme.slug, *theme.terms):
                key = normalise(term)
                if key:
                    self._slugs.setdefault(key, theme.slug)

    def match(self, categories: Iterable[str]) -> tuple[list[str], list[str]]:
        """Theme slugs in first-seen order, and the labels that matched no theme.

        Each category is split on "," and ";" first. Unmatched labels come back trimmed,
        without a leading "#", once per normalised form.
        """
        slugs: dict[str, None] = {}
        unmatched: dict[str, str] = {}
        for category in categories:
            for part in _SPLIT.split(category):
                key = normalise(part)
                if not key:
                    continue
                if key in self._slugs:
                    slugs[self._slugs[key]] = None
                else:
                    label = _WHITESPACE.sub(" ", part).strip().removeprefix("#").strip()
                    unmatched.setdefault(key, label)
        return list(slugs), list(unmatched.values())


def tag(
    entry: Entry,
    matcher: ThemeMatcher,
    default_slugs: Iterable[str] = (),
    allow_free_tags: bool = False,
) -> Entry:
    """Fill ``entry.theme_slugs`` (matched themes, then the source's defaults) and
    ``entry.free_tags`` (unmatched labels, only if the source allows them)."""
    matched, unmatched = matcher.match(entry.categories)
    entry.theme_slugs = list(dict.fromkeys([*matched, *default_slugs]))
    entry.free_tags = (
        [label for label in unmatched if len(label) <= MAX_TAG_LENGTH] if allow_free_tags else []
    )
    entry.content_hash = content_hash(entry)  # themes and tags are published too
    return entry
