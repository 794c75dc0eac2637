"""Fixed-window rate limits counted in the cache (Redis at scale, local memory otherwise).

``cache.add`` and ``cache.incr`` are atomic on Redis and on the local-memory cache, so
concurrent requests from one client cannot slip past a limit together.
"""

import hashlib
import re
import time
from dataclasses import dataclass

from django.core.cache import cache

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'5/10m' is five in ten minutes; '20/h', '100/d'. Units: s, m, h, d."""
        match = RATE.match(text)
        if not match:
            raise ValueError(f"Not a rate: {text!r} (e.g. '5/10m', '20/h').")
        count, multiple, unit = match.groups()
        if multiple and int(multiple) == 0:
            raise ValueError(f"Not a rate: {text!r} (its period is zero).")
        return cls(int(count), int(multiple or 1) * UNITS[unit])


def allow(scope: str, key: str, rate: str | Rate) -> bool:
    """Count one attempt by ``key`` (an address, an email) at ``scope``.

    False once more than the rate's limit fall in the current window.
    """
    rate = rate if isinstance(rate, Rate) else Rate.parse(rate)
    window = int(time.time() // rate.period)
    digest = hashlib.sha256(key.strip().casefold().encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{window}"
    cache.add(cache_key, 0, timeout=rate.period)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.set(cache_key, 1, timeout=rate.period)
        count = 1
    return count <= rate.limit
