from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from blog.feeds import feed_links
from blog.models import BlogIndexPage


def site(request):
    """Site name, top navigation and the main blog's feeds, for every template.

    Lazy, so a response that never shows them (a feed, a redirect) costs no query.
    """

    def navigation():
        wagtail_site = Site.find_for_request(request)
        if wagtail_site is None:
            return []
        return list(wagtail_site.root_page.get_children().live().in_menu())

    def main_blog_feeds():
        blog = BlogIndexPage.objects.live().order_by("path").first()
        return feed_links(blog.get_url(request), blog.title) if blog else []

    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "navigation": SimpleLazyObject(navigation),
        "site_feeds": SimpleLazyObject(main_blog_feeds),
    }
