from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    """Partner feeds imported as attributed blog posts."""

    name = "importers"
    verbose_name = _("Partner feeds")

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
