import re
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from subscriptions.models import Subscriber
from tests.factories import make_theme
from tests.smtp import html_of, text_of  # noqa: F401 - re-exported for the tests

URL = re.compile(r"https?://\S+")


@pytest.fixture
def diplomacy(db):
    return make_theme("City diplomacy", slug="city-diplomacy")


@pytest.fixture
def housing(db):
    return make_theme("Housing", slug="housing")


def subscribe(client, email, themes, frequency="weekly", **extra):
    """POST the subscribe form as a reader would, and run the email task it queues once
    its transaction commits."""
    data = {"email": email, "themes": [t.pk for t in themes], "frequency": frequency, **extra}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/follow/email/", data)


def link_in(message, path):
    """The path and query of the first link in ``message``'s text part that contains
    ``path``, ready for the test client."""
    for url in URL.findall(text_of(message)):
        if path in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"No {path} link in:\n{text_of(message)}")


def is_checked(html, name, value):
    """Whether the checkbox or radio button ``name``=``value`` in ``html`` is ticked."""
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' in tag and f'value="{value}"' in tag:
            return " checked" in tag
    raise AssertionError(f"No input {name}={value}")


def make_subscriber(email="reader@example.org", themes=(), frequency="daily", **fields):
    """A confirmed subscriber, confirmed ten days ago unless told otherwise."""
    fields.setdefault("confirmed_at", timezone.now() - timedelta(days=10))
    subscriber = Subscriber.objects.create(email=email, frequency=frequency, **fields)
    subscriber.themes.set(themes)
    return subscriber
