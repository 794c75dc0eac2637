from django.core.checks import register

from vocabulary.checks import missing_apps

from .ratelimit import Rate


def rate(name, value):
    """For ``setting_errors``: a rate such as "5/10m"."""
    try:
        Rate.parse(value)
    except (TypeError, ValueError):
        return 'a rate such as "5/10m" or "20/h"'
    return None


@register()
def check_community(app_configs=None, **kwargs):
    return missing_apps("community", ["vocabulary", "wagtail.snippets"], "community.E001")
