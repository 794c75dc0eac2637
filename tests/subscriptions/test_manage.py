"""Unsubscribing (a page that asks, and RFC 8058 one-click) and the preferences page."""

import pytest
from django.core import signing
from django.test import Client

from subscriptions import tokens
from subscriptions.models import Subscriber

from .conftest import is_checked, make_subscriber

pytestmark = pytest.mark.django_db


def test_the_unsubscribe_link_asks_first_then_unsubscribes(client, diplomacy):
    reader = make_subscriber("reader@example.org", [diplomacy])
    url = tokens.unsubscribe_path(reader)

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert f'<form method="post" action="{url}">' in html
    assert "reader@example.org" not in html
    reader.refresh_from_db()
    assert reader.is_active  # a link scanner's GET changes nothing

    done = client.post(url)

    assert done.status_code == 200
    assert "You are unsubscribed" in done.content.decode()
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED
    assert "You are unsubscribed" in client.get(url).content.decode()
    assert client.post(url).status_code == 200  # again: still unsubscribed, no error


def test_one_click_unsubscribe_needs_no_csrf_token(diplomacy):
    reader = make_subscriber("reader@example.org", [diplomacy])
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        tokens.unsubscribe_path(reader),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_a_forged_unsubscribe_or_preferences_link_is_refused(client, diplomacy):
    reader = make_subscriber("reader@example.org", [diplomacy])
    other = make_subscriber("other@example.org", [diplomacy])
    forged = tokens.unsubscribe_path(reader).replace(f"/{reader.pk}:", f"/{other.pk}:")
    # A preferences token does not unsubscribe, nor the other way round.
    preferences_token = signing.Signer(salt=tokens.PREFERENCES_SALT).sign(str(other.pk))

    assert client.post(forged).status_code == 400
    assert client.post(f"/follow/email/unsubscribe/{preferences_token}/").status_code == 400
    unsubscribe_token = signing.Signer(salt=tokens.UNSUBSCRIBE_SALT).sign(str(other.pk))
    assert client.get(f"/follow/email/preferences/{unsubscribe_token}/").status_code == 400
    assert Subscriber.objects.active().count() == 2


def test_preferences_change_themes_and_frequency(client, diplomacy, housing):
    reader = make_subscriber("reader@example.org", [diplomacy], "weekly")
    url = tokens.preferences_path(reader)

    page = client.get(url).content.decode()
    assert is_checked(page, "themes", diplomacy.pk)
    assert not is_checked(page, "themes", housing.pk)
    assert is_checked(page, "frequency", "weekly")
    assert tokens.unsubscribe_path(reader) in page

    response = client.post(url, {"themes": [housing.pk], "frequency": "daily"})

    assert response.status_code == 302
    saved = client.get(response["Location"]).content.decode()
    assert "Your choices are saved." in saved
    assert is_checked(saved, "themes", housing.pk)
    reader.refresh_from_db()
    assert list(reader.themes.all()) == [housing]
    assert reader.frequency == "daily"


def test_preferences_need_a_theme_and_keep_the_choice(client, diplomacy):
    reader = make_subscriber("reader@example.org", [diplomacy], "weekly")

    response = client.post(tokens.preferences_path(reader), {"frequency": "daily"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose at least one theme." in html
    assert is_checked(html, "frequency", "daily")
    reader.refresh_from_db()
    assert reader.frequency == "weekly"


def test_preferences_of_an_unsubscribed_address_offer_to_subscribe_again(client, diplomacy):
    reader = make_subscriber("reader@example.org", [diplomacy])
    client.post(tokens.unsubscribe_path(reader))

    page = client.get(tokens.preferences_path(reader)).content.decode()
    assert "has unsubscribed" in page and 'name="themes"' not in page

    client.post(tokens.preferences_path(reader), {"themes": [diplomacy.pk], "frequency": "daily"})
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED
