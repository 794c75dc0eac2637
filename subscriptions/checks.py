from django.core.checks import register

from community.checks import rate
from vocabulary.checks import missing_apps, positive_int, routed_urls, setting_errors

from .conf import subscription_settings


def valid_setting(name, value):
    return rate(name, value) if name.startswith("SUBSCRIPTIONS_RATE") else positive_int(name, value)


@register()
def check_subscriptions(app_configs=None, **kwargs):
    # Confirmations and digests are sent by tasks.
    required = ["blog", "community", "django_tasks"]
    return (
        missing_apps("subscriptions", required, "subscriptions.E001")
        + setting_errors(subscription_settings, valid_setting, "subscriptions.E002")
        + routed_urls(
            "subscriptions",
            ["subscriptions:subscribe"],
            'path("follow/email/", include("subscriptions.urls"))',
            "subscriptions.E003",
        )
    )
