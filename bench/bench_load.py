"""Requests per second and latency of reader pages served by gunicorn under load.

Builds the page benchmark's site (``bench_pages.generate``: 5,000 posts by default) in a
``cityforum_bench_load`` database on PostgreSQL, serves it with gunicorn and the production
settings (cache and tasks on Redis) and loads five pages with ``wrk`` in three phases:
page cache off, page cache on, and page cache on while a 1,000-entry feed is imported.
Comments are posted during the cached phase and checked afterwards. Run from anywhere:
``.venv/bin/python bench/bench_load.py --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bench_import import Served, feed_entries, git, make_source, rss_feed, start_server
from bench_pages import ROOT, environment, generate, setup_django
from scratch import scratch_database

PG_BENCH_DB = "cityforum_bench_load"  # its own: the other benchmarks may run beside it
SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_DB = 11  # a database no test or benchmark uses (the operations tests take 5)
PAGES = ["Blog index", "Post", "Theme listing", "Feed RSS", "Search"]  # bench_pages' labels
LISTINGS = ["Blog index", "Theme listing", "Feed RSS"]  # the cached goal's pages
CACHED_GOAL = 500.0  # req/s, cached, every listing and feed
# puput 2.2 on SQLite, 2 workers, 8 connections, 5,000 posts, on this machine: measured by
# someone else, not re-run here. Uncached, each page should do at least 5 times as well.
PUPUT = {"Blog index": 14, "Post": 15, "Theme listing": 12, "Feed RSS": 85, "Search": 4}
UNCACHED_FACTOR = 5
ACCEPTED = {302, 303}  # a comment's answer: the redirect to its thank-you page
WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")


@dataclass
class Row:
    phase: str
    page: str
    path: str
    connections: int
    requests: int
    seconds: float
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int  # answers of 400 or more, and socket errors


@dataclass
class Comments:
    posted: int = 0
    accepted: list[str] = field(default_factory=list)  # the accepted comments' emails
    refused: dict[str, int] = field(default_factory=dict)  # email: status code
    stored_once: bool = False


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000, help="posts to generate")
    parser.add_argument("--projects", type=int, default=500, help="research projects to generate")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--connections", type=int, default=8, help="open connections")
    parser.add_argument("--seconds", type=int, default=15, help="load per page and phase")
    parser.add_argument("--entries", type=int, default=1000, help="entries of the imported feed")
    parser.add_argument(
        "--import-timeout", type=int, default=300, help="longest the import may run, seconds"
    )
    parser.add_argument("--comments", type=int, default=40, help="comments posted when cached")
    parser.add_argument("--database-url", default=SERVER, help="PostgreSQL server to use")
    parser.add_argument("--redis-db", type=int, default=REDIS_DB, help="Redis database to use")
    parser.add_argument("--json", type=Path, help="where to write the results (bench/results/)")
    args = parser.parse_args()
    if urlsplit(args.database_url).scheme not in ("postgres", "postgresql"):
        parser.error("--database-url takes a postgres:// URL")
    if args.connections < len(PAGES):  # the import phase gives each page a connection
        parser.error(f"--connections must be at least {len(PAGES)}")
    if not shutil.which("wrk"):
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    args.json = args.json or ROOT / "bench" / "results" / f"load-{date.today()}.json"
    return args


def site_environment(args: argparse.Namespace, database_url: str, media: Path) -> dict[str, str]:
    """The production settings serving plain HTTP on 127.0.0.1, with Redis."""
    from tests.processes import child_environment

    return child_environment(
        database_url,
        "website.settings.production",
        DJANGO_SECRET_KEY="bench-load-not-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",  # no TLS proxy in front
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        REDIS_URL=f"redis://127.0.0.1:6379/{args.redis_db}",
        COMMENTS_RATE_PER_IP="100000/m",  # every reader here is 127.0.0.1
    )


@contextmanager
def served(env: dict[str, str], log: Path, workers: int, urls: list[str]):
    """gunicorn on a flushed Redis database, each page requested by every worker once;
    yields the base URL."""
    import httpx
    import redis

    from tests.processes import gunicorn, wait_until_served

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    with gunicorn(env, log, workers=workers) as base_url:
        try:
            with httpx.Client(timeout=120) as client:
                for path in urls * workers:  # each worker loads Django on its first request
                    response = wait_until_served(client, base_url + path)
                    if response.status_code != 200:
                        raise SystemExit(f"FAIL: {path} answered {response.status_code}")
            yield base_url
        except BaseException:
            print(f"gunicorn's log:\n{log.read_text()[-3000:]}", file=sys.stderr)
            raise


def start_wrk(url: str, connections: int, seconds: int) -> subprocess.Popen[str]:
    threads = min(connections, 2)  # one per CPU of the machine measured; wrk needs little
    return subprocess.Popen(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
        + ["-s", str(WRK_SCRIPT), url],
        stdout=subprocess.PIPE,
        text=True,
    )


def wrk_row(process: subprocess.Popen[str], phase: str, page: str, path: str, c: int) -> Row:
    out, _ = process.communicate(timeout=900)
    line = next((x for x in out.splitlines() if x.startswith("WRK ")), None)
    if line is None:
        raise SystemExit(f"FAIL: wrk gave no summary for {path}:\n{out}")
    r = json.loads(line[4:])
    seconds = r["duration_us"] / 1e6
    row = Row(
        phase,
        page,
        path,
        c,
        r["requests"],
        round(seconds, 1),
        round(r["requests"] / seconds, 1),
        r["p50_us"] / 1000,
        r["p99_us"] / 1000,
        r["status_errors"] + r["socket_errors"],
    )
    print(f"  {phase}, {page}: {row.per_second:.0f} req/s, {row.errors} errors", flush=True)
    return row


def load_each(base_url: str, pages: dict[str, str], phase: str, args: argparse.Namespace):
    """Each page in turn, ``--connections`` for ``--seconds``."""
    c = args.connections
    return [
        wrk_row(start_wrk(base_url + path, c, args.seconds), phase, page, path, c)
        for page, path in pages.items()
    ]


def post_comments(page_url: str, count: int, deadline: float, comments: Comments) -> None:
    """``count`` comments from one reader, as bench_comments posts them, until ``deadline``.
    The page is cached, so its form has no CSRF token: a fresh one comes from /csrf/ before
    each comment, as csrf.js fetches it, and goes in the header Django also reads."""
    import httpx

    from tests.processes import post_comment

    csrf_url = urljoin(page_url, "/csrf/")
    with httpx.Client(timeout=120) as client:
        for n in range(count):
            if time.monotonic() > deadline:
                break
            token = client.get(csrf_url)
            # The cookie is Secure (production): a client sends it on plain HTTP only by hand.
            client.headers["Cookie"] = f"csrftoken={token.cookies['csrftoken']}"
            client.headers["X-CSRFToken"] = token.json()["token"]
            email = f"load-{n}@example.org"
            response = post_comment(client, page_url, f"Reader {n}", email, f"Comment {n}.")
            comments.posted += 1
            if response.status_code in ACCEPTED:
                comments.accepted.append(email)
            else:
                comments.refused[email] = response.status_code


def check_comments(comments: Comments) -> None:
    """Every accepted comment stored exactly once, no refused one stored."""
    import django_comments
    from django.db.models import Count

    counts = dict(
        django_comments.get_model()
        .objects.filter(user_email__startswith="load-")
        .values_list("user_email")
        .annotate(n=Count("pk"))
    )
    comments.stored_once = counts == {email: 1 for email in comments.accepted}


def cached_with_comments(
    base_url: str, pages: dict[str, str], target: str, args: argparse.Namespace
) -> tuple[list[Row], Comments]:
    comments = Comments()
    deadline = time.monotonic() + args.seconds * len(pages)
    poster = threading.Thread(
        target=post_comments, args=(base_url + target, args.comments, deadline, comments)
    )
    poster.start()
    try:
        rows = load_each(base_url, pages, "cached", args)
    finally:
        poster.join()
    return rows, comments


def during_import(
    base_url: str, pages: dict[str, str], env: dict[str, str], log: Path, feed_url: str, args
) -> tuple[list[Row], dict[str, Any]]:
    """Every page at once (the connections shared out) while ``manage.py import_feed`` runs;
    the load stops when the import ends."""
    share, extra = divmod(args.connections, len(pages))
    connections = [share + (i < extra) for i in range(len(pages))]
    started = time.monotonic()
    with open(log, "w") as out:
        importer = subprocess.Popen(
            [sys.executable, "manage.py", "import_feed", feed_url],
            cwd=ROOT,
            env={**env, "IMPORTER_ALLOW_PRIVATE_HOSTS": "1"},  # the feed is on 127.0.0.1
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    loads = [
        start_wrk(base_url + path, c, args.import_timeout)
        for path, c in zip(pages.values(), connections, strict=True)
    ]
    try:
        returncode = importer.wait(timeout=args.import_timeout)
    except subprocess.TimeoutExpired:
        importer.kill()
        returncode = importer.wait()
    seconds = time.monotonic() - started
    for process in loads:
        process.send_signal(signal.SIGINT)  # wrk stops and still reports
    rows = [
        wrk_row(process, "during import", page, path, c)
        for process, (page, path), c in zip(loads, pages.items(), connections, strict=True)
    ]
    # The command's own line, among httpx's log lines: "<source>: ok — N new, …".
    summary = [line for line in log.read_text().splitlines() if " new, " in line]
    result = {
        "entries": args.entries,
        "seconds": round(seconds, 1),
        "returncode": returncode,
        "summary": summary[-1] if summary else "",
    }
    print(f"  import: {result['summary']} in {seconds:.1f} s (exit {returncode})", flush=True)
    return rows, result


def goals(rows: list[Row], comments: Comments, imported: dict[str, Any]) -> list[str]:
    """The goals missed."""
    missed = []
    for r in rows:
        if r.phase == "cached" and r.page in LISTINGS and r.per_second < CACHED_GOAL:
            missed.append(f"{r.page} cached: {r.per_second:.0f} req/s, goal {CACHED_GOAL:.0f}")
        goal = UNCACHED_FACTOR * PUPUT[r.page]
        if r.phase == "uncached" and r.per_second < goal:
            missed.append(f"{r.page} uncached: {r.per_second:.0f} req/s, goal {goal}")
        if r.errors:
            missed.append(f"{r.page} {r.phase}: {r.errors} error responses")
    if comments.refused or not comments.stored_once:
        missed.append(
            f"comments: {len(comments.accepted)} accepted, {len(comments.refused)} refused, "
            f"stored exactly once: {comments.stored_once}"
        )
    if imported["returncode"] != 0 or f"{imported['entries']} new" not in imported["summary"]:
        missed.append(f"import: {imported['summary']} (exit {imported['returncode']})")
    return missed


def report(env: dict[str, Any], rows: list[Row], comments: Comments, imported, missed) -> None:
    print(
        f"\n{env['posts']} posts · {env['database']} · commit {env['commit']} · gunicorn, "
        f"{env['workers']} workers · {env['cpus']} CPUs · load average "
        f"{env['load_before']} before, {env['load_after']} after\n"
    )
    print("| phase | page | connections | req/s | p50 ms | p99 ms | errors | requests |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r.phase} | {r.page} | {r.connections} | {r.per_second:.1f} | {r.p50_ms:.1f} "
            f"| {r.p99_ms:.1f} | {r.errors} | {r.requests} |"
        )
    total = sum(r.per_second for r in rows if r.phase == "during import")
    print(f"\nDuring the import, all pages at once: {total:.0f} req/s in all.")
    print(f"Import: {imported['summary']}, {imported['seconds']} s")
    print(
        f"Comments while cached: {comments.posted} posted, {len(comments.accepted)} accepted, "
        f"stored exactly once: {comments.stored_once}"
    )
    goal = (
        f"cached ≥ {CACHED_GOAL:.0f} req/s for {', '.join(LISTINGS)}; uncached ≥ "
        f"{UNCACHED_FACTOR} times puput 2.2 (not re-run here); no errors; no comment lost"
    )
    print(f"Goals ({goal}): {'MISSED' if missed else 'met'}")
    print("".join(f"  - {line}\n" for line in missed), end="")


def main() -> None:
    args = parse_args()
    load_before = os.getloadavg()
    with scratch_database(args.database_url, PG_BENCH_DB, "cityforum-bench-load-") as db:
        setup_django(db.url, db.tmpdir / "media")
        print(f"Generating {args.posts} posts and {args.projects} projects…", flush=True)
        started = time.perf_counter()
        specs = {spec.label: spec.path for spec in generate(args.posts, args.projects)}
        generation_s = time.perf_counter() - started
        pages = {label: specs[label] for label in PAGES}

        from django.conf import settings
        from django.db import connection, connections

        from blog.models import BlogIndexPage, BlogPage

        # The newest English post takes the comments, so the post measured stays as it was.
        target = BlogPage.objects.live().in_locale().order_by("-date").first().url
        entries = feed_entries(args.entries, seed=7)
        server = start_server({"/feed.xml": Served(rss_feed(entries, "partner"), "text/xml")})
        feed_url = f"http://127.0.0.1:{server.server_port}/feed.xml"
        english_blog = BlogIndexPage.objects.get(
            slug="blog", locale__language_code=settings.LANGUAGE_CODE
        )
        # A source that publishes at once, so the import empties the page cache as it goes.
        make_source("Partner", feed_url, english_blog, None)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # statistics, as a settled site has them
        connections.close_all()

        env = site_environment(args, db.url, db.tmpdir / "media")
        # The production settings serve static files from the manifest collectstatic writes.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        log, urls = db.tmpdir / "gunicorn.log", [*pages.values(), target]
        print("Uncached…", flush=True)
        with served({**env, "DJANGO_PAGE_CACHE_SECONDS": "0"}, log, args.workers, urls) as base:
            rows = load_each(base, pages, "uncached", args)
        print("Cached, with comments…", flush=True)
        with served(env, log, args.workers, urls) as base:
            cached, comments = cached_with_comments(base, pages, target, args)
        print("Cached, during an import…", flush=True)
        with served(env, log, args.workers, urls) as base:
            imported_rows, imported = during_import(
                base, pages, env, db.tmpdir / "import.log", feed_url, args
            )
        server.shutdown()
        rows += cached + imported_rows
        check_comments(comments)
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()  # the tasks no worker ran

        info = environment(args.posts, args.projects, generation_s)
        info |= {
            "commit": git("rev-parse", "--short", "HEAD"),
            "workers": args.workers,
            "connections": args.connections,
            "seconds_per_page": args.seconds,
            "load_before": " ".join(f"{x:.1f}" for x in load_before),
            "load_after": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        }
        missed = goals(rows, comments, imported)
        report(info, rows, comments, imported, missed)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "environment": info,
            "results": [asdict(r) for r in rows],
            "import": imported,
            "comments": asdict(comments),
            "puput_req_s": PUPUT,
            "goals_missed": missed,
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n")
        print(f"Wrote {args.json}")


if __name__ == "__main__":
    main()
