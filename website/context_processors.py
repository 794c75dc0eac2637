from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from blog.feeds import feed_links
from blog.models import BlogIndexPage, active_content_language

from .structure import cached, menu_items


def site(request):
    """Top navigation and the main blog's feeds, for every template.

    Lazy, so a response that never shows them (a feed, a redirect) costs no query.
    """
    return {
        "navigation": SimpleLazyObject(lambda: menu_items(request)),
        "site_feeds": SimpleLazyObject(lambda: main_blog_feeds(request)),
    }


def main_blog_feeds(request):
    """The feeds of the first blog in the reader's language, else of the first blog."""

    def feeds():
        blogs = BlogIndexPage.objects.live().order_by("path")
        blog = blogs.filter(locale__language_code=active_content_language()).first()
        blog = blog or blogs.first()
        return feed_links(blog.get_url(request), blog.title) if blog else []

    site = Site.find_for_request(request)
    return cached(f"main-blog-feeds:{site and site.pk}:{translation.get_language()}", feeds)
