"""The site's structure, cached: which Wagtail site serves a host, and its main menu.

Both are read on every request and change only when an editor publishes, moves or deletes a
page or edits a site, so they live in the cache under a generation number that any such
change increments (several app servers share it through Redis). The page cache
(``website.page_cache``) keys its pages by the same generation.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.shortcuts import redirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

GENERATION_KEY = "website:structure-generation"


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def cached(name, compute):
    """``compute()``, kept in the cache until the site's structure changes (None is not
    kept: it is computed again next time)."""
    key = f"website:structure:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout=60 * 60)
    return value


def forget_cached_site(**kwargs):
    """Signal receiver: drop every cached site, menu and page at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted or never set)
        cache.set(GENERATION_KEY, 1, timeout=None)


def _site_with_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 - load it now, so it is cached with the site
    return site


class CachedSiteMiddleware:
    """Sets Wagtail's per-request site (``request._wagtail_site``) from the cache.

    Saves the site lookup and the root page load that Wagtail's routing makes on every
    request; ``Site.find_for_request`` reads this attribute first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = cached(
            f"site:{hostname}:{request.get_port()}", lambda: _site_with_root(request)
        )
        return self.get_response(request)


def home_page(site):
    """The site's home page in the reader's language, else the default language's (as
    Wagtail's ``root_page.localized``), specific and with its locale loaded."""

    def localized_home():
        home = site.root_page.localized.specific
        home.locale  # noqa: B018 - load it now, so it is cached with the page
        return home

    return cached(f"home:{site.pk}:{translation.get_language()}", localized_home)


def serve_page(request, path):
    """Wagtail's page view, routed from the cached home page of the reader's language.

    Wagtail's own routing looks up the active locale and the home page's translation on
    every request. A language without its own home page is routed through the default
    language's pages, which are sent to their own address rather than shown under another.
    """
    site = Site.find_for_request(request)
    if site is not None:
        home = home_page(site)
        try:
            route = home.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        request._wagtail_route_for_request = route  # what Wagtail's view reads first
        if route is not None and home.locale.language_code != translation.get_language():
            return redirect(route[0].get_url(request))
    return wagtail_views.serve(request, path)


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str  # the page's tree path, to mark the section a reader is in

    def holds(self, page):
        return page is not None and getattr(page, "path", "").startswith(self.path)


def menu_items(request):
    """The live children marked "show in menus" of the home page in the reader's language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return cached(
        f"menu:{site.pk}:{translation.get_language()}",
        lambda: [
            MenuItem(page.title, page.get_url(request), page.path)
            for page in home_page(site).get_children().live().in_menu()
        ],
    )
