"""Render time and SQL queries of the reader-facing pages on a blog with thousands of posts.

Builds a throwaway database (a temporary SQLite file, or a ``cityforum_bench`` database on
PostgreSQL), fills it with generated posts and requests each page in-process with Django's
test client. Run from anywhere: ``.venv/bin/python bench/bench_pages.py --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PG_BENCH_DB = "cityforum_bench"
BATCH = 250  # posts per transaction: one commit per post makes SQLite crawl
WARMUP = 2
MIN_RUNS = 5  # timed requests a page gets even when it overruns --max-seconds
LISTING_GOAL_MS = 15.0
SEARCH_GOAL_MS = 60.0
SEARCH_WORD = "cities"

# Most frequent first: words are drawn with weight 1/rank, roughly as in real prose, so the
# first words appear in nearly every post and the last ones in few.
WORD_TEXT = """
the of and to in a cities is that for city on with as local are by their this from mayors
urban more which at it not have new climate governments people can its or has be public
national will networks policy international between diplomacy than how global mayor these
also but they development housing council where other what council's was regional who about
one into transport over water many through resilience such when sustainable work social
migration there finance citizens health only most data could planning some them agenda
economic energy should first metropolitan were agreement all so services many countries
leaders community decisions budget action within research spaces growth infrastructure
municipal those across because green access after goals while future during against power
reform partners summit culture knowledge networks evidence forum strategy inequality
mobility young participatory digital tourism heritage coastal rivers districts
neighbourhoods markets informal settlements land tenure commons procurement bonds ports
corridors rail cycling heat flooding emissions waste recycling circular food security
schools universities hospitals refugees welcome inclusion justice accountability
transparency elections campaigns coalition treaty charter pledge declaration observatory
laboratory pilot experiment lessons comparison archive
"""
WORDS = list(dict.fromkeys(WORD_TEXT.split()))  # a word listed twice would skew its weight
THEMES = [
    "City diplomacy", "Urban SDGs", "Climate action", "Participatory budgeting",
    "Migration", "Housing", "Mobility", "Digital cities", "Metropolitan governance",
    "Culture and heritage", "Public health", "Local finance",
]  # fmt: skip
CATEGORIES = ["Analysis", "Interview", "Opinion", "Report", "Event", "News"]
FIRST = ["Ana", "Bruno", "Chiara", "Dmitri", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jonas"]
LAST = ["Alves", "Bauer", "Costa", "Diallo", "Eriksen", "Fischer", "Garcia", "Haddad"]


@dataclass
class Result:
    page: str
    path: str
    queries: int
    median_ms: float
    p95_ms: float
    runs: int
    goal_ms: float | None = None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000, help="posts to generate")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=60,
        help=f"time budget per page, once it has {MIN_RUNS} runs",
    )
    parser.add_argument("--database-url", help=f"PostgreSQL server to create {PG_BENCH_DB} on")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if args.posts < 20 or args.repeat < 1:
        parser.error("--posts must be at least 20 and --repeat at least 1")
    if args.database_url and urlsplit(args.database_url).scheme not in ("postgres", "postgresql"):
        parser.error("--database-url takes a postgres:// URL; SQLite runs in a temp file anyway")
    return args


def with_database(url: str, name: str) -> str:
    """``url`` naming database ``name``; by hand, as geturl() drops an empty host's "//"."""
    parts = urlsplit(url)
    return f"postgresql://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


def pg_admin(url: str, *statements: str) -> None:
    """Run statements on the server's ``postgres`` database (CREATE/DROP DATABASE need one)."""
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def setup_django(database_url: str) -> None:
    # Must be in the environment before settings load: they read it once, at import.
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def paragraph(rng: random.Random, weights: list[float], theme_slugs: list[str]) -> str:
    sentences = [
        " ".join(rng.choices(WORDS, weights, k=rng.randint(8, 22))).capitalize() + "."
        for _ in range(rng.randint(4, 8))
    ]
    if rng.random() < 0.3:  # a site-relative link, as editors add, for the feeds to rewrite
        slug = rng.choice(theme_slugs)
        sentences.append(f'See <a href="/themes/{slug}/">more on {slug}</a>.')
    return "<p>" + " ".join(sentences) + "</p>"


@contextmanager
def index_after_children(model: type) -> Iterator[None]:
    """Index nothing on save: modelsearch's post_save comes before modelcluster saves themes
    and authors, so with inline tasks their names would miss the index (a worker sees them)."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        post_save.connect(post_save_signal_handler, sender=model)


PageSpec = tuple[str, str, float | None]  # label, path, goal in ms


def generate(n_posts: int) -> list[PageSpec]:
    """The site tree, vocabulary and ``n_posts`` posts; returns the pages to measure."""
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from modelsearch import index
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from blog.models import BlogCategory, BlogPage, BlogPageAuthor, BlogSeries
    from tests.factories import make_site
    from vocabulary.models import Person, Theme

    rng = random.Random(42)
    weights = [1 / rank for rank in range(1, len(WORDS) + 1)]
    content_words = [w for w in WORDS if len(w) > 4]
    _home, blog = make_site()
    themes = [Theme.objects.create(name=name) for name in THEMES]
    theme_slugs = [theme.slug for theme in themes]
    categories = [BlogCategory.objects.create(name=name) for name in CATEGORIES]
    people = [
        Person.objects.create(name=f"{FIRST[n % 10]} {LAST[n // 10 * 2 + n % 2]}", role="Author")
        for n in range(40)
    ]
    series = BlogSeries.objects.create(name="Cities Diplomacy Series")

    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, n_posts, BATCH):
        # The reference index only feeds the admin's "usage" counts, no reader's page, and
        # updating it is a third of the time of adding a post.
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            index_after_children(BlogPage),
        ):
            for n in range(start, min(start + BATCH, n_posts)):
                title = " ".join(rng.sample(content_words, rng.randint(4, 8))).capitalize()
                body: list[tuple[str, str]] = []
                while sum(len(text.split()) for _, text in body) < 600:
                    body.append(("paragraph", paragraph(rng, weights, theme_slugs)))
                date = now - timedelta(minutes=rng.randrange(60, 10 * 365 * 24 * 60))
                post = BlogPage(title=title, slug=f"{slugify(title)[:60]}-{n}", body=body)
                post.date = post.first_published_at = post.last_published_at = date
                if n % 10 == 0:
                    post.series, post.series_position = series, n // 10 + 1
                post.themes.set(rng.sample(themes, 3))
                post.categories = rng.sample(categories, rng.randint(1, 2))
                post.author_links = [
                    BlogPageAuthor(person=person)
                    for person in rng.sample(people, rng.randint(1, 3))
                ]
                blog.add_child(instance=post)  # keeps the tree's paths and counts right
                index.insert_or_update_object(post)
        done = min(start + BATCH, n_posts)
        elapsed = time.perf_counter() - started
        print(f"  {done}/{n_posts} posts, {elapsed:.0f} s ({done / elapsed:.0f}/s)", flush=True)

    in_series = BlogPage.objects.filter(series=series).order_by("series_position")
    post = in_series[in_series.count() // 2]  # one with a previous and a next post
    theme, search = themes[0].slug, f"/search/?q={SEARCH_WORD}"
    return [
        ("Blog index", "/blog/", LISTING_GOAL_MS),
        ("Post", post.get_url(), None),
        ("Theme listing", f"/blog/theme/{theme}/", LISTING_GOAL_MS),
        ("Category listing", f"/blog/category/{categories[0].slug}/", LISTING_GOAL_MS),
        ("Author listing", f"/blog/author/{people[0].slug}/", LISTING_GOAL_MS),
        ("Year archive", f"/blog/{post.date.year}/", None),
        ("Feed RSS", "/blog/feed/", None),
        ("Feed Atom", "/blog/feed/atom/", None),
        ("Feed JSON", "/blog/feed/json/", None),
        ("Theme feed RSS", f"/blog/theme/{theme}/feed/", None),
        ("Theme feed Atom", f"/blog/theme/{theme}/feed/atom/", None),
        ("Theme feed JSON", f"/blog/theme/{theme}/feed/json/", None),
        ("Theme hub", f"/themes/{theme}/", None),
        ("Home", "/", None),
        ("Search", search, SEARCH_GOAL_MS),
        ("Search + theme facet", f"{search}&theme={theme}", SEARCH_GOAL_MS),
    ]


def measure(client: Any, page: PageSpec, args: argparse.Namespace) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    label, path, goal = page

    def get() -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"FAIL: {label} {path} answered {response.status_code}")

    for _ in range(WARMUP):  # fill the per-process caches a running site has
        get()
    # Counted on a request of its own: capturing queries slows the timed ones down.
    with CaptureQueriesContext(connection) as captured:
        get()
    # Read now: the list is a view of connection.queries, which the next request resets.
    queries = len(captured)
    times: list[float] = []
    deadline = time.perf_counter() + args.max_seconds
    while len(times) < args.repeat and (
        len(times) < MIN_RUNS or time.perf_counter() < deadline
    ):  # a page taking seconds would otherwise hold the run up for many minutes
        started = time.perf_counter()
        get()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else median
    print(f"  {label}: {queries} queries, {median:.1f} ms median", flush=True)
    return Result(label, path, queries, median, p95, len(times), goal)


def environment(n_posts: int, generation_s: float) -> dict[str, Any]:
    import django
    import wagtail
    from django.db import connection

    db_version = ".".join(map(str, connection.get_database_version()))
    return {
        "posts": n_posts,
        "generation_s": round(generation_s, 1),
        "database": f"{connection.display_name} {db_version}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "cpus": os.cpu_count(),
    }


def report(env: dict[str, Any], results: list[Result], repeat: int) -> list[str]:
    """Print the table and the goals; return the goals missed."""
    print(
        f"\n{env['posts']} posts · {env['database']} · Python {env['python']} · "
        f"Django {env['django']} · Wagtail {env['wagtail']} · {env['cpus']} CPUs\n"
    )
    print("| page | path | queries | median ms | p95 ms |")
    print("| --- | --- | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r.page} | `{r.path}` | {r.queries} | {r.median_ms:.1f} | {r.p95_ms:.1f} |")
    short = [f"{r.page} ({r.runs})" for r in results if r.runs < repeat]
    if short:
        print(f"\nTimed fewer than {repeat} times, for --max-seconds: {', '.join(short)}")
    missed = [
        f"{r.page}: {r.median_ms:.1f} ms median, goal {r.goal_ms:.0f} ms"
        for r in results
        if r.goal_ms is not None and r.median_ms >= r.goal_ms
    ]
    scope = "" if env["database"].startswith("SQLite") else " (set for SQLite)"
    goals = f"listings under {LISTING_GOAL_MS:.0f} ms, search under {SEARCH_GOAL_MS:.0f} ms"
    print(f"\nGoals{scope}: {goals} (median): {'MISSED' if missed else 'met'}")
    print("".join(f"  - {line}\n" for line in missed), end="")
    return missed


def main() -> None:
    args = parse_args()
    tmpdir, drop = None, f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)'
    if args.database_url:
        pg_admin(args.database_url, drop, f'CREATE DATABASE "{PG_BENCH_DB}"')
        database_url = with_database(args.database_url, PG_BENCH_DB)
    else:
        tmpdir = tempfile.mkdtemp(prefix="cityforum-bench-")
        database_url = f"sqlite:///{tmpdir}/bench.sqlite3"
    shown = database_url if tmpdir else f"{PG_BENCH_DB} (PostgreSQL)"  # no password on screen

    try:
        started = time.perf_counter()
        setup_django(database_url)
        print(f"Migrated {shown} in {time.perf_counter() - started:.1f} s")
        print(f"Generating {args.posts} posts…")
        started = time.perf_counter()
        pages = generate(args.posts)
        generation_s = time.perf_counter() - started
        print(f"Generated {args.posts} posts in {generation_s:.1f} s")

        from django.db import connection, connections

        # Measure with table statistics, as a settled site has them. PostgreSQL's autovacuum
        # would gather them some time after a bulk load; SQLite refreshes them whenever a
        # connection opens (website.apps.give_sqlite_statistics).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        connections.close_all()
        from django.test import Client  # its "testserver" is the default site's hostname

        print("Measuring…")
        results = [measure(Client(), page, args) for page in pages]
        env = environment(args.posts, generation_s)
        missed = report(env, results, args.repeat)
        if args.json:
            data = {"environment": env, "results": [asdict(r) for r in results]}
            args.json.write_text(json.dumps(data | {"goals_missed": missed}, indent=2) + "\n")
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()  # PostgreSQL refuses to drop a database in use
        if args.keep:
            print(f"Kept the database: {shown}")
        elif tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        elif args.database_url:
            pg_admin(args.database_url, drop)


if __name__ == "__main__":
    main()
