"""A post's listings and feeds, purged from a CDN with the post.

Wagtail's frontend cache (``wagtail.contrib.frontend_cache``) purges a published or
unpublished page's own address. A post also shows on its blog's front page, in the archives
it belongs to (its themes, categories, authors, series, year and month), in each of their
three feeds, and on the pages above its blog (the home page): those are purged with it.
Later pages of a listing (``?page=2``) expire with their ``max-age``.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from .feeds import FEED_FORMATS


def archive_paths(post, blog):
    """The paths below ``blog`` of every archive that lists ``post``."""
    yield ""
    subjects = [
        ("theme", post.themes.all()),
        ("category", post.categories.all()),
        ("author", post.authors),
        ("series", [post.series] if post.series else []),
    ]
    for route, items in subjects:
        for item in items:
            yield blog.reverse_subpage(route, kwargs={"slug": item.slug})
    yield f"{post.date:%Y}/"
    yield f"{post.date:%Y/%m}/"


def listing_urls(post):
    """Every listing and feed address that shows ``post``."""
    blog = post.get_parent().specific
    blog_url = blog.get_full_url()
    if blog_url is None:  # not under any site
        return []
    feed_paths = [path for _label, _type, path in FEED_FORMATS.values()]
    return [
        blog_url + archive + feed
        for archive in archive_paths(post, blog)
        for feed in ["", *feed_paths]
    ]


def purge_listings(sender, instance, **kwargs):
    """``page_published`` / ``page_unpublished`` receiver for posts."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch(listing_urls(instance))
    batch.add_pages(instance.get_ancestors().filter(depth__gt=1))  # the blog, the home page
    transaction.on_commit(batch.purge)
