from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Reader comments on blog posts, moderated in the Wagtail admin."""

    name = "discussion"
    verbose_name = _("Discussion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_save
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from . import checks  # noqa: F401 (registers them)
        from .models import Comment

        # xtd copies a saved comment's visibility onto all its replies, which would publish
        # replies still awaiting moderation; here each comment's own status decides. This
        # app comes after django_comments_xtd in INSTALLED_APPS so that the handler is
        # connected by now.
        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=Comment)
