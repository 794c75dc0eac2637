"""Reader comments posted per second through gunicorn, and the post page's render time with
approved comments.

Builds a throwaway database (a temporary SQLite file, or a ``cityforum_bench_comments``
database on PostgreSQL) with a blog and posts with comments open, then:

1. renders posts with 0, 50 and 500 approved comments in-process with Django's test client
   (SQL queries, median and 95th percentile ms), as ``bench_pages.py`` measures pages;
2. serves the site with gunicorn on 127.0.0.1 and posts comments as readers do, each one a
   GET of the post page and a POST of its form, from 1, 5 and 20 concurrent clients.

Run from anywhere: ``.venv/bin/python bench/bench_comments.py --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench_import import git
from bench_pages import (
    WORDS,
    PageSpec,
    environment,
    measure,
    setup_django,
)
from scratch import scratch_database

PG_BENCH_DB = "cityforum_bench_comments"  # its own: the other benchmarks may run beside it
APPROVED = (0, 50, 500)  # approved comments on the posts rendered
REPLY_EVERY = 3  # one approved comment in 3 answers an earlier one
ACCEPTED = {302, 303}


@dataclass
class Rate:
    clients: int
    posts: int
    seconds: float
    per_second: float
    median_ms: float  # one reader's comment: the GET of the page and the POST
    p95_ms: float


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300, help="comments posted per concurrency")
    parser.add_argument(
        "--concurrency", default="1,5,20", help="concurrent clients, comma-separated"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--repeat", type=int, default=30, help="timed renders per page")
    parser.add_argument("--max-seconds", type=float, default=60, help="time budget per page")
    parser.add_argument("--database-url", help=f"PostgreSQL server to create {PG_BENCH_DB} on")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    args.concurrency = [int(n) for n in args.concurrency.split(",")]
    if args.posts < 1 or args.repeat < 1 or min(args.concurrency) < 1:
        parser.error("--posts, --repeat and each --concurrency must be at least 1")
    if args.database_url and urlsplit(args.database_url).scheme not in ("postgres", "postgresql"):
        parser.error("--database-url takes a postgres:// URL; SQLite runs in a temp file anyway")
    return args


def build_site() -> tuple[Any, list[tuple[int, Any]]]:
    """A blog with the post readers comment on, and one post per count in ``APPROVED``
    carrying that many approved comments; returns both."""
    from tests.factories import make_post, make_site

    _, blog = make_site()
    target = make_post(blog, title="The post readers comment on", days_ago=0)
    rendered = []
    for count in APPROVED:
        post = make_post(blog, title=f"A post with {count} comments", days_ago=1)
        add_approved_comments(post, count)
        rendered.append((count, post))
    return target, rendered


def add_approved_comments(post: Any, count: int) -> None:
    """``count`` approved comments on ``post``, one in ``REPLY_EVERY`` a reply, through the
    model's save() so that xtd threads them as the site does."""
    from datetime import timedelta

    import django_comments
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    model = django_comments.get_model()
    content_type = ContentType.objects.get_for_model(post)
    start = timezone.now() - timedelta(days=1)
    threads: list[int] = []
    with transaction.atomic():
        for n in range(count):
            comment = model(
                content_type=content_type,
                object_pk=str(post.pk),
                site_id=settings.SITE_ID,
                user_name=f"Reader {n}",
                user_email=f"approved-{n}@example.org",
                comment=" ".join(WORDS[(n * 7 + i) % len(WORDS)] for i in range(40)) + ".",
                submit_date=start + timedelta(minutes=n),
                status=model.Status.APPROVED,
            )
            if threads and n % REPLY_EVERY == REPLY_EVERY - 1:
                comment.parent_id = threads[n % len(threads)]
            comment.save()
            if not comment.level:
                threads.append(comment.pk)


def post_comments(page_url: str, clients: int, posts: int, first: int) -> Rate:
    """``posts`` comments from ``clients`` concurrent readers; stops the run on any answer
    but an accept."""
    import httpx

    from tests.processes import post_comment

    def reader(numbers: range) -> list[float]:
        times = []
        with httpx.Client(timeout=120) as client:  # its own cookies, as a browser has
            for n in numbers:
                started = time.perf_counter()
                response = post_comment(
                    client, page_url, f"Reader {n}", f"reader-{n}@example.org", f"Comment {n}."
                )
                if response.status_code not in ACCEPTED:
                    raise SystemExit(f"FAIL: comment {n} answered {response.status_code}")
                times.append((time.perf_counter() - started) * 1000)
        return times

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        shares = [range(first + c, first + posts, clients) for c in range(clients)]
        times = [t for share in pool.map(reader, shares) for t in share]
    seconds = time.perf_counter() - started
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else 0
    rate = Rate(clients, posts, seconds, posts / seconds, statistics.median(times), p95)
    print(f"  {clients} clients: {rate.per_second:.1f} comments/s", flush=True)
    return rate


def measure_posting(
    args: argparse.Namespace, database_url: str, target: Any, log: Path
) -> list[Rate]:
    import httpx
    from django.db import connections

    from tests.processes import child_environment, gunicorn, wait_until_served

    connections.close_all()  # the workers write now; SQLite wants no reader holding it open
    env = child_environment(
        database_url,
        os.environ.get("DJANGO_SETTINGS_MODULE", "website.settings.test"),
        COMMENTS_RATE_PER_IP=f"{10 * args.posts * len(args.concurrency)}/m",  # all 127.0.0.1
    )
    with gunicorn(env, log, workers=args.workers) as base_url:
        page_url = base_url + target.url
        try:
            with httpx.Client(timeout=120) as client:
                for _ in range(2 * args.workers):  # each worker loads Django on its first GET
                    if wait_until_served(client, page_url).status_code != 200:
                        raise SystemExit(f"FAIL: {page_url} does not answer")
            return [
                post_comments(page_url, clients, args.posts, n * args.posts)
                for n, clients in enumerate(args.concurrency)
            ]
        except BaseException:
            print(f"gunicorn's log:\n{log.read_text()[-3000:]}", file=sys.stderr)
            raise


def check_stored(target: Any, expected: int) -> None:
    import django_comments
    from django.contrib.contenttypes.models import ContentType

    stored = (
        django_comments.get_model()
        .objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_pk=str(target.pk)
        )
        .count()
    )
    if stored != expected:
        raise SystemExit(f"FAIL: {expected} comments accepted, {stored} stored")


def report(env: dict[str, Any], renders: list[Any], rates: list[Rate]) -> None:
    print(
        f"\n{env['database']} · commit {env['commit']} · gunicorn, {env['workers']} workers · "
        f"Python {env['python']} · Django {env['django']} · Wagtail {env['wagtail']} · "
        f"{env['cpus']} CPUs\n"
    )
    print("| post page | approved comments | queries | median ms | p95 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for count, r in zip(APPROVED, renders, strict=True):
        print(f"| `{r.path}` | {count} | {r.queries} | {r.median_ms:.1f} | {r.p95_ms:.1f} |")
    print("\n| clients | comments | seconds | comments/s | median ms | p95 ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rates:
        print(
            f"| {r.clients} | {r.posts} | {r.seconds:.1f} | {r.per_second:.1f} "
            f"| {r.median_ms:.0f} | {r.p95_ms:.0f} |"
        )
    print("\nA comment is a GET of the post page and a POST of its form (ms: one reader's pair).")


def main() -> None:
    args = parse_args()
    commit = git("rev-parse", "--short", "HEAD")
    with scratch_database(args.database_url, PG_BENCH_DB, "cityforum-bench-comments-") as db:
        started = time.perf_counter()
        setup_django(db.url, db.tmpdir / "media")
        print(f"Migrated {db.shown} in {time.perf_counter() - started:.1f} s")
        target, rendered = build_site()
        from django.db import connection
        from django.test import Client

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print("Rendering…")
        for count, post in rendered:  # the comments are there to be timed, not left out
            if count and f"Reader {count - 1}<" not in Client().get(post.url).text:
                raise SystemExit(f"FAIL: {post.url} does not show its {count} comments")
        renders = [
            measure(Client(), PageSpec(f"Post with {count} comments", post.url), args)
            for count, post in rendered
        ]
        print(f"Posting {args.posts} comments per concurrency…")
        rates = measure_posting(args, db.url, target, db.tmpdir / "gunicorn.log")
        check_stored(target, args.posts * len(args.concurrency))

        env = environment(0, 0, 0)  # the page benchmark's, less its site's sizes
        for key in ("posts", "projects", "generation_s"):
            del env[key]
        env |= {"commit": commit, "workers": args.workers}
        report(env, renders, rates)
        if args.json:
            data = {
                "environment": env,
                "renders": [
                    asdict(r) | {"approved": c} for c, r in zip(APPROVED, renders, strict=True)
                ],
                "posting": [asdict(r) for r in rates],
            }
            args.json.write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
