from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The debate blog: posts, archives and their feeds."""

    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
