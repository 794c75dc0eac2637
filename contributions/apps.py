from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    """Guest posts: a public submission form feeding Wagtail's moderation workflow."""

    name = "contributions"
    verbose_name = "Contributions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers them)
            moderation,  # noqa: F401 (signal receivers)
        )
