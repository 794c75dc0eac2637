from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    """Reader comments on blog posts, moderated in the Wagtail admin."""

    name = "discussion"
    verbose_name = "Discussion"
    default_auto_field = "django.db.models.BigAutoField"
