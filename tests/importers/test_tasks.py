"""Background imports through the database task backend and its ``db_worker``.

"Import now" is followed end to end: the admin's POST stores a task row, a worker runs it,
the posts appear. The worker is ``manage.py db_worker --batch`` (run the queue, then exit)
in a separate process whenever that process can reach the test database (PostgreSQL, or a
SQLite file); pytest's in-memory SQLite database is invisible to other processes, so there
the same command runs in this process instead.
"""

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from blog.models import BlogPage
from importers.models import FeedSource, ImportRun
from importers.tasks import import_due_sources, import_source

from .test_admin import serving

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_database_url():
    """A DATABASE_URL for the test database, or None if no other process can open it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return None if connection.is_in_memory_db() else f"sqlite:///{db['NAME']}"
    if connection.vendor != "postgresql":
        return None
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def run_db_worker():
    """Run the queued tasks with ``db_worker --batch``; returns how it ran."""
    args = ["db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v", "0"]
    database_url = worker_database_url()
    if database_url is None:
        # The command installs SIGINT/SIGTERM handlers: give pytest its own back after.
        handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            call_command(*args)
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
        return "in-process"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    # The site's own settings, whose task backend is the database when REDIS_URL is unset.
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        IMPORTER_ALLOW_PRIVATE_HOSTS="1",
    )
    worker = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr
    return "subprocess"


@pytest.mark.django_db(transaction=True)
def test_import_now_end_to_end_through_the_database_queue_and_worker(admin_client, blog, settings):
    settings.TASKS = DATABASE_TASKS
    settings.IMPORTER_ALLOW_PRIVATE_HOSTS = True
    with serving() as base_url:
        source = FeedSource.objects.create(
            name="Queued partner",
            url=f"{base_url}/admin_feed.rss",
            target_blog=blog,
            review_mode=FeedSource.ReviewMode.LIVE,
        )
        response = admin_client.post(reverse("feed_sources:import_now", args=[source.pk]))
        assert response.status_code == 302

        # Queued, not run: no worker has seen it yet.
        queued = DBTaskResult.objects.get(task_path="importers.tasks.import_source")
        assert queued.status == "READY"
        assert queued.args_kwargs == {"args": [source.pk], "kwargs": {}}
        assert not ImportRun.objects.exists()
        assert not BlogPage.objects.exists()

        how = run_db_worker()

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.traceback
    assert queued.return_value["status"] == "ok"
    assert (queued.return_value["new"], queued.return_value["failed"]) == (2, 0)
    # Every task the import queued in turn (search index updates...) ran as well.
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()

    posts = BlogPage.objects.child_of(blog).live().order_by("date")
    assert [post.title for post in posts] == [
        "Mayors agree a shared climate plan",
        "City networks meet in Lisbon",
    ]
    run = ImportRun.objects.get(source=source)
    assert (run.status, run.new) == ("ok", 2)
    expected = "subprocess" if worker_database_url() else "in-process"
    assert how == expected


def test_import_due_sources_queues_only_due_active_sources(blog, settings):
    settings.TASKS = DATABASE_TASKS
    now = timezone.now()

    def source(name, **fields):
        return FeedSource.objects.create(
            name=name, url=f"https://{name}.example.org/feed", target_blog=blog, **fields
        )

    due = source("due", next_due_at=now - timedelta(minutes=5))
    just_due = source("just-due", next_due_at=now - timedelta(seconds=1))
    source("later", next_due_at=now + timedelta(minutes=5))
    source("paused", active=False, next_due_at=now - timedelta(hours=1))
    source("backing-off", consecutive_failures=3, next_due_at=now + timedelta(hours=4))

    assert import_due_sources.call() == 2
    queued = DBTaskResult.objects.filter(task_path="importers.tasks.import_source")
    assert sorted(row.args_kwargs["args"][0] for row in queued) == sorted([due.pk, just_due.pk])
    assert {row.status for row in queued} == {"READY"}

    # The scheduler itself can be queued (what a cron line does).
    result = import_due_sources.enqueue()
    assert DBTaskResult.objects.get(pk=result.id).task_path == "importers.tasks.import_due_sources"


def test_import_source_of_a_deleted_source_reports_it(blog):
    gone = FeedSource.objects.create(name="gone", url="https://gone.example.org/", target_blog=blog)
    pk = gone.pk
    gone.delete()
    assert import_source.call(pk) == {
        "status": "rejected",
        "error": "The source no longer exists.",
    }
