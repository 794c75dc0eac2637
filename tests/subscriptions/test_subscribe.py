"""Subscribing with double opt-in: the form, the confirmation email and its link."""

import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from subscriptions import tokens
from subscriptions.models import Subscriber
from subscriptions.themes import CACHE_KEY as THEME_CHOICES
from tests.factories import make_theme
from tests.smtp import html_of, text_of

from .conftest import is_checked, link_in, make_subscriber, subscribe

pytestmark = pytest.mark.django_db


def test_subscribe_sends_a_confirmation_whose_link_confirms(client, smtp, diplomacy, housing):
    response = subscribe(client, "Reader@Example.org", [diplomacy, housing], "daily")

    assert response.status_code == 302
    assert response["Location"] == "/follow/email/sent/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    [message] = smtp.to("Reader@Example.org")
    assert "Confirm" in message["Subject"]
    assert "City diplomacy" in text_of(message) and "Housing" in text_of(message)
    assert "/follow/email/confirm/" in html_of(message)

    link = link_in(message, "/follow/email/confirm/")
    page = client.get(link)

    # Opening the link (as a mail scanner does) only asks.
    assert page.status_code == 200
    html = page.content.decode()
    assert "Confirm your subscription" in html
    assert "daily digest" in html
    assert "City diplomacy" in html and "Housing" in html
    assert client.head(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    page = client.post(link)

    assert page.status_code == 200
    assert "Subscription confirmed" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.frequency == "daily"
    assert set(subscriber.themes.all()) == {diplomacy, housing}
    # Following the link again changes nothing.
    assert "Subscription confirmed" in client.get(link).content.decode()
    assert client.post(link).status_code == 200
    confirmed_at = subscriber.confirmed_at
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at


def test_confirming_needs_a_csrf_token(client, smtp, diplomacy):
    subscribe(client, "reader@example.org", [diplomacy])
    link = link_in(smtp.messages[0], "/follow/email/confirm/")
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link)
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()

    assert browser.post(link).status_code == 403
    assert not Subscriber.objects.active().exists()


def test_a_tampered_link_is_refused_with_a_way_to_ask_again(client, smtp, diplomacy):
    subscribe(client, "reader@example.org", [diplomacy])
    link = link_in(smtp.messages[0], "/follow/email/confirm/")
    other = Subscriber.objects.create(email="victim@example.org")

    # Another subscriber's id with the first one's signature.
    token = link.split("/")[-2]
    forged = f"{other.pk}.{other.confirmation_key}:" + token.split(":", 1)[1]
    for bad in (link.replace(token, forged), link[:-3] + "/", "/follow/email/confirm/x/"):
        for response in (client.get(bad), client.post(bad)):
            assert response.status_code == 400, bad
            assert "This link does not work" in response.content.decode()
            assert 'href="/follow/email/"' in response.content.decode()
    assert not Subscriber.objects.active().exists()


class PastSigner(signing.TimestampSigner):
    """Signs as if it were ``days`` ago."""

    def __init__(self, days, **kwargs):
        super().__init__(**kwargs)
        self.days = days

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - self.days * 86400)


@pytest.mark.parametrize("days, confirmed", [(2, True), (4, False)])
def test_a_confirmation_link_expires(client, settings, days, confirmed):
    settings.SUBSCRIPTIONS_CONFIRM_DAYS = 3
    subscriber = Subscriber.objects.create(email="reader@example.org")
    token = PastSigner(days, salt=tokens.CONFIRM_SALT).sign(
        f"{subscriber.pk}.{subscriber.confirmation_key}"
    )

    response = client.post(f"/follow/email/confirm/{token}/")

    subscriber.refresh_from_db()
    assert (subscriber.confirmed_at is not None) is confirmed
    if not confirmed:
        assert response.status_code == 410
        html = response.content.decode()
        assert "This link has expired" in html
        assert "Ask for a new link" in html


def test_a_link_signed_for_another_purpose_does_not_confirm(client):
    subscriber = Subscriber.objects.create(email="reader@example.org")
    token = signing.TimestampSigner(salt=tokens.UNSUBSCRIBE_SALT).sign(
        f"{subscriber.pk}.{subscriber.confirmation_key}"
    )
    assert client.post(f"/follow/email/confirm/{token}/").status_code == 400


def test_subscribing_again_reveals_nothing_and_changes_nothing(client, smtp, diplomacy, housing):
    subscriber = make_subscriber("reader@example.org", [diplomacy], "weekly")

    known = subscribe(client, "READER@example.org", [housing], "daily")
    unknown = subscribe(client, "someone@example.org", [housing], "daily")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    subscriber.refresh_from_db()
    assert list(subscriber.themes.all()) == [diplomacy]
    assert subscriber.frequency == "weekly"
    assert Subscriber.objects.filter(email__iexact="reader@example.org").count() == 1
    [message] = smtp.to("reader@example.org")
    assert "already subscribed" in text_of(message)
    assert "/follow/email/confirm/" not in text_of(message)
    preferences = client.get(link_in(message, "/follow/email/preferences/"))
    assert preferences.status_code == 200


def test_a_pending_address_asking_again_gets_a_new_link_for_its_new_choice(
    client, smtp, diplomacy, housing
):
    make_subscriber(
        "reader@example.org",
        [diplomacy],
        confirmed_at=None,
        requested_at=timezone.now() - timedelta(days=5),
    )
    subscribe(client, "reader@example.org", [housing], "daily")

    [message] = smtp.to("reader@example.org")
    # Asking again restarts the wait before an unconfirmed address is forgotten.
    assert Subscriber.objects.get().requested_at > timezone.now() - timedelta(minutes=1)
    client.post(link_in(message, "/follow/email/confirm/"))
    subscriber = Subscriber.objects.get()
    assert list(subscriber.themes.all()) == [housing]
    assert subscriber.frequency == "daily"
    assert subscriber.is_active


def test_the_form_sends_one_confirmation_a_day_to_a_pending_address(
    client, smtp, diplomacy, housing
):
    subscribe(client, "reader@example.org", [diplomacy])
    again = subscribe(client, "Reader@example.org", [housing], "daily")

    assert again.status_code == 302 and again["Location"] == "/follow/email/sent/"
    assert len(smtp.messages) == 1
    # The one email sent describes the choice its link confirms.
    subscriber = Subscriber.objects.get()
    assert list(subscriber.themes.all()) == [diplomacy]
    assert subscriber.frequency == "weekly"


def test_the_form_sends_one_confirmation_a_day_to_an_unsubscribed_address(client, smtp, diplomacy):
    subscriber = make_subscriber("reader@example.org", [diplomacy], unsubscribed_at=timezone.now())

    for _ in range(3):
        response = subscribe(client, "reader@example.org", [diplomacy])
        assert response.status_code == 302 and response["Location"] == "/follow/email/sent/"

    [message] = smtp.to("reader@example.org")
    assert "Confirm" in message["Subject"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_resubscribing_after_unsubscribing_needs_a_new_confirmation(client, smtp, diplomacy):
    subscriber = make_subscriber("reader@example.org", [diplomacy])
    old_link = tokens.confirm_path(subscriber)
    client.post(tokens.unsubscribe_path(subscriber))

    # The confirmation from before the unsubscription no longer brings the address back.
    assert client.post(old_link).status_code == 410
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED

    subscribe(client, "reader@example.org", [diplomacy])
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    [message] = smtp.to("reader@example.org")
    assert client.post(link_in(message, "/follow/email/confirm/")).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at > subscriber.created_at


def test_bad_input_is_explained_and_kept(client, smtp, diplomacy):
    response = client.post(
        "/follow/email/", {"email": "not-an-address", "themes": [], "frequency": "daily"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'value="not-an-address"' in html
    assert 'aria-describedby="subscribe-email_error"' in html
    assert 'id="subscribe-email_error"' in html
    assert "Choose at least one theme." in html
    assert is_checked(html, "frequency", "daily")
    assert not is_checked(html, "frequency", "weekly")
    assert not smtp.messages and not Subscriber.objects.exists()


def test_the_honeypot_stops_the_form_and_keeps_the_input(client, smtp, diplomacy):
    response = subscribe(client, "reader@example.org", [diplomacy], website="http://spam")

    assert response.status_code == 400
    html = response.content.decode()
    assert "This form looks automated" in html
    assert 'value="reader@example.org"' in html
    assert is_checked(html, "themes", diplomacy.pk)
    assert not smtp.messages and not Subscriber.objects.exists()


def test_requests_are_rate_limited_per_address(client, smtp, settings, diplomacy):
    settings.SUBSCRIPTIONS_RATE_PER_EMAIL = "2/h"
    assert subscribe(client, "reader@example.org", [diplomacy]).status_code == 302
    assert subscribe(client, "Reader@example.org", [diplomacy]).status_code == 302

    limited = subscribe(client, "reader@example.org", [diplomacy])

    assert limited.status_code == 429
    assert "Too many subscription requests" in limited.content.decode()
    assert 'value="reader@example.org"' in limited.content.decode()
    assert len(smtp.messages) == 1  # one confirmation a day
    assert subscribe(client, "other@example.org", [diplomacy]).status_code == 302


def test_requests_are_rate_limited_per_ip(client, smtp, settings, diplomacy):
    settings.SUBSCRIPTIONS_RATE_PER_IP = "3/h"
    for n in range(3):
        assert subscribe(client, f"reader{n}@example.org", [diplomacy]).status_code == 302

    assert subscribe(client, "reader9@example.org", [diplomacy]).status_code == 429
    other_ip = subscribe(Client(REMOTE_ADDR="192.0.2.7"), "reader9@example.org", [diplomacy])
    assert other_ip.status_code == 302
    assert len(smtp.messages) == 4


def test_a_mail_server_that_is_down_does_not_fail_the_request(client, smtp, settings, diplomacy):
    settings.EMAIL_PORT = 1  # nothing listens there

    response = subscribe(client, "reader@example.org", [diplomacy])

    # The email's task fails on its own (the task backend records and logs it).
    assert response.status_code == 302
    assert response["Location"] == "/follow/email/sent/"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert not smtp.messages


def test_the_form_needs_a_csrf_token(diplomacy):
    response = Client(enforce_csrf_checks=True).post(
        "/follow/email/",
        {"email": "reader@example.org", "themes": [diplomacy.pk], "frequency": "weekly"},
    )
    assert response.status_code == 403


def test_theme_pages_and_the_follow_page_offer_the_form(client, site_tree, diplomacy, housing):
    theme_page = client.get("/themes/city-diplomacy/").content.decode()
    follow_page = client.get("/follow/").content.decode()

    assert "Follow City diplomacy by email" in theme_page
    assert is_checked(theme_page, "themes", diplomacy.pk)
    assert not is_checked(theme_page, "themes", housing.pk)
    assert "Follow themes by email" in follow_page
    assert not is_checked(follow_page, "themes", diplomacy.pk)
    assert not is_checked(follow_page, "themes", housing.pk)
    for html in (theme_page, follow_page):
        assert 'action="/follow/email/"' in html
        assert "<legend" in html and 'name="csrfmiddlewaretoken"' in html
        assert 'class="hp"' in html


def test_the_cached_theme_choices_follow_the_editors(client, site_tree, diplomacy):
    assert "Mobility" not in client.get("/follow/").content.decode()
    assert cache.get(f"{THEME_CHOICES}:en") is not None

    mobility = make_theme("Mobility", slug="mobility")
    assert "Mobility" in client.get("/follow/").content.decode()
    mobility.delete()
    assert "Mobility" not in client.get("/follow/").content.decode()


def test_no_email_address_is_shown_on_the_confirmation_pages(client, smtp, diplomacy):
    subscribe(client, "reader@example.org", [diplomacy])
    link = link_in(smtp.messages[0], "/follow/email/confirm/")
    for page in (client.get(link), client.post(link)):
        assert "reader@example.org" not in page.content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's lower() and LIKE fold ASCII only"
)
def test_an_address_the_unique_constraint_folds_is_found_not_created_again(client, smtp, diplomacy):
    # PostgreSQL lowers the Kelvin sign to "k" but does not upper it to "K": the unique
    # constraint (on lower) holds this row for "k@example.org", which iexact (on upper)
    # would miss, and creating a second row would fail.
    kelvin = make_subscriber("\u212a@example.org", [diplomacy])

    response = subscribe(client, "k@example.org", [diplomacy])

    assert response.status_code == 302
    assert list(Subscriber.objects.all()) == [kelvin]
