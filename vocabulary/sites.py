"""The public site a request or a link belongs to, as every plugin names it."""

from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from .conf import vocabulary_settings


def site_name(request) -> str:
    site = Site.find_for_request(request)
    return (site and site.site_name) or vocabulary_settings.WAGTAIL_SITE_NAME


def host_url(name: str, slug: str) -> str:
    """The host's page called ``name`` for ``slug`` (a theme's or a city's), or "" where the
    host routes no such page, as on a site that installs the blog alone."""
    try:
        return reverse(name, kwargs={"slug": slug})
    except NoReverseMatch:
        return ""
