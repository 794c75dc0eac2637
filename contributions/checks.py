from django.core.checks import register

from community.checks import rate
from vocabulary.checks import missing_apps, positive_int, routed_urls, setting_errors

from .conf import contribution_settings


def valid_setting(name, value):
    if name == "GUEST_POST_BLOG_SLUG":
        return None if isinstance(value, str) else "a blog's slug, or empty"
    if name.startswith(("GUEST_POST_RATE", "GUEST_POST_ATTEMPTS")):
        return rate(name, value)
    return positive_int(name, value)


@register()
def check_contributions(app_configs=None, **kwargs):
    required = ["blog", "community", "wagtail.documents", "wagtail.images"]
    return (
        missing_apps("contributions", required, "contributions.E001")
        + setting_errors(contribution_settings, valid_setting, "contributions.E002")
        + routed_urls(
            "contributions",
            ["contributions:contribute"],
            'path("contribute/", include("contributions.urls"))',
            "contributions.E003",
        )
    )
