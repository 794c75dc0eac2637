"""Two importer processes on one source at once store every entry exactly once.

Runs real ``manage.py import_feed`` processes against a database of their own (a SQLite
file, or a PostgreSQL database beside the test one), since an in-memory test database is
invisible to other processes.
"""

import json
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.db import connection

from tests.processes import ROOT, child_environment, postgres_url

ENTRIES = 60

SETUP = """
from wagtail.models import Page, Site
from blog.models import BlogIndexPage
from importers.models import FeedSource
from website.models import HomePage
root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Home", slug="home-x"))
Site.objects.update(root_page=home)
blog = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
FeedSource.objects.create(name="busy", url="{url}", target_blog=blog, review_mode="live")
"""

COUNT = """
from blog.models import BlogPage
from importers.models import ImportedEntry
pages = BlogPage.objects.count()
links = BlogPage.objects.values("source_url").distinct().count()
entries = ImportedEntry.objects.count()
print(pages, links, entries)
"""


def rss(count):
    items = "".join(
        f"<item><title>Entry {n}</title><guid>entry-{n}</guid>"
        f"<link>https://partner.example.org/{n}</link>"
        f"<description>Text of entry {n}.</description></item>"
        for n in range(count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


@pytest.fixture
def database_url(tmp_path, db):
    """A database of its own for the processes, on the engine the suite runs on."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
        return
    name = f"cityforum_concurrency_{uuid.uuid4().hex[:8]}"
    server = f"host={settings['HOST']} port={settings['PORT'] or 5432} user={settings['USER']}"
    with psycopg.connect(server + " dbname=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield postgres_url(settings, name)
    with psycopg.connect(server + " dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_url, *args, wait=True):
    env = child_environment(database_url, "website.settings.dev")
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if not wait:
        return process
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


def test_two_processes_import_the_same_source_without_duplicates(tmp_path, database_url):
    feed = tmp_path / "busy.rss"
    feed.write_text(rss(ENTRIES))
    manage(database_url, "migrate", "--noinput", "-v", "0")
    manage(database_url, "shell", "-c", SETUP.format(url=feed.resolve().as_uri()))

    racers = [manage(database_url, "import_feed", str(feed), "--json", wait=False) for _ in "ab"]
    reports = []
    for racer in racers:
        out, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, out + err[-2000:]
        reports.append(json.loads(out))
    assert sum(report["new"] for report in reports) == ENTRIES

    counts = manage(database_url, "shell", "-c", COUNT).splitlines()[-1]
    pages, links, entries = map(int, counts.split())
    assert (pages, links, entries) == (ENTRIES, ENTRIES, ENTRIES)
