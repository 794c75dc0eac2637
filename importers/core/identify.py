"""Give each entry a stable identity within its source."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

# Keys are stored in an indexed column: a longer guid is replaced by its hash.
MAX_KEY_LENGTH = 255


def entry_key(raw: Mapping[str, Any], title: str, content: str) -> str:
    """The trimmed guid/id, else the link, else ``sha256:`` + a hash of title and content.

    ``title`` and ``content`` should be the entry's values as the feed gave them, before
    cleaning, so that a change to the cleaner does not give old entries new keys.
    """
    for candidate in (raw.get("id"), raw.get("link")):
        key = candidate.strip() if isinstance(candidate, str) else ""
        if key:
            return key if len(key) <= MAX_KEY_LENGTH else _hashed(key)
    return _hashed(title, content)


def _hashed(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")  # so ("ab", "c") and ("a", "bc") differ
    return "sha256:" + digest.hexdigest()
