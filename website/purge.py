"""The host's pages that list a post, purged from a CDN with it (see ``blog.purge``): the
theme hub and its themes' pages, the cities and the post's cities' pages, in the post's
language."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def host_listing_urls(post):
    site = post.get_site()
    if site is None:
        return []
    with translation.override(post.locale.language_code):
        paths = [reverse("theme_index"), reverse("city_index")]
        paths += [reverse("theme_detail", args=[theme.slug]) for theme in post.themes.all()]
        paths += [reverse("city_detail", args=[city.slug]) for city in post.cities.all()]
    return [site.root_url + path for path in paths]


def purge_host_listings(sender, instance, **kwargs):
    """``page_published`` / ``page_unpublished`` receiver for posts."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(PurgeBatch(host_listing_urls(instance)).purge)
