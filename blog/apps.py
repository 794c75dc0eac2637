from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The debate blog: posts, archives and their feeds."""

    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from django.apps import apps

        from . import checks  # noqa: F401 (registers them)

        if apps.is_installed("wagtail.contrib.frontend_cache"):
            from wagtail.signals import page_published, page_unpublished

            from .models import BlogPage
            from .purge import purge_listings

            for signal in (page_published, page_unpublished):
                signal.connect(purge_listings, sender=BlogPage, dispatch_uid="blog-purge")
