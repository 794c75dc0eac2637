"""System checks: a host that lacks what a plugin needs hears it from ``manage.py check``
(and every command that runs it), not from a failing request.

Each plugin registers its own checks, with ids of its own label (``blog.E001``), through the
helpers here.
"""

from django.apps import apps
from django.core.checks import Error, register
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.backends.django import DjangoTemplates
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from .conf import vocabulary_settings

CONTEXT_PROCESSOR = "vocabulary.context_processors.cityforum"


def missing_apps(plugin: str, required: list[str], check_id: str) -> list[Error]:
    """An error naming every app of ``required`` that INSTALLED_APPS lacks."""
    missing = [name for name in required if not apps.is_installed(name)]
    if not missing:
        return []
    return [
        Error(
            f"The {plugin} app needs {', '.join(repr(name) for name in missing)} in "
            "INSTALLED_APPS.",
            hint="See the README's list of apps for each plugin, in order.",
            id=check_id,
        )
    ]


def setting_errors(app_settings, valid, check_id: str) -> list[Error]:
    """An error for each of the app's settings that ``valid(name, value)`` refuses.

    ``valid`` returns a description of what the setting should be, or None when it is fine.
    """
    errors = []
    for name in app_settings:
        problem = valid(name, getattr(app_settings, name))
        if problem:
            errors.append(Error(f"{name} should be {problem}.", id=check_id))
    return errors


def positive_int(name, value):
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    return "a positive whole number"


def whole_number(name, value):
    """Zero allowed."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return "a whole number, 0 or more"


def routed_urls(plugin: str, url_names: list[str], include: str, check_id: str) -> list[Error]:
    """An error if the host's URLs do not route the plugin's own views."""
    try:
        for name in url_names:
            reverse(name)
    except NoReverseMatch:
        return [
            Error(
                f"The {plugin} app's URLs are not routed.",
                hint=f"Add {include} to the site's urlpatterns, before Wagtail's.",
                id=check_id,
            )
        ]
    return []


@register()
def check_vocabulary(app_configs=None, **kwargs):
    errors = missing_apps(
        "vocabulary",
        ["taggit", "modelcluster", "django_countries", "wagtail.snippets", "wagtail.images"],
        "vocabulary.E001",
    )
    django_engines = [engine for engine in engines.all() if isinstance(engine, DjangoTemplates)]
    if not any(CONTEXT_PROCESSOR in engine.engine.context_processors for engine in django_engines):
        errors.append(
            Error(
                f"City Forum's templates need '{CONTEXT_PROCESSOR}' in the context_processors "
                "of TEMPLATES.",
                hint="It gives them the base template they extend and the site's name.",
                id="vocabulary.E002",
            )
        )
    base = vocabulary_settings.CITYFORUM_BASE_TEMPLATE
    try:
        get_template(base)
    except (TemplateDoesNotExist, TemplateSyntaxError):
        errors.append(
            Error(
                f"The base template {base!r} that City Forum's pages extend does not load.",
                hint="Set CITYFORUM_BASE_TEMPLATE to the site's base template; it should have "
                "the blocks title, head_extra, body_class and content.",
                id="vocabulary.E003",
            )
        )
    return errors


def app_order_error(first: str, then: str, check_id: str) -> list[Error]:
    """An error if ``then`` comes before ``first`` in INSTALLED_APPS (or either is missing)."""
    names = [config.name for config in apps.get_app_configs()]
    if first in names and then in names and names.index(first) > names.index(then):
        return [Error(f"'{first}' must come before '{then}' in INSTALLED_APPS.", id=check_id)]
    return []
