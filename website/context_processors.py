from django.utils.functional import SimpleLazyObject

from blog.feeds import feed_links
from blog.models import BlogIndexPage

from .structure import menu_items


def site(request):
    """Top navigation and the main blog's feeds, for every template.

    Lazy, so a response that never shows them (a feed, a redirect) costs no query.
    """

    def main_blog_feeds():
        blog = BlogIndexPage.objects.live().order_by("path").first()
        return feed_links(blog.get_url(request), blog.title) if blog else []

    return {
        "navigation": SimpleLazyObject(lambda: menu_items(request)),
        "site_feeds": SimpleLazyObject(main_blog_feeds),
    }
