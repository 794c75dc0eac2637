"""Speed and memory of the partner feed importer on generated RSS and Atom feeds.

Builds a throwaway database (a temporary SQLite file, or a ``cityforum_bench_import``
database on PostgreSQL) with a home page, a blog and a few themes, serves generated feeds
from a real HTTP server on 127.0.0.1 and imports them with ``importers.runner.run_import``:
a first import, a re-run answered 304 and re-runs of the same entries without 304 (the same
bytes, and a document with a new build date), then the peak memory of a bigger import in a
child process. Run from anywhere:
``.venv/bin/python bench/bench_import.py --help``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
import warnings
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench_pages import ROOT, WORDS
from scratch import Scratch, scratch_database

PG_BENCH_DB = "cityforum_bench_import"  # not bench_pages' database: both may run at once
NOT_MODIFIED_RUNS = 10  # 304 re-runs timed; the median is reported
# Far above any feed generated here: the default cap (10 MB) is smaller than a 5,000-entry
# feed with 2 KB of HTML per entry, and the cap is not what is being measured.
MAX_BYTES = 256 * 1024 * 1024
CODE_PATHS = ["importers", "blog", "website/settings"]  # what an import runs, for the report
HTML_BYTES = 2000  # about this much HTML per entry
NEWEST = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)  # the newest entry: fixed, so runs compare

# Goals of issue 4, set for SQLite.
NEW_GOAL = 300.0  # new entries written as pages per second, at least
NOT_MODIFIED_GOAL_MS = 50.0  # a re-run answered 304, under
UNCHANGED_GOAL = 2000.0  # unchanged entries per second on a re-run without 304, at least
MEMORY_GOAL_MB = 300.0  # peak memory importing the big feed, under

# name, hashtag, synonyms (one per line)
THEMES = [
    ("City diplomacy", "#CityDiplomacy", "diplomatie des villes\ndiplomacia urbana"),
    ("Climate action", "#ClimateAction", "action climatique\nacción climática"),
    ("Housing", "", "logement\nvivienda"),
    ("Migration", "#CitiesForMigrants", "migrations\nmigraciones"),
    ("Urban SDGs", "#urbanSDG", "ODD urbains\nODS urbanos"),
]
# Feed categories: the first ones match a theme by name, slug, hashtag or synonym, in
# another case or with the separators folded; the others match none (whole tags only:
# "World Cities Summit" is not a theme).
MATCHING = [
    "City diplomacy", "#CityDiplomacy", "Diplomatie des villes", "climate-action",
    "Acción climática", "HOUSING", "Logement", "migraciones", "urban_sdgs", "#urbanSDG",
]  # fmt: skip
OTHER = [
    "World Cities Summit", "Press release", "Events", "Newsletter", "Opinion", "Interviews",
    "Annual report", "Mayors", "Local elections", "Africa", "Latin America", "Europe",
]  # fmt: skip
AUTHORS = [
    "Amina Diallo", "Bruno Costa", "Chiara Rossi", "Dmitri Volkov", "Elif Kaya",
    "Femi Adeyemi", "Grace Okafor", "Hugo Martin", "Inès Moreau", "Jonas Berg",
]  # fmt: skip
LINK_SITES = ["https://www.uclg.org/", "https://unhabitat.org/", "https://www.c40.org/"]


@dataclass
class Step:
    feed: str
    step: str
    entries: int  # entries the run handled (new, or unchanged; 0 for a 304)
    seconds: float
    value: float  # entries/s, or ms for a 304 re-run, or MB for memory
    unit: str  # "entries/s", "ms" or "MB"
    goal: str
    met: bool
    detail: str = ""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000, help="entries per RSS/Atom feed")
    parser.add_argument(
        "--big-entries", type=int, default=5000, help="entries of the feed imported for memory"
    )
    parser.add_argument("--database-url", help=f"PostgreSQL server to create {PG_BENCH_DB} on")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--skip-memory", action="store_true", help="skip the big import in a child process"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also trace Python allocations in the big import (about 3 times slower, and "
        "the peak RSS then includes the tracing's own memory)",
    )
    # Internal: the child process of the memory measurement.
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.entries < 10 or args.big_entries < 10:
        parser.error("--entries and --big-entries must be at least 10")
    if args.database_url and urlsplit(args.database_url).scheme not in ("postgres", "postgresql"):
        parser.error("--database-url takes a postgres:// URL; SQLite runs in a temp file anyway")
    return args


def importer_environment(database_url: str) -> dict[str, str]:
    """What settings read at import: the database, and the importer allowed to fetch from
    127.0.0.1 (refused on a real site) without a size cap in the way."""
    return {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "website.settings.test"),
        "IMPORTER_ALLOW_PRIVATE_HOSTS": "1",
        "IMPORTER_MAX_BYTES": str(MAX_BYTES),
    }


def setup_django(database_url: str, migrate: bool) -> None:
    # Must be in the environment before settings load: they read it once, at import.
    os.environ.update(importer_environment(database_url))
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", verbosity=0, interactive=False)


# Feeds ---------------------------------------------------------------------------------


def words(rng: random.Random, weights: list[float], low: int, high: int) -> str:
    return " ".join(rng.choices(WORDS, weights, k=rng.randint(low, high)))


def sentence(rng: random.Random, weights: list[float]) -> str:
    return words(rng, weights, 8, 20).capitalize() + "."


def entry_html(rng: random.Random, weights: list[float], n: int) -> str:
    """About HTML_BYTES of HTML: paragraphs with absolute and relative links, an image, a
    list, as partners' blogs publish."""
    link = f'<a href="{rng.choice(LINK_SITES)}news/{n}">{words(rng, weights, 2, 4)}</a>'
    relative = f'<a href="/reports/{2015 + n % 10}/{n}/">{words(rng, weights, 2, 4)}</a>'
    parts = [
        f"<p>{sentence(rng, weights)} {link} {sentence(rng, weights)}</p>",
        f'<p><img src="/media/images/{n}.jpg" alt="{words(rng, weights, 3, 6)}" '
        f'width="640" height="360"></p>',
        "<ul>"
        + "".join(f"<li>{sentence(rng, weights)}</li>" for _ in range(rng.randint(3, 5)))
        + "</ul>",
        f"<p>{sentence(rng, weights)} {relative} {sentence(rng, weights)}</p>",
    ]
    size = sum(map(len, parts))
    while size < HTML_BYTES:
        emphasis = f"<em>{words(rng, weights, 2, 5)}</em>"
        text = f"<p>{sentence(rng, weights)} {emphasis} {sentence(rng, weights)}</p>"
        parts.insert(len(parts) - 1, text)
        size += len(text)
    return "\n".join(parts)


@dataclass
class FeedEntry:
    n: int
    title: str
    slug: str
    author: str
    categories: list[str]
    published: datetime
    html: str


def feed_entries(count: int, seed: int) -> list[FeedEntry]:
    rng = random.Random(seed)
    weights = [1 / rank for rank in range(1, len(WORDS) + 1)]
    content_words = [w for w in WORDS if len(w) > 4]
    entries = []
    for n in range(count):
        title = " ".join(rng.sample(content_words, rng.randint(4, 8))).capitalize()
        # About one entry in six has no theme; most have one or two.
        matching = rng.sample(MATCHING, rng.choice([0, 1, 1, 1, 2, 2]))
        categories = matching + rng.sample(OTHER, rng.randint(0, 2))
        rng.shuffle(categories)
        entries.append(
            FeedEntry(
                n=n,
                title=title,
                slug=f"{'-'.join(title.lower().split())}-{n}",
                author=rng.choice(AUTHORS),
                categories=categories,
                published=NEWEST - timedelta(hours=n * 7, minutes=rng.randrange(60)),
                html=entry_html(rng, weights, n),
            )
        )
    return entries


def rss_feed(entries: list[FeedEntry], name: str, built: datetime = NEWEST) -> bytes:
    items = []
    for e in entries:
        categories = "".join(f"<category>{escape(c)}</category>" for c in e.categories)
        items.append(
            f"<item><title>{escape(e.title)}</title>"
            f"<link>https://{name}.example.org/news/{e.slug}/</link>"
            f'<guid isPermaLink="false">{name}-{e.n}</guid>'
            f"<pubDate>{format_datetime(e.published)}</pubDate>"
            f"<dc:creator>{escape(e.author)}</dc:creator>{categories}"
            f"<description><![CDATA[{e.html}]]></description></item>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>'
        f"<title>{name} news</title><link>https://{name}.example.org/</link>"
        f"<description>News from {name}</description><language>en</language>"
        f"<lastBuildDate>{format_datetime(built)}</lastBuildDate>\n"
        + "".join(items)
        + "</channel></rss>\n"
    ).encode()


def atom_feed(entries: list[FeedEntry], name: str, built: datetime = NEWEST) -> bytes:
    items = []
    for e in entries:
        categories = "".join(
            f'<category term="{escape(c)}" label="{escape(c)}"/>' for c in e.categories
        )
        stamp = e.published.isoformat()
        items.append(
            f"<entry><title>{escape(e.title)}</title>"
            f"<id>tag:{name}.example.org,2025:{e.n}</id>"
            f'<link rel="alternate" type="text/html" href="news/{e.slug}/"/>'
            f"<published>{stamp}</published><updated>{stamp}</updated>"
            f"<author><name>{escape(e.author)}</name></author>{categories}"
            f'<content type="html">{escape(e.html)}</content></entry>\n'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://{name}.example.org/">\n'
        f"<title>{name} news</title><id>tag:{name}.example.org,2025:feed</id>"
        f"<updated>{built.isoformat()}</updated>"
        f'<link rel="alternate" href="https://{name}.example.org/"/>\n'
        + "".join(items)
        + "</feed>\n"
    ).encode()


# HTTP server ---------------------------------------------------------------------------


@dataclass
class Served:
    body: bytes
    content_type: str
    rebuilt: bytes | None = None  # the same entries with a later build date, or None
    etag: str = ""

    def __post_init__(self) -> None:
        self.etag = f'"{hashlib.sha256(self.body).hexdigest()[:20]}"'


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    feeds: dict[str, Served]
    # "conditional": 304 when If-None-Match matches; "ignore": the body, whatever the
    # request says; "rebuilt": the same entries in a document with a new build date.
    mode = "conditional"


class FeedHandler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        feed = self.server.feeds.get(self.path)
        if feed is None:
            self.send_error(404)
            return
        mode, body, etag = self.server.mode, feed.body, feed.etag
        if mode == "conditional" and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode == "rebuilt" and feed.rebuilt is not None:
            body, etag = feed.rebuilt, f'"{hashlib.sha256(feed.rebuilt).hexdigest()[:20]}"'
        self.send_response(200)
        self.send_header("Content-Type", feed.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a line per request would bury the results


def start_server(feeds: dict[str, Served]) -> FeedServer:
    server = FeedServer(("127.0.0.1", 0), FeedHandler)
    server.feeds = feeds
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Measurements --------------------------------------------------------------------------


def build_site() -> tuple[Any, Any, Any]:
    """A home page, a blog, a second blog for the big feed (so its 5,000 posts start from an
    empty index as the others did), themes and a partner; returns both blogs and the partner."""
    from blog.models import BlogIndexPage
    from tests.factories import make_site
    from vocabulary.models import Organisation, Theme

    home, blog = make_site()
    archive = home.add_child(instance=BlogIndexPage(title="Partner archive", slug="archive"))
    for name, hashtag, synonyms in THEMES:
        Theme.objects.create(name=name, hashtag=hashtag, synonyms=synonyms)
    partner = Organisation.objects.create(name="Partner Cities Network")
    return blog, archive, partner


def make_source(name: str, url: str, blog: Any, partner: Any) -> Any:
    from importers.models import FeedSource

    return FeedSource.objects.create(
        name=name, url=url, target_blog=blog, partner=partner, review_mode="live"
    )


def timed_import(source: Any, expected: str, label: str) -> tuple[Any, float]:
    """run_import(source), timed; stops the benchmark on anything but a clean run."""
    from importers.runner import run_import

    started = time.perf_counter()
    report = run_import(source)
    seconds = time.perf_counter() - started
    if report.status != expected or report.failed or report.skipped:
        raise SystemExit(
            f"FAIL: {label}: status {report.status} (expected {expected}), error "
            f"{report.error!r}, new {report.new}, unchanged {report.unchanged}, "
            f"skipped {report.skipped}, failed {report.failed}"
        )
    return report, seconds


def measure_feed(label: str, source: Any, server: FeedServer, entries: int) -> list[Step]:
    server.mode = "conditional"
    print(f"{label}: first import of {entries} entries…", flush=True)
    report, seconds = timed_import(source, "ok", f"{label} first import")
    if report.new != entries:
        raise SystemExit(f"FAIL: {label} first import: {report.new} new of {entries}")
    new_rate = report.new / seconds
    tagged = sum(1 for entry in report.entries if entry.themes)
    print(f"  {report.new} new in {seconds:.1f} s ({new_rate:.1f}/s)", flush=True)
    first = Step(
        label, "first import", report.new, seconds, new_rate, "entries/s",
        f"≥ {NEW_GOAL:.0f}/s", new_rate >= NEW_GOAL, f"{tagged} of {entries} tagged with a theme",
    )  # fmt: skip

    times = [
        timed_import(source, "not_modified", f"{label} 304 re-run")[1]
        for _ in range(NOT_MODIFIED_RUNS)
    ]
    ms = statistics.median(times) * 1000
    print(f"  304 re-run: {ms:.1f} ms (median of {NOT_MODIFIED_RUNS})", flush=True)
    not_modified = Step(
        label, "304 re-run", 0, ms / 1000, ms, "ms",
        f"< {NOT_MODIFIED_GOAL_MS:.0f} ms", ms < NOT_MODIFIED_GOAL_MS,
        f"median of {NOT_MODIFIED_RUNS}, {min(times) * 1000:.1f}–{max(times) * 1000:.1f} ms",
    )  # fmt: skip

    unchanged = [
        unchanged_rerun(label, source, server, entries, "ignore", "same bytes"),
        unchanged_rerun(label, source, server, entries, "rebuilt", "new build date"),
    ]
    return [first, not_modified, *unchanged]


def unchanged_rerun(
    label: str, source: Any, server: FeedServer, entries: int, mode: str, what: str
) -> Step:
    """A re-run the server answers with the same entries in full, whatever the request."""
    server.mode = mode
    try:
        report, seconds = timed_import(source, "ok", f"{label} unchanged re-run, {what}")
    finally:
        server.mode = "conditional"
    if report.unchanged != entries:
        raise SystemExit(f"FAIL: {label} re-run: {report.unchanged} unchanged of {entries}")
    rate = report.unchanged / seconds
    print(f"  unchanged re-run, {what}: {seconds:.2f} s ({rate:.0f}/s)", flush=True)
    return Step(
        label, f"unchanged re-run, {what}", report.unchanged, seconds, rate, "entries/s",
        f"≥ {UNCHANGED_GOAL:.0f}/s", rate >= UNCHANGED_GOAL,
    )  # fmt: skip


def start_memory_child(database_url: str) -> subprocess.Popen[str]:
    """The process that will import the big feed, started before this one loads Django.

    ru_maxrss carries the parent's peak over fork and exec (Linux records the old memory's
    high-water mark at exec), so a child started later would report this process's peak.
    It waits for a source id on its stdin; end of input makes it exit without importing.
    """
    return subprocess.Popen(
        [sys.executable, __file__, "--memory-child"],
        env={**os.environ, **importer_environment(database_url)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def memory_child() -> None:
    """In the child process: import the source named on stdin, print peak memory as JSON."""
    line = sys.stdin.readline().split()
    if not line:
        return
    source_id, trace = int(line[0]), line[1:] == ["tracemalloc"]
    setup_django(os.environ["DATABASE_URL"], migrate=False)
    from importers.models import FeedSource

    source = FeedSource.objects.get(pk=source_id)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    if trace:
        tracemalloc.start()
    report, seconds = timed_import(source, "ok", "big import")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    traced_mb = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    result = {
        "new": report.new,
        "seconds": seconds,
        "peak_mb": peak_mb,
        "before_mb": before_mb,
        "tracemalloc_mb": traced_mb,
    }
    print(json.dumps(result))


def measure_memory(
    child: subprocess.Popen[str], url: str, entries: int, trace: bool, blog: Any, partner: Any
) -> Step:
    source = make_source("Big RSS", url, blog, partner)
    from django.db import connections

    connections.close_all()  # the child writes; this process holds nothing open meanwhile
    print(f"Big RSS: first import of {entries} entries in a child process…", flush=True)
    out, _ = child.communicate(f"{source.pk}{' tracemalloc' if trace else ''}\n")
    if child.returncode:
        raise SystemExit(f"FAIL: the big import's process exited with {child.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    if result["new"] != entries:
        raise SystemExit(f"FAIL: big import: {result['new']} new of {entries}")
    peak, before, rate = result["peak_mb"], result["before_mb"], result["new"] / result["seconds"]
    detail = (
        f"peak RSS of the importing process, {before:.0f} MB before the import; "
        f"{rate:.1f} new entries/s"
    )
    if trace:
        detail += f"; tracemalloc peak {result['tracemalloc_mb']:.0f} MB (tracing on)"
    print(f"  {result['new']} new in {result['seconds']:.1f} s; {detail}", flush=True)
    return Step(
        "Big RSS", "peak memory (first import)", result["new"], result["seconds"], peak, "MB",
        f"< {MEMORY_GOAL_MB:.0f} MB", peak < MEMORY_GOAL_MB, detail,
    )  # fmt: skip


# Report --------------------------------------------------------------------------------


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.rstrip()  # not strip(): porcelain lines start with a space


def measured_code() -> str:
    """The commit measured, and any uncommitted change to the code an import runs: read when
    the run starts, before Django imports that code."""
    changed = git("status", "--porcelain", "--", *CODE_PATHS).splitlines()
    commit = git("rev-parse", "--short", "HEAD")
    return (
        f"{commit} + uncommitted {', '.join(line[3:] for line in changed)}" if changed else commit
    )


def environment(args: argparse.Namespace, sizes: dict[str, int], code: str) -> dict[str, Any]:
    import django
    import wagtail
    from django.db import connection

    db_version = ".".join(map(str, connection.get_database_version()))
    return {
        "entries": args.entries,
        "big_entries": None if args.skip_memory else args.big_entries,
        "feed_bytes": sizes,
        "database": f"{connection.display_name} {db_version}",
        "commit": code,
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "cpus": os.cpu_count(),
    }


def report(env: dict[str, Any], steps: list[Step]) -> list[str]:
    """Print the table and the goals; return the goals missed."""
    sizes = ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in env["feed_bytes"].items())
    print(
        f"\n{env['entries']} entries per feed · {env['database']} · commit {env['commit']} · "
        f"Python {env['python']} · Django {env['django']} · Wagtail {env['wagtail']} · "
        f"{env['cpus']} CPUs\nFeeds: {sizes}\n"
    )
    print("| feed | step | entries | seconds | result | goal | |")
    print("| --- | --- | ---: | ---: | ---: | --- | --- |")
    for s in steps:
        value = f"{s.value:.1f} ms" if s.unit == "ms" else f"{s.value:,.0f} {s.unit}"
        if s.unit == "entries/s" and s.value < 100:
            value = f"{s.value:.1f} {s.unit}"
        print(
            f"| {s.feed} | {s.step} | {s.entries:,} | {s.seconds:.3f} | {value} | {s.goal} "
            f"| {'met' if s.met else 'MISSED'} |"
        )
    print("".join(f"\n- {s.feed} {s.step}: {s.detail}" for s in steps if s.detail))
    missed = [f"{s.feed} {s.step}: goal {s.goal}" for s in steps if not s.met]
    scope = "" if env["database"].startswith("SQLite") else " (set for SQLite)"
    print(f"Goals{scope}: {'MISSED' if missed else 'met'}")
    print("".join(f"  - {line}\n" for line in missed), end="")
    return missed


def main() -> None:
    args = parse_args()
    if args.memory_child:
        memory_child()
        return
    code = measured_code()
    with scratch_database(args.database_url, PG_BENCH_DB, "cityforum-bench-import-") as db:
        measure_all(args, db, code)


def measure_all(args: argparse.Namespace, db: Scratch, code: str) -> None:
    server = None
    child = None if args.skip_memory else start_memory_child(db.url)
    try:
        started = time.perf_counter()
        setup_django(db.url, migrate=True)
        print(f"Migrated {db.shown} in {time.perf_counter() - started:.1f} s")
        blog, archive, partner = build_site()

        rss, atom = "application/rss+xml", "application/atom+xml"
        rss_entries, atom_entries = feed_entries(args.entries, 1), feed_entries(args.entries, 2)
        rebuilt = NEWEST + timedelta(hours=1)
        feeds = {
            "/rss.xml": Served(
                rss_feed(rss_entries, "rss-partner"),
                rss,
                rss_feed(rss_entries, "rss-partner", rebuilt),
            ),
            "/atom.xml": Served(
                atom_feed(atom_entries, "atom-partner"),
                atom,
                atom_feed(atom_entries, "atom-partner", rebuilt),
            ),
        }
        if not args.skip_memory:
            feeds["/big.xml"] = Served(
                rss_feed(feed_entries(args.big_entries, 3), "big-partner"), rss
            )
        sizes = {path.strip("/"): len(feed.body) for path, feed in feeds.items()}
        server = start_server(feeds)
        base = f"http://127.0.0.1:{server.server_port}"

        steps: list[Step] = []
        for label, path in (("RSS", "/rss.xml"), ("Atom", "/atom.xml")):
            source = make_source(label, base + path, blog, partner)
            steps += measure_feed(label, source, server, args.entries)
        if not args.skip_memory:
            steps.append(
                measure_memory(
                    child, base + "/big.xml", args.big_entries, args.tracemalloc, archive, partner
                )
            )

        env = environment(args, sizes, code)
        missed = report(env, steps)
        if args.json:
            data = {
                "environment": env,
                "results": [asdict(s) for s in steps],
                "goals_missed": missed,
            }
            args.json.write_text(json.dumps(data, indent=2) + "\n")
    finally:
        if child is not None and child.poll() is None:
            child.communicate("")  # it has not imported: end of input makes it exit
        if server is not None:
            server.shutdown()


if __name__ == "__main__":
    main()
