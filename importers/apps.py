from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """Partner feeds imported as attributed blog posts."""

    name = "importers"
    verbose_name = "Partner feeds"

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
