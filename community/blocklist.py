"""Finding blocked words and domains in what readers send."""

import re

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import BlockedTerm

CACHE_KEY = "community:blocklist"
# Edits clear the cache at once in the process that saved them; other processes with a
# local-memory cache (no REDIS_URL) see them within this many seconds.
CACHE_SECONDS = 60
# Host names in links, bare domains and email addresses.
DOMAIN = re.compile(r"(?<![\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,63}(?![\w-])", re.IGNORECASE)


def _terms():
    terms = cache.get(CACHE_KEY)
    if terms is None:
        terms = list(BlockedTerm.objects.values_list("kind", "value"))
        cache.set(CACHE_KEY, terms, timeout=CACHE_SECONDS)
    return terms


@receiver([post_save, post_delete], sender=BlockedTerm, dispatch_uid="blocklist-changed")
def _forget_terms(**kwargs):
    cache.delete(CACHE_KEY)


def find_blocked(*texts: str) -> str | None:
    """The first blocked word or domain found in ``texts``, or None."""
    text = " ".join(" ".join(texts).split()).casefold()
    if not text:
        return None
    domains = {match.group(0).strip(".") for match in DOMAIN.finditer(text)}
    for kind, value in _terms():
        if kind == BlockedTerm.Kind.DOMAIN:
            if any(d == value or d.endswith("." + value) for d in domains):
                return value
        elif re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            return value
    return None
