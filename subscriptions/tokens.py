"""Signed links in subscription emails, one salt per purpose so a link made for one
purpose never works for another.

Confirmation links expire (``SUBSCRIPTIONS_CONFIRM_DAYS``); unsubscribe and preferences
links do not, so every email ever sent keeps working.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from .conf import subscription_settings
from .models import Subscriber

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
PREFERENCES_SALT = "subscriptions.preferences"


class ExpiredLink(Exception):
    pass


class InvalidLink(Exception):
    pass


def confirm_path(subscriber):
    token = signing.TimestampSigner(salt=CONFIRM_SALT).sign(
        f"{subscriber.pk}.{subscriber.confirmation_key}"
    )
    return reverse("subscriptions:confirm", args=[token])


def unsubscribe_path(subscriber):
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscriber.pk))
    return reverse("subscriptions:unsubscribe", args=[token])


def preferences_path(subscriber):
    token = signing.Signer(salt=PREFERENCES_SALT).sign(str(subscriber.pk))
    return reverse("subscriptions:preferences", args=[token])


def subscriber_to_confirm(token):
    """The subscriber a confirmation link names, if it is genuine, recent and still valid."""
    max_age = timedelta(days=subscription_settings.SUBSCRIPTIONS_CONFIRM_DAYS)
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    pk, _, key = value.partition(".")
    subscriber = Subscriber.objects.filter(pk=pk, confirmation_key=key).first()
    if subscriber is None:  # unsubscribed since, or deleted
        raise ExpiredLink
    return subscriber


def subscriber_from(token, salt):
    """The subscriber an unsubscribe or preferences link names."""
    try:
        pk = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature as error:
        raise InvalidLink from error
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        raise InvalidLink
    return subscriber
