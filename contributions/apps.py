from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    """Guest posts: a public submission form feeding Wagtail's moderation workflow."""

    name = "contributions"
    verbose_name = _("Contributions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers them)
            moderation,  # noqa: F401 (signal receivers)
        )
