"""Site-wide pages that gather from every blog: theme hub, follow page, search, robots.txt.

Each language lists its own pages: ``/fr/themes/`` counts and shows French posts and
projects, ``/fr/follow/`` the French blogs' feeds (see ``in_active_language``).
"""

import unicodedata
from urllib.parse import urlencode

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from blog.feeds import FEED_FORMATS, feed_links
from blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPage,
    BlogPageTheme,
    BlogSeries,
    PostsPage,
    active_content_language,
)
from projects.models import ProjectIndexPage, ProjectPage
from vocabulary.models import City, Person, Theme
from vocabulary.sites import site_name

from .search import matching, ranks_well

THEME_LATEST_POSTS = 10
PLACE_LATEST_POSTS = 10
PLACE_LATEST_PROJECTS = 6
SEARCH_PROJECTS = 5  # shown above the posts on the first page of results
# Result orders a reader may choose where the database ranks matches (see ranks_well).
SEARCH_ORDERS = {"newest": _("Newest first"), "relevance": _("Best match")}
# The kinds of archive on the follow page, each with its heading.
FOLLOW_GROUPS = {
    "theme": _("Themes"),
    "category": _("Categories"),
    "author": _("Authors"),
    "series": pgettext_lazy("blog series (plural)", "Series"),
}


def in_active_language(pages):
    """``pages`` of the reader's language: a join on the locale, no query of its own (as
    ``BlogPageQuerySet.in_locale``, for the other page types)."""
    return pages.filter(locale__language_code=active_content_language())


def published_posts():
    return BlogPage.objects.published().in_locale()


def published_projects():
    return in_active_language(ProjectPage.objects.published())


def sort_key(text):
    """Alphabetical order as a reader expects it: "Économie" among the E's, not after Z."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def shown_name(subject):
    """A theme's, category's or series' name in the reader's language; a person's name."""
    return getattr(subject, "translated_name", subject.name)


def _blogs(request):
    """Every live, public blog index of the reader's language with its address, for
    building feed links."""
    blogs = in_active_language(BlogIndexPage.objects.live().public())
    return [(blog, blog.get_url(request)) for blog in blogs]


@require_safe
def theme_index(request):
    posts = published_posts().values("pk")
    projects = published_projects().values("pk")
    themes = Theme.objects.annotate(
        post_count=Count(
            "blog_page_items",
            filter=Q(blog_page_items__content_object_id__in=posts),
            distinct=True,
        ),
        project_count=Count(
            "project_page_items",
            filter=Q(project_page_items__content_object_id__in=projects),
            distinct=True,
        ),
    )
    themes = sorted(themes, key=lambda theme: sort_key(theme.translated_name))
    return render(request, "website/theme_index.html", {"themes": themes})


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    posts = (published_posts().filter(themes=theme).newest_first().for_listing())[
        :THEME_LATEST_POSTS
    ]
    blogs = [
        {
            "blog": blog,
            "archive_url": archive_url,
            "feeds": feed_links(archive_url, f"{theme.translated_name} — {blog.title}"),
        }
        for blog, url in _blogs(request)
        for archive_url in [url + blog.subject_path("theme", theme.slug)]
    ]
    projects, all_projects_url = _latest_projects(
        request, published_projects().filter(themes=theme), theme=theme.slug
    )
    return render(
        request,
        "website/theme_detail.html",
        {
            "theme": theme,
            "posts": posts,
            "projects": projects,
            "all_projects_url": all_projects_url,
            "blogs": blogs,
            "feeds": [feed for blog in blogs for feed in blog["feeds"]],
        },
    )


@require_safe
def city_index(request):
    """Every city that a published project or post covers, grouped by country."""
    projects = published_projects().values("pk")
    posts = published_posts().values("pk")
    # Counted in subqueries: two counted joins would multiply each city's rows.
    cities = (
        City.objects.annotate(
            project_count=_count(ProjectPage.cities.through, "projectpage_id", projects),
            post_count=_count(BlogPage.cities.through, "blogpage_id", posts),
        )
        .filter(Q(project_count__gt=0) | Q(post_count__gt=0))
        .order_by("country", "name")
    )
    by_country = {}
    for city in cities:  # country names in the reader's language (django-countries)
        by_country.setdefault(str(city.country.name), []).append(city)
    countries = sorted(by_country.items(), key=lambda item: sort_key(item[0]))
    return render(request, "website/city_index.html", {"countries": countries})


def _latest_projects(request, projects, **index_filter):
    """The newest few ``projects``, and the project index filtered to all of them."""
    latest = list(projects.newest_first().for_listing()[:PLACE_LATEST_PROJECTS])
    all_url = None
    if latest:
        index = in_active_language(ProjectIndexPage.objects.live()).order_by("path").first()
        all_url = index and f"{index.get_url(request)}?{urlencode(index_filter)}"
    return latest, all_url


def _count(links, page_column, pages):
    """How many of ``pages`` a city's ``links`` (a page-city table) point at."""
    return Coalesce(
        Subquery(
            links.objects.filter(city_id=OuterRef("pk"), **{f"{page_column}__in": pages})
            .values("city_id")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


@require_safe
def city_detail(request, slug):
    city = get_object_or_404(City, slug=slug)
    projects, all_projects_url = _latest_projects(
        request, published_projects().filter(cities=city), city=city.slug
    )
    posts = (published_posts().filter(cities=city).newest_first().for_listing())[
        :PLACE_LATEST_POSTS
    ]
    return render(
        request,
        "website/city_detail.html",
        {"city": city, "projects": projects, "all_projects_url": all_projects_url, "posts": posts},
    )


def _follow_sections(request):
    """Every feed a reader can subscribe to, grouped by blog and by kind of archive, for
    the blogs of the reader's language."""
    sections = []
    for blog, url in _blogs(request):
        posts = blog.posts()
        used = {
            "theme": Theme.objects.filter(blog_page_items__content_object__in=posts),
            "category": BlogCategory.objects.filter(posts__in=posts),
            "author": Person.objects.filter(blog_author_links__page__in=posts),
            "series": BlogSeries.objects.filter(posts__in=posts),
        }
        groups = [
            {
                "label": FOLLOW_GROUPS[kind],
                "items": [
                    {
                        "name": shown_name(item),
                        "url": archive_url,
                        "feeds": feed_links(archive_url, shown_name(item)),
                    }
                    for item in sorted(subjects.distinct(), key=lambda i: sort_key(shown_name(i)))
                    for archive_url in [url + blog.subject_path(kind, item.slug)]
                ],
            }
            for kind, subjects in used.items()
        ]
        sections.append(
            {"blog": blog, "url": url, "feeds": feed_links(url, blog.title), "groups": groups}
        )
    return sections


@require_safe
def follow(request):
    return render(request, "website/follow.html", {"sections": _follow_sections(request)})


@require_safe
def themes_opml(request):
    """OPML 2.0 of every theme's RSS feed in the reader's language's blogs, to import into
    a feed reader in one go."""
    themes = sorted(Theme.objects.all(), key=lambda theme: sort_key(theme.translated_name))
    name = site_name(request)
    entries = [
        {
            "title": f"{theme.translated_name} — {blog.title}",
            "html_url": request.build_absolute_uri(archive_url),
            "xml_url": request.build_absolute_uri(archive_url + FEED_FORMATS["rss"][2]),
        }
        for blog, url in _blogs(request)
        for theme in themes
        for archive_url in [url + blog.subject_path("theme", theme.slug)]
    ]
    response = render(
        request,
        "website/themes.opml",
        {
            # In the view: makemessages reads no .opml template.
            "title": gettext("%(site_name)s: theme feeds") % {"site_name": name},
            "group_title": gettext("%(site_name)s themes") % {"site_name": name},
            "entries": entries,
        },
        content_type="text/x-opml; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="themes.opml"'
    return response


@require_safe
def search(request):
    query = _readable_query(request.GET.get("q", ""))
    theme_slug = request.GET.get("theme", "").strip()
    theme = Theme.objects.filter(slug=theme_slug).first() if theme_slug else None
    orders = SEARCH_ORDERS if ranks_well() else {}
    order = request.GET.get("order") if request.GET.get("order") in orders else "newest"

    results, facets, projects = None, [], []
    language = active_content_language()
    if query:
        matches = (
            matching(BlogPage, query, ranked=order == "relevance", language=language)
            .published()
            .in_locale()
        )
        facets = _theme_facets(matches, theme)
        if theme_slug:  # an unknown theme matches nothing
            theme_posts = theme.blog_page_items.values("content_object_id") if theme else []
            matches = matches.filter(pk__in=theme_posts)
        if order == "newest":
            matches = matches.newest_first()
        try:
            results = PostsPage.of(matches.defer_streamfields(), request.GET.get("page", "1"))
        except ValueError as error:
            raise Http404(gettext("No such page of results.")) from error
        if results.number == 1 and not theme_slug:
            projects = in_active_language(
                matching(ProjectPage, query, language=language).published()
            ).order_by("-start_date")[:SEARCH_PROJECTS]

    return render(
        request,
        "website/search.html",
        {
            "query": query,
            "theme": theme,
            "unknown_theme": bool(theme_slug) and theme is None,
            "order": order,
            "orders": orders,
            "results": results,
            "facets": facets,
            "projects": projects,
        },
    )


def _readable_query(raw):
    """The reader's words without control characters (the full-text index rejects them) or
    colons (which Wagtail's query parser would take for field filters)."""
    raw = unicodedata.normalize("NFC", raw)  # "é" as one character, as the index holds it
    kept = "".join(char if char.isprintable() and char != ":" else " " for char in raw)
    return " ".join(kept.split())[:200]


def _theme_facets(matches, selected):
    """How many of the ``matches`` carry each theme, most first.

    Counted on the theme links alone, then the themes loaded: grouping by every column of
    the themes as well takes SQLite twice as long over 5,000 matches.
    """
    hits = dict(
        BlogPageTheme.objects.filter(content_object_id__in=matches.order_by().values("pk"))
        .values_list("tag_id")
        .annotate(Count("pk"))
        .order_by()
    )
    themes = sorted(
        Theme.objects.filter(pk__in=hits), key=lambda t: (-hits[t.pk], sort_key(t.translated_name))
    )
    return [{"theme": t, "hits": hits[t.pk], "selected": t == selected} for t in themes]


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def csrf_failure(request, reason=""):
    """Django's CSRF refusal as a page of the site: what happened, that nothing was saved,
    and the way back to the form (its page, when the browser says which it was)."""
    back_url = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back_url, {request.get_host()}, request.is_secure()):
        back_url = ""
    return render(request, "403_csrf.html", {"back_url": back_url}, status=403)
