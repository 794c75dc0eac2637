from django.apps import AppConfig
from django.db.backends.signals import connection_created


class WebsiteConfig(AppConfig):
    """The host site: home page, theme hub, follow page, search and site-wide templates."""

    name = "website"
    verbose_name = "Website"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.models import Page, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from blog.models import BlogCategory, BlogPage, BlogSeries
        from discussion.models import Comment
        from discussion.signals import comments_moderated
        from vocabulary.models import City, Organisation, Person, Theme

        from .purge import purge_host_listings
        from .search import index_in_page_language
        from .structure import forget_cached_site

        # Imports announce their posts with page_published too (importers.bulk, publish).
        for signal in (page_published, page_unpublished, post_page_move, comments_moderated):
            signal.connect(forget_cached_site, dispatch_uid=f"structure-{id(signal)}")
        # Edited by hand and shown on pages: sites, redirects and the vocabulary.
        shown = (Site, Redirect, Theme, Person, Organisation, City, BlogCategory, BlogSeries)
        for model in shown:
            post_save.connect(forget_cached_site, sender=model, dispatch_uid=f"save-{model}")
        for model in (Page, Comment, *shown):
            post_delete.connect(forget_cached_site, sender=model, dispatch_uid=f"del-{model}")
        post_save.connect(forget_published_comment, sender=Comment, dispatch_uid="comment-save")
        for signal in (page_published, page_unpublished):  # a CDN's copies of the listings
            signal.connect(purge_host_listings, sender=BlogPage, dispatch_uid="host-purge")
        connection_created.connect(give_sqlite_statistics, dispatch_uid="sqlite-statistics")
        index_in_page_language()


def forget_published_comment(sender, instance, **kwargs):
    """A trusted reader's comment is published as it is saved; a held one changes no page
    (so a flood of spam held for moderation cannot empty the page cache)."""
    from .structure import forget_cached_site

    if instance.status == instance.Status.APPROVED:
        forget_cached_site()


def give_sqlite_statistics(sender, connection, **kwargs):
    """Refresh SQLite's table statistics on each new connection (PostgreSQL keeps its own).

    Without them SQLite's planner joins the search index the slow way round: a common word
    over 5,000 posts takes ~400 ms instead of ~70 ms. ``analysis_limit`` keeps the ANALYZE
    to a few milliseconds however large the database.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit=400")
            cursor.execute("ANALYZE")
