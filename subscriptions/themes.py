"""The themes a reader may follow, cached: the subscribe form shows them on every theme
page, and they change only when an editor edits a theme."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from vocabulary.models import Theme

CACHE_KEY = "subscriptions:theme-choices"
# The signal below clears only this process's cache when it is local memory; other
# workers see an edited theme once their copy expires.
CACHE_SECONDS = 60


def theme_choices():
    """(pk as text, name) of every theme, by name."""
    choices = cache.get(CACHE_KEY)
    if choices is None:
        choices = [(str(pk), name) for pk, name in Theme.objects.values_list("pk", "name")]
        cache.set(CACHE_KEY, choices, timeout=CACHE_SECONDS)
    return choices


@receiver([post_save, post_delete], sender=Theme, dispatch_uid="subscriptions-theme-changed")
def _forget_theme_choices(**kwargs):
    cache.delete(CACHE_KEY)
