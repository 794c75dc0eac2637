"""One importer at a time per source, on SQLite and PostgreSQL alike.

A lease is taken with one conditional UPDATE (free or expired -> mine), which both
databases apply atomically, so two processes can never both get it. It expires on its
own if its holder dies. The unique constraint on imported entries stays as the last line
of defence.
"""

import time
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from .models import FeedSource

LEASE = timedelta(minutes=15)
POLL_SECONDS = 0.2


class SourceBusy(Exception):
    pass


@contextmanager
def leased(source, wait=timedelta(seconds=60)):
    """Hold ``source`` for the duration of the block, waiting up to ``wait`` for it."""
    holder = uuid.uuid4().hex
    deadline = time.monotonic() + wait.total_seconds()
    while not _take(source, holder):
        if time.monotonic() >= deadline:
            raise SourceBusy(f"{source.name} is being imported by another process.")
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        FeedSource.objects.filter(pk=source.pk, lease_holder=holder).update(
            lease_until=None, lease_holder=""
        )


def _take(source, holder):
    now = timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return bool(
        FeedSource.objects.filter(free, pk=source.pk).update(
            lease_until=now + LEASE, lease_holder=holder
        )
    )
