from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """What the community features share: rate limits, honeypots, the blocklist, email."""

    name = "community"
    verbose_name = "Community"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
