"""A short road to the feeds of every blog index."""

from django.http import Http404
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from .models import BlogIndexPage, under_view_restriction


@require_safe
def feed(request, path, serve_page=wagtail_serve):
    """Serve ``<blog>/<archive>/feed/[atom|json/]`` without walking the page tree.

    Wagtail's ``serve()`` finds a page one level at a time and then checks view restrictions,
    six queries before a feed starts. A feed lists public posts only, so it finds its blog
    index by ``url_path`` in one query and lets ``serve_page`` (Wagtail's, or the host's
    page view passed to ``include()``) handle anything that is not a live, public blog index
    (404, password form, another page type).
    """
    root_path = site_root_path(request)
    if root_path is None:
        return serve_page(request, path)
    url_path = root_path + path
    prefixes = [url_path[: i + 1] for i, char in enumerate(url_path) if char == "/"]
    blog = (
        BlogIndexPage.objects.live()
        .filter(url_path__in=prefixes)
        .exclude(under_view_restriction())
        .order_by("-depth")
        .first()
    )
    if blog is None:
        return serve_page(request, path)
    try:
        view, args, kwargs = blog.resolve_subpage(url_path[len(blog.url_path) - 1 :])
    except Http404:
        return serve_page(request, path)
    return view(request, *args, **kwargs)


def site_root_path(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    # Site.get_site_root_paths() is cached by Wagtail, so this costs no query. With
    # internationalisation on it holds one root per language: the reader's comes first.
    language = translation.get_language()
    roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    roots.sort(key=lambda root: root.language_code != language)
    return roots[0].root_path if roots else None
