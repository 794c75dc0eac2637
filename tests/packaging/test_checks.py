"""A host missing what a plugin needs is told by ``manage.py check``, with the plugin's id.

Missing apps are checked in a brand-new site (test_install.py); settings here.
"""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def check_errors():
    try:
        call_command("check", stdout=None)
    except SystemCheckError as error:
        return str(error)
    return ""


def test_this_site_passes_every_check():
    assert check_errors() == ""


@pytest.mark.parametrize(
    ("name", "value", "check_id"),
    [
        ("BLOG_FEED_LENGTH", 0, "blog.E002"),
        ("BLOG_POSTS_PER_PAGE", "10", "blog.E002"),
        ("COMMENTS_APP", "django_comments", "discussion.E003"),
        ("COMMENTS_XTD_CONFIRM_EMAIL", True, "discussion.E003"),
        ("COMMENTS_RATE_PER_IP", "lots", "discussion.E004"),
        ("COMMENTS_RATE_PER_EMAIL", "5/0m", "discussion.E004"),
        ("COMMENTS_CLOSE_AFTER_DAYS", "30", "discussion.E004"),
        ("COMMENTS_MAX_LINKS", True, "discussion.E004"),
        ("SITE_ID", None, "discussion.E005"),
        ("COMMENTS_MAX_LINKS", -1, "discussion.E004"),
        ("GUEST_POST_RATE_PER_EMAIL", "3 a day", "contributions.E002"),
        ("GUEST_POST_MAX_IMAGE_BYTES", None, "contributions.E002"),
        ("SUBSCRIPTIONS_RATE_PER_IP", "", "subscriptions.E002"),
        ("SUBSCRIPTIONS_CONFIRM_DAYS", 0, "subscriptions.E002"),
    ],
)
def test_a_wrong_setting_is_named_by_its_plugins_check(settings, name, value, check_id):
    setattr(settings, name, value)
    errors = check_errors()
    assert check_id in errors
    assert name in errors


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("COMMENTS_CLOSE_AFTER_DAYS", None),  # never closed by age
        ("COMMENTS_MAX_LINKS", 0),  # no links at all
        ("COMMENTS_RATE_PER_IP", "100/d"),
    ],
)
def test_a_setting_a_plugin_allows_passes(settings, name, value):
    setattr(settings, name, value)
    assert check_errors() == ""


@pytest.mark.parametrize(
    ("template", "problem"),
    [("no/such/base.html", None), ("broken_base.html", "{% block content %}")],
)
def test_a_base_template_that_does_not_load_fails_the_check(settings, tmp_path, template, problem):
    if problem:
        (tmp_path / template).write_text(problem)  # never closed
        templates = [dict(engine) for engine in django_settings.TEMPLATES]
        templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
        settings.TEMPLATES = templates
    settings.CITYFORUM_BASE_TEMPLATE = template
    errors = check_errors()
    assert "vocabulary.E003" in errors and template in errors


def test_plugin_views_the_host_does_not_route_fail_the_check(settings):
    settings.ROOT_URLCONF = "tests.packaging.urls_without_community"
    errors = check_errors()
    for check_id in ["discussion.E006", "contributions.E003", "subscriptions.E003"]:
        assert check_id in errors
    assert 'include("discussion.urls")' in errors


def test_templates_without_the_plugins_context_processor_fail_the_check(settings):
    templates = [dict(engine) for engine in django_settings.TEMPLATES]
    processors = templates[0]["OPTIONS"]["context_processors"]
    templates[0]["OPTIONS"] = {
        "context_processors": [p for p in processors if not p.startswith("vocabulary.")]
    }
    settings.TEMPLATES = templates
    assert "vocabulary.E002" in check_errors()


def test_plugin_pages_extend_the_base_template_the_host_names(settings, tmp_path, client, blog):
    (tmp_path / "partner_base.html").write_text(
        '<html data-base="partner"><title>{% block title %}{% endblock %}</title>'
        "{% block content %}{% endblock %}</html>"
    )
    templates = [dict(engine) for engine in django_settings.TEMPLATES]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    settings.CITYFORUM_BASE_TEMPLATE = "partner_base.html"
    assert check_errors() == ""

    html = client.get(blog.url).content.decode()
    assert html.startswith('<html data-base="partner">')
    assert blog.title in html
