"""The themes a reader may follow, cached: the subscribe form shows them on every theme
page, and they change only when an editor edits a theme."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from vocabulary.models import Theme

CACHE_KEY = "subscriptions:theme-choices"
# The signal below clears only this process's cache when it is local memory; other
# workers see an edited theme once their copy expires.
CACHE_SECONDS = 60


def _cache_key(language):
    return f"{CACHE_KEY}:{language}"


def theme_choices():
    """(pk as text, name) of every theme, named and sorted in the active language."""
    key = _cache_key(translation.get_language())
    choices = cache.get(key)
    if choices is None:
        themes = Theme.objects.only("pk", "name", "translations")
        named = [(str(theme.pk), theme.translated_name) for theme in themes]
        choices = sorted(named, key=lambda choice: choice[1].casefold())
        cache.set(key, choices, timeout=CACHE_SECONDS)
    return choices


@receiver([post_save, post_delete], sender=Theme, dispatch_uid="subscriptions-theme-changed")
def _forget_theme_choices(**kwargs):
    cache.delete_many([_cache_key(code) for code, _name in settings.LANGUAGES])
