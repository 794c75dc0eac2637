"""The site's structure, cached: which Wagtail site serves a host, and its main menu.

Both are read on every request and change only when an editor publishes, moves or deletes a
page or edits a site, so they live in the cache under a generation number that any such
change increments (several app servers share it through Redis). The page cache
(``website.page_cache``) keys its pages by the same generation.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

GENERATION_KEY = "website:structure-generation"


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def _key(name):
    return f"website:structure:{generation()}:{name}"


def forget_cached_site(**kwargs):
    """Signal receiver: drop every cached site, menu and page at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted or never set)
        cache.set(GENERATION_KEY, 1, timeout=None)


class CachedSiteMiddleware:
    """Sets Wagtail's per-request site (``request._wagtail_site``) from the cache.

    Saves the site lookup and the root page load that Wagtail's routing makes on every
    request; ``Site.find_for_request`` reads this attribute first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = _key(f"site:{hostname}:{request.get_port()}")
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 - load it now, so it is cached with the site
                cache.set(key, site, timeout=60 * 60)
        request._wagtail_site = site
        return self.get_response(request)


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
    key = _key(f"menu:{site.pk}:{translation.get_language()}")
    items = cache.get(key)
    if items is None:
        items = [
            MenuItem(page.title, page.get_url(request), page.path)
            for page in site.root_page.localized.get_children().live().in_menu()
        ]
        cache.set(key, items, timeout=60 * 60)
    return items
