from django.conf import settings
from django.core.checks import Error, register

from community.checks import rate
from vocabulary.checks import (
    app_order_error,
    missing_apps,
    routed_urls,
    setting_errors,
    whole_number,
)

from .conf import discussion_settings

# What django-comments-xtd must be told for its comments to be ours.
XTD_SETTINGS = {
    "COMMENTS_APP": "django_comments_xtd",
    "COMMENTS_XTD_MODEL": "discussion.models.Comment",
    "COMMENTS_XTD_FORM_CLASS": "discussion.forms.CommentForm",
    # Comments are stored at once and confirmed afterwards, by our own email.
    "COMMENTS_XTD_CONFIRM_EMAIL": False,
}


def valid_setting(name, value):
    if name.startswith("COMMENTS_RATE"):
        return rate(name, value)
    if name == "COMMENTS_CLOSE_AFTER_DAYS" and value is None:
        return None  # comments never close by age
    return whole_number(name, value)


@register()
def check_discussion(app_configs=None, **kwargs):
    required = [
        "blog",
        "community",
        "django_comments_xtd",
        "django_comments",
        "django.contrib.sites",
    ]
    errors = missing_apps("discussion", required, "discussion.E001")
    # discussion's ready() disconnects a signal receiver that xtd's ready() connects.
    errors += app_order_error("django_comments_xtd", "discussion", "discussion.E002")
    errors += [
        Error(
            f"The discussion app needs {name} = {expected!r}.",
            id="discussion.E003",
        )
        for name, expected in XTD_SETTINGS.items()
        if getattr(settings, name, None) != expected
    ]
    if not isinstance(getattr(settings, "SITE_ID", None), int):
        # Without it django_comments looks the site up by the request's host, and a host
        # missing from django_site fails every comment.
        errors.append(
            Error("The discussion app needs SITE_ID (django.contrib.sites).", id="discussion.E005")
        )
    errors += routed_urls(
        "discussion", ["discussion:post"], 'path("", include("discussion.urls"))', "discussion.E006"
    )
    return errors + setting_errors(discussion_settings, valid_setting, "discussion.E004")
