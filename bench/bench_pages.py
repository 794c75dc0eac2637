"""Render time and SQL queries of the reader-facing pages on a site with thousands of posts.

Builds a throwaway database (a temporary SQLite file, or a ``cityforum_bench`` database on
PostgreSQL), fills it with generated posts and research projects and requests each page
in-process with Django's test client. Run from anywhere:
``.venv/bin/python bench/bench_pages.py --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from scratch import scratch_database

ROOT = Path(__file__).resolve().parent.parent
PG_BENCH_DB = "cityforum_bench"
BATCH = 250  # posts per transaction: one commit per post makes SQLite crawl
FRENCH_SHARE = 5  # one post in five has a French translation
FRENCH_LISTING = "Blog index (fr)"
FRENCH_MARGIN = 0.10  # the French listing within 10% of the English one
WARMUP = 2
MIN_RUNS = 5  # timed requests a page gets even when it overruns --max-seconds
LISTING_GOAL_MS = 15.0
SEARCH_GOAL_MS = 60.0
SEARCH_WORD = "cities"
PROJECT_PAGE = 5  # the index page measured past the first; needs 41+ projects

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
CITIES = {
    "GB": ["London", "Manchester", "Bristol"], "FR": ["Paris", "Lyon", "Marseille"],
    "DE": ["Berlin", "Hamburg", "Munich"], "ES": ["Barcelona", "Madrid", "Bilbao"],
    "IT": ["Milan", "Turin", "Bologna"], "SE": ["Stockholm", "Malmö", "Gothenburg"],
    "NL": ["Amsterdam", "Rotterdam", "Utrecht"], "PT": ["Lisbon", "Porto", "Braga"],
    "PL": ["Warsaw", "Kraków", "Gdańsk"], "TR": ["Istanbul", "Ankara", "Izmir"],
    "US": ["New York", "Chicago", "Los Angeles"], "CA": ["Toronto", "Montreal", "Vancouver"],
    "MX": ["Mexico City", "Guadalajara", "Monterrey"],
    "BR": ["São Paulo", "Porto Alegre", "Curitiba"], "CO": ["Bogotá", "Medellín", "Cali"],
    "ZA": ["Johannesburg", "Cape Town", "Durban"], "NG": ["Lagos", "Abuja", "Kano"],
    "KE": ["Nairobi", "Mombasa", "Kisumu"], "IN": ["Mumbai", "Delhi", "Bengaluru"],
    "JP": ["Tokyo", "Osaka", "Yokohama"],
}  # fmt: skip
# Countries a project may list as a whole (a national review), beside those of its cities.
OTHER_COUNTRIES = ["AR", "AU", "CL", "EG", "ID", "MA"]
FUNDERS = [
    "Urban Futures Foundation", "Civic Innovation Trust", "Council for Local Research",
    "Fund for Global Cities", "Open Places Foundation", "Metropolitan Research Fund",
]  # fmt: skip
NETWORKS = [
    "Global Cities Network", "Atlantic Cities Alliance", "Mediterranean Cities Forum",
    "Forum of Metropolitan Regions", "Coastal Cities Compact",
]  # fmt: skip
LEADER_ROLES = ["Principal investigator", "Co-investigator"]
MEMBER_ROLES = [
    "Researcher", "Research fellow", "Research assistant", "Doctoral researcher",
    "Policy adviser",
]  # fmt: skip
# Budgets of the query budget tests (tests/blog/ and tests/projects/test_query_budgets.py).
LISTING_BUDGET, POST_BUDGET, FEED_BUDGET = 10, 15, 6
PROJECT_INDEX_BUDGET, PROJECT_BUDGET, PROJECT_FEED_BUDGET, PLACE_BUDGET = 12, 20, 10, 12
SEARCH_BUDGET = 5  # tests/website/test_search.py


@dataclass
class Result:
    page: str
    path: str
    queries: int
    median_ms: float
    p95_ms: float
    runs: int
    goal_ms: float | None = None
    query_budget: int | None = None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000, help="posts to generate")
    parser.add_argument("--projects", type=int, default=500, help="research projects to generate")
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
    if args.projects < 10 * PROJECT_PAGE:  # page 5 of the index is measured
        parser.error(f"--projects must be at least {10 * PROJECT_PAGE}")
    if args.database_url and urlsplit(args.database_url).scheme not in ("postgres", "postgresql"):
        parser.error("--database-url takes a postgres:// URL; SQLite runs in a temp file anyway")
    return args


def setup_django(database_url: str, media_root: Path) -> None:
    # Must be in the environment before settings load: they read it once, at import.
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    # Before the storage first reads it: the document goes with the database, not the tests'.
    settings.MEDIA_ROOT = str(media_root)
    call_command("migrate", verbosity=0, interactive=False)


def sentence(rng: random.Random, weights: list[float]) -> str:
    return " ".join(rng.choices(WORDS, weights, k=rng.randint(8, 22))).capitalize() + "."


def paragraph(rng: random.Random, weights: list[float], theme_slugs: list[str]) -> str:
    sentences = [sentence(rng, weights) for _ in range(rng.randint(4, 8))]
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


@contextmanager
def bulk_load(model: type) -> Iterator[None]:
    """One transaction per batch. The reference index only feeds the admin's "usage" counts,
    no reader's page, and updating it is a third of the time of adding a page."""
    from django.db import transaction
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with transaction.atomic(), disable_reference_index_auto_update(), index_after_children(model):
        yield


def progress(done: int, total: int, what: str, started: float) -> None:
    elapsed = time.perf_counter() - started
    print(f"  {done}/{total} {what}, {elapsed:.0f} s ({done / elapsed:.0f}/s)", flush=True)


class PageSpec(NamedTuple):
    label: str
    path: str
    goal_ms: float | None = None
    budget: int | None = None  # the most queries allowed, where a test sets a budget


def generate(n_posts: int, n_projects: int) -> list[PageSpec]:
    """The site tree, vocabulary, ``n_posts`` posts and ``n_projects`` research projects;
    returns the pages to measure."""
    from django.utils import timezone
    from django.utils.text import slugify
    from modelsearch import index

    from blog.models import BlogCategory, BlogPage, BlogPageAuthor, BlogSeries
    from tests.factories import make_site
    from vocabulary.models import City, Person, Theme
    from website.search import ranks_well

    rng = random.Random(42)
    place_rng = random.Random(43)  # a stream of its own, so the posts stay those of older runs
    weights = [1 / rank for rank in range(1, len(WORDS) + 1)]
    content_words = [w for w in WORDS if len(w) > 4]
    home, blog = make_site()
    themes = [Theme.objects.create(name=name) for name in THEMES]
    theme_slugs = [theme.slug for theme in themes]
    categories = [BlogCategory.objects.create(name=name) for name in CATEGORIES]
    people = [
        Person.objects.create(name=f"{FIRST[n % 10]} {LAST[n // 10 * 2 + n % 2]}", role="Author")
        for n in range(40)
    ]
    series = BlogSeries.objects.create(name="Cities Diplomacy Series")
    cities = [
        City.objects.create(name=name, country=code)
        for code, names in CITIES.items()
        for name in names
    ]

    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, n_posts, BATCH):
        with bulk_load(BlogPage):
            for n in range(start, min(start + BATCH, n_posts)):
                title = " ".join(rng.sample(content_words, rng.randint(4, 8))).capitalize()
                body: list[tuple[str, str]] = []
                while sum(len(text.split()) for _, text in body) < 600:
                    body.append(("paragraph", paragraph(rng, weights, theme_slugs)))
                when = now - timedelta(minutes=rng.randrange(60, 10 * 365 * 24 * 60))
                post = BlogPage(title=title, slug=f"{slugify(title)[:60]}-{n}", body=body)
                post.date = post.first_published_at = post.last_published_at = when
                if n % 10 == 0:
                    post.series, post.series_position = series, n // 10 + 1
                post.themes.set(rng.sample(themes, 3))
                post.categories = rng.sample(categories, rng.randint(1, 2))
                post.author_links = [
                    BlogPageAuthor(person=person)
                    for person in rng.sample(people, rng.randint(1, 3))
                ]
                if place_rng.random() < 0.3:  # about a city or two, for the city pages
                    post.cities = place_rng.sample(cities, place_rng.randint(1, 2))
                blog.add_child(instance=post)  # keeps the tree's paths and counts right
                index.insert_or_update_object(post)
        progress(min(start + BATCH, n_posts), n_posts, "posts", started)

    french_post = translate_posts(blog, n_posts // FRENCH_SHARE)
    in_series = BlogPage.objects.filter(series=series).order_by("series_position")
    post = in_series[in_series.count() // 2]  # one with a previous and a next post
    theme, search = themes[0].slug, f"/search/?q={SEARCH_WORD}"
    halfway = n_posts // 20  # of ten results a page: the word is in nearly every post
    blog_pages = [
        PageSpec("Blog index", "/blog/", LISTING_GOAL_MS, LISTING_BUDGET),
        PageSpec("Post", post.get_url(), None, POST_BUDGET),
        PageSpec("Theme listing", f"/blog/theme/{theme}/", LISTING_GOAL_MS, LISTING_BUDGET),
        PageSpec(
            "Category listing",
            f"/blog/category/{categories[0].slug}/",
            LISTING_GOAL_MS,
            LISTING_BUDGET,
        ),
        PageSpec(
            "Author listing", f"/blog/author/{people[0].slug}/", LISTING_GOAL_MS, LISTING_BUDGET
        ),
        PageSpec("Year archive", f"/blog/{post.date.year}/"),
        PageSpec("Feed RSS", "/blog/feed/", None, FEED_BUDGET),
        PageSpec("Feed Atom", "/blog/feed/atom/", None, FEED_BUDGET),
        PageSpec("Feed JSON", "/blog/feed/json/", None, FEED_BUDGET),
        PageSpec("Theme feed RSS", f"/blog/theme/{theme}/feed/", None, FEED_BUDGET),
        PageSpec("Theme feed Atom", f"/blog/theme/{theme}/feed/atom/", None, FEED_BUDGET),
        PageSpec("Theme feed JSON", f"/blog/theme/{theme}/feed/json/", None, FEED_BUDGET),
        PageSpec("Theme hub (posts + projects)", f"/themes/{theme}/", None, PLACE_BUDGET),
        # The same pages in French, whose blog holds a share of the posts in translation.
        PageSpec(FRENCH_LISTING, "/fr/blog/", LISTING_GOAL_MS, LISTING_BUDGET),
        PageSpec("Post (fr)", french_post.get_url(), None, POST_BUDGET),
        PageSpec("Theme listing (fr)", f"/fr/blog/theme/{theme}/", LISTING_GOAL_MS, LISTING_BUDGET),
        PageSpec("Feed RSS (fr)", "/fr/blog/feed/", None, FEED_BUDGET),
    ]
    project_pages = generate_projects(n_projects, home, themes, cities, people, weights)
    return [
        *blog_pages,
        *project_pages,
        PageSpec("Home", "/"),
        PageSpec("Search", search, SEARCH_GOAL_MS, SEARCH_BUDGET),
        PageSpec("Search + theme facet", f"{search}&theme={theme}", SEARCH_GOAL_MS, SEARCH_BUDGET),
        PageSpec("Search, halfway page", f"{search}&page={halfway}", None, SEARCH_BUDGET),
        *(  # offered only where the database ranks matches
            [PageSpec("Search, best match", f"{search}&order=relevance", None, SEARCH_BUDGET)]
            if ranks_well()
            else []
        ),
    ]


def translate_posts(blog: Any, n_posts: int) -> Any:
    """The blog and every FRENCH_SHARE-th post in French, published as they were in
    English; returns one of the French posts."""
    from django.utils import timezone
    from wagtail.models import Page

    from blog.models import BlogPage
    from tests.factories import translate_page

    french_blog = translate_page(blog, "fr", title="Blog de débat")
    french = french_blog.locale
    sources = BlogPage.objects.filter(locale=blog.locale).order_by("pk")[::FRENCH_SHARE]
    started = time.perf_counter()
    for start in range(0, len(sources), BATCH):
        with bulk_load(BlogPage):
            for post in sources[start : start + BATCH]:
                post.copy_for_translation(french)
        progress(min(start + BATCH, n_posts), n_posts, "French posts", started)
    # Published at once, without a revision each; their dates are their sources'.
    now = timezone.now()
    Page.objects.filter(locale=french, live=False).update(
        live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now
    )
    return BlogPage.objects.filter(locale=french).last()


def shared_document() -> Any:
    """A small document that several outputs link to, with its size recorded as an upload
    through the admin records it (the page would otherwise save it on first view)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    content = b"%PDF-1.4\n" + b"\n".join(w.encode() for w in WORDS) * 20
    document = get_document_model()(title="Project report", file_size=len(content))
    document.file.save("project-report.pdf", ContentFile(content), save=False)
    document.save()
    return document


def generate_projects(
    n_projects: int,
    home: Any,
    themes: list[Any],
    cities: list[Any],
    authors: list[Any],
    weights: list[float],
) -> list[PageSpec]:
    """A project index at /projects/ with ``n_projects`` projects; returns the project, city
    and citation pages to measure."""
    from django.utils import timezone
    from django.utils.text import slugify
    from modelsearch import index

    from projects.models import ProjectMember, ProjectOrganisation, ProjectOutput, ProjectPage
    from projects.timeline import Status, status_on
    from tests.factories import make_project_index
    from vocabulary.models import Organisation, Person

    rng = random.Random(44)
    content_words = [w for w in WORDS if len(w) > 4]
    theme_slugs = [theme.slug for theme in themes]
    project_index = make_project_index(home)
    taken = {person.name for person in authors}
    people = authors + [
        Person.objects.create(name=name, role="Researcher")
        for name in (f"{first} {last}" for first in FIRST for last in LAST)
        if name not in taken
    ]
    kind = Organisation.Kind
    organisations = [
        *((f"{c.name} Institute of Urban Studies", kind.UNIVERSITY) for c in cities[::5]),
        *((f"{c.name} City Council", kind.LOCAL_GOVERNMENT) for c in cities[2::5]),
        *((name, kind.FUNDER) for name in FUNDERS),
        *((name, kind.NETWORK) for name in NETWORKS),
    ]
    organisations = [
        Organisation.objects.create(
            name=name,
            kind=org_kind,
            website=f"https://{slugify(name)}.example.org" if n % 2 else "",  # half have one
        )
        for n, (name, org_kind) in enumerate(organisations)
    ]
    lead_roles = ["funder", "sponsor", "commissioner"]
    other_roles = ["partner", "partner", "collaborator"]
    document = shared_document()
    today, now = timezone.localdate(), timezone.now()
    showcase_n = n_projects // 2  # gets the most members and outputs: the page measured
    showcase = None
    city_use: Counter[Any] = Counter()
    combinations: Counter[tuple[str, str]] = Counter()  # (theme, country) of completed ones

    started = time.perf_counter()
    for start in range(0, n_projects, BATCH):
        with bulk_load(ProjectPage):
            for n in range(start, min(start + BATCH, n_projects)):
                big = n == showcase_n
                title = " ".join(rng.sample(content_words, rng.randint(3, 6))).capitalize()
                slug = f"{slugify(title)[:60]}-{n}"
                days_ago = rng.randrange(-365, 15 * 365)  # one in 16 is yet to start
                start_date = today - timedelta(days=days_ago)
                end_date = (
                    None  # open-ended
                    if rng.random() < 0.2
                    else start_date + timedelta(days=rng.randrange(90, 5 * 365))
                )
                project_themes = rng.sample(themes, rng.randint(1, 3))
                project_cities = rng.sample(cities, rng.randint(1, 4))
                listed = (
                    rng.sample(sorted(CITIES) + OTHER_COUNTRIES, rng.randint(1, 2))
                    if rng.random() < 0.2
                    else []
                )
                partners = rng.sample(organisations, 5 if big else rng.randint(2, 5))
                members = rng.sample(people, 8 if big else rng.randint(3, 8))
                leaders = 2 if big else rng.randint(1, 2)
                body: list[tuple[str, Any]] = [
                    ("paragraph", paragraph(rng, weights, theme_slugs))
                    for _ in range(rng.randint(2, 4))
                ]
                body.insert(
                    1,
                    (
                        "case_study",
                        {
                            "title": " ".join(rng.sample(content_words, 3)).capitalize(),
                            "city": rng.choice(project_cities),
                            "summary": f"<p>{sentence(rng, weights)} {sentence(rng, weights)}</p>",
                            "lessons": [sentence(rng, weights) for _ in range(rng.randint(2, 4))],
                        },
                    ),
                )
                project = ProjectPage(
                    title=title,
                    slug=slug,
                    full_title=f"{title}: {sentence(rng, weights)}" if rng.random() < 0.3 else "",
                    summary=" ".join(sentence(rng, weights) for _ in range(rng.randint(2, 3))),
                    body=body,
                    start_date=start_date,
                    end_date=end_date,
                    countries=listed,
                    contact_person=members[0],
                    contact_email=f"{slugify(members[0].name)}@research.example.org"
                    if rng.random() < 0.5
                    else "",
                )
                # Announced up to three months before it starts.
                project.first_published_at = project.last_published_at = now - timedelta(
                    days=max(days_ago, 0) + rng.randrange(0, 90),
                    minutes=rng.randrange(24 * 60),
                )
                project.themes.set(project_themes)
                project.cities = project_cities
                project.organisation_links = [
                    ProjectOrganisation(
                        organisation=organisation,
                        role=rng.choice(lead_roles if i == 0 else other_roles),
                    )
                    for i, organisation in enumerate(partners)
                ]
                project.members = [
                    ProjectMember(
                        person=person,
                        role=LEADER_ROLES[i] if i < leaders else rng.choice(MEMBER_ROLES),
                        is_leader=i < leaders,
                    )
                    for i, person in enumerate(members)
                ]
                outputs = [
                    project_output(rng, weights, n, i, members, partners, start_date, today)
                    for i in range(4 if big else rng.randint(1, 4))
                ]
                for i, output in enumerate(outputs):
                    if (big and i == 0) or not (output.external_url or output.doi):
                        output.document = document
                project.outputs = outputs
                project_index.add_child(instance=project)
                index.insert_or_update_object(project)
                if big:
                    showcase = project
                city_use.update(project_cities)
                if status_on(today, start_date, end_date) == Status.COMPLETED:
                    countries = {city.country.code for city in project_cities} | set(listed)
                    combinations.update(
                        (theme.slug, code) for theme in project_themes for code in countries
                    )
        progress(min(start + BATCH, n_projects), n_projects, "projects", started)

    assert showcase is not None
    cited = ProjectOutput.objects.filter(page=showcase).order_by("sort_order").first()
    projects, theme = project_index.get_url(), themes[0].slug
    # The combined filter with the most matches, so the page lists some projects.
    (combined_theme, country), _ = combinations.most_common(1)[0]
    busiest_city = city_use.most_common(1)[0][0]
    return [
        PageSpec("Project index", projects, None, PROJECT_INDEX_BUDGET),
        PageSpec("Projects by theme", f"{projects}?theme={theme}", None, PROJECT_INDEX_BUDGET),
        PageSpec("Completed projects", f"{projects}?status=completed", None, PROJECT_INDEX_BUDGET),
        PageSpec(
            "Theme + status + country",
            f"{projects}?theme={combined_theme}&status=completed&country={country.lower()}",
            None,
            PROJECT_INDEX_BUDGET,
        ),
        PageSpec(
            f"Project index page {PROJECT_PAGE}",
            f"{projects}?page={PROJECT_PAGE}",
            None,
            PROJECT_INDEX_BUDGET,
        ),
        PageSpec("Projects feed RSS", f"{projects}feed/", None, PROJECT_FEED_BUDGET),
        PageSpec("Project page", showcase.get_url(), None, PROJECT_BUDGET),
        PageSpec("Citation BibTeX", f"{showcase.get_url()}outputs/{cited.pk}/cite/bib/"),
        PageSpec("City index", "/cities/"),
        PageSpec("City page", busiest_city.get_absolute_url(), None, PLACE_BUDGET),
    ]


def project_output(
    rng: random.Random,
    weights: list[float],
    n: int,
    i: int,
    members: list[Any],
    partners: list[Any],
    start_date: date,
    today: date,
) -> Any:
    """Output ``i`` of project ``n``: a link to the publisher, a DOI, both, or neither (the
    caller then attaches the shared document)."""
    from projects.models import ProjectOutput

    published = start_date + timedelta(days=rng.randrange(60, 3 * 365))
    writers = rng.sample(members, rng.randint(1, min(3, len(members))))
    output = ProjectOutput(
        title=sentence(rng, weights).rstrip("."),
        kind=rng.choice(ProjectOutput.Kind.values),
        publication_date=published if published <= today else None,
        authors="\n".join(", ".join(reversed(p.name.split(" ", 1))) for p in writers),
        publisher=rng.choice(partners).name,
    )
    link = rng.random()
    if link < 0.5:
        output.external_url = f"https://publications.example.org/{n}/{i + 1}/"
    if 0.3 <= link < 0.8:
        output.doi = f"10.5555/cityforum.{n}.{i + 1}"
    return output


def measure(client: Any, page: PageSpec, args: argparse.Namespace) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    label, path = page.label, page.path

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
    return Result(label, path, queries, median, p95, len(times), page.goal_ms, page.budget)


def environment(n_posts: int, n_projects: int, generation_s: float) -> dict[str, Any]:
    import django
    import wagtail
    from django.db import connection

    db_version = ".".join(map(str, connection.get_database_version()))
    return {
        "posts": n_posts,
        "projects": n_projects,
        "generation_s": round(generation_s, 1),
        "database": f"{connection.display_name} {db_version}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "cpus": os.cpu_count(),
    }


def report(env: dict[str, Any], results: list[Result], repeat: int) -> tuple[list[str], list[str]]:
    """Print the table, the goals and the query budgets; return the goals missed and the
    pages over their query budget."""
    print(
        f"\n{env['posts']} posts · {env['projects']} projects · {env['database']} · "
        f"Python {env['python']} · Django {env['django']} · Wagtail {env['wagtail']} · "
        f"{env['cpus']} CPUs\n"
    )
    print("| page | path | queries | budget | median ms | p95 ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in results:
        budget = "" if r.query_budget is None else r.query_budget
        print(
            f"| {r.page} | `{r.path}` | {r.queries} | {budget} | {r.median_ms:.1f} "
            f"| {r.p95_ms:.1f} |"
        )
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
    over = [
        f"{r.page}: {r.queries} queries, budget {r.query_budget}"
        for r in results
        if r.query_budget is not None and r.queries > r.query_budget
    ]
    by_label = {r.page: r for r in results}
    english, french = by_label["Blog index"], by_label[FRENCH_LISTING]
    slower = french.median_ms / english.median_ms - 1
    print(
        f"French listing: {french.median_ms:.1f} ms against {english.median_ms:.1f} ms in "
        f"English ({slower:+.0%}), goal within {FRENCH_MARGIN:.0%}: "
        f"{'MISSED' if slower > FRENCH_MARGIN else 'met'}"
    )
    if slower > FRENCH_MARGIN:
        missed.append(f"{FRENCH_LISTING}: {slower:+.0%} against the English blog index")
    print(f"Query budgets (the tests'): {'EXCEEDED' if over else 'kept'}")
    print("".join(f"  - {line}\n" for line in over), end="")
    return missed, over


def main() -> None:
    args = parse_args()
    # The SQLite file and the projects' document go in its directory.
    with scratch_database(args.database_url, PG_BENCH_DB, "cityforum-bench-", args.keep) as db:
        started = time.perf_counter()
        setup_django(db.url, db.tmpdir / "media")
        print(f"Migrated {db.shown} in {time.perf_counter() - started:.1f} s")
        content = f"{args.posts} posts and {args.projects} projects"
        print(f"Generating {content}…")
        started = time.perf_counter()
        pages = generate(args.posts, args.projects)
        generation_s = time.perf_counter() - started
        print(f"Generated {content} in {generation_s:.1f} s")

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
        env = environment(args.posts, args.projects, generation_s)
        missed, over = report(env, results, args.repeat)
        if args.json:
            data = {
                "environment": env,
                "results": [asdict(r) for r in results],
                "goals_missed": missed,
                "over_query_budget": over,
            }
            args.json.write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
