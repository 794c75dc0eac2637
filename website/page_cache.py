"""Whole responses cached for anonymous readers: pages, listings and feeds.

Our own small middleware on Django's cache framework: wagtail-cache, the library for this,
requires Wagtail < 8, and Django's ``UpdateCacheMiddleware``/``FetchFromCacheMiddleware``
cannot add the site's generation to their keys (so a publish could not make every page
fresh at once) nor tell a reader from a signed-in user before the view runs.

A response is cached when the request is an anonymous GET or HEAD (no session or messages
cookie) outside ``PAGE_CACHE_EXCLUDED_PATHS``, and the response is a 200, 301 or 404 that
sets no cookie, may be stored publicly and is no private page. The key holds the
generation of ``website.structure`` (bumped by every publish, move, delete, comment
moderation, vocabulary edit and import), the scheme, host, method, path and query (the
path names the language).
Forms on cached pages carry no CSRF token: ``csrf.js`` asks ``csrf_token_view`` for a
fresh one before a form is sent.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .structure import generation

CACHED_STATUSES = {200, 301, 404}
# Set on the request for a view to say its response is for this reader only.
PRIVATE_ATTRIBUTE = "page_cache_private"


def cache_seconds():
    return settings.PAGE_CACHE_SECONDS


def _cacheable_request(request):
    return (
        cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and not request.COOKIES.get(CookieStorage.cookie_name)
        and "HTTP_AUTHORIZATION" not in request.META
        and not _unprefixed_path(request.path).startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))
    )


def _unprefixed_path(path):
    """``/fr/comments/…`` → ``/comments/…``, so one exclusion covers every language."""
    language = translation.get_language_from_path(path)
    return path.removeprefix(f"/{language}") if language else path


def _cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHED_STATUSES
        and not response.streaming
        and not response.cookies
        and not getattr(request, PRIVATE_ATTRIBUTE, False)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        # Varies by anything but the cookie (which a cacheable request carries none of).
        and all(
            value.strip().lower() == "cookie" for value in response.get("Vary", "cookie").split(",")
        )
    )


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return ":".join(
        [
            "website:page",
            str(generation()),
            request.scheme,
            request.get_host(),
            request.method,
            path,
        ]
    )


class PageCacheMiddleware:
    """Serves anonymous readers from the cache, marking responses ``X-Cache: hit`` or
    ``miss``; everything else passes through and is marked private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self._private(self.get_response(request))
        key = _key(request)
        response = cache.get(key)
        if response is not None:
            response = self._conditional(request, response)
            response["X-Cache"] = "hit"
            return response
        request.page_cache = True  # templates leave the CSRF token out (context_processor)
        response = self.get_response(request)
        if not _cacheable_response(request, response):
            return self._private(response)
        patch_cache_control(response, public=True, max_age=cache_seconds())
        patch_vary_headers(response, ["Cookie"])
        cache.set(key, response, timeout=cache_seconds())
        response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _conditional(request, response):
        """A 304 where the cached response's validators (a feed's) match the request's."""
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )

    @staticmethod
    def _private(response):
        if cache_seconds() > 0 and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        if cache_seconds() > 0 and not has_vary_header(response, "Cookie"):
            patch_vary_headers(response, ["Cookie"])
        return response


def context_processor(request):
    """No CSRF token in a page that will be cached: it would be one reader's, and
    rendering it sets a cookie. ``"NOTPROVIDED"`` makes ``{% csrf_token %}`` render
    nothing (silently, unlike an empty value)."""
    return {"csrf_token": "NOTPROVIDED"} if getattr(request, "page_cache", False) else {}


def mark_private(request):
    setattr(request, PRIVATE_ATTRIBUTE, True)


@never_cache
@require_safe
def csrf_token_view(request):
    """A fresh CSRF token for a form on a cached page; also sets the CSRF cookie."""
    return JsonResponse({"token": get_token(request)})
