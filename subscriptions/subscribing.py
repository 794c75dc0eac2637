"""Subscribing, confirming and unsubscribing an address."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext

from community import mail
from community.ratelimit import allow
from vocabulary.conf import vocabulary_settings

from . import tokens
from .conf import subscription_settings
from .models import Subscriber, new_confirmation_key, site_language


def request_subscription(email, themes, frequency, language=None):
    """Record a request for ``email`` to follow ``themes`` in ``language`` (that of the page
    the form was on; the active one when None); return the subscriber to answer by email
    (see ``answer_request``), or None.

    A pending or unsubscribed address is answered at most once a day, whoever types it
    into the form; a request past that changes nothing and sends nothing. The answer on
    the site is the same in every case, so it reveals nothing.
    """
    # get_or_create creates in a savepoint and looks again when a concurrent request
    # inserted the address first (IntegrityError).
    language = site_language(language or translation.get_language())
    subscriber, _ = Subscriber.objects.with_address(email).get_or_create(
        defaults={"email": email, "frequency": frequency, "language": language}
    )
    if subscriber.is_active:
        # Its choices, language included, change only through its preferences link.
        return subscriber
    if not allow("subscriptions:confirmation-mail", subscriber.email, "1/d"):
        return None
    # The address gets no digest until it confirms, so its choices can be replaced by the
    # latest request, which its new email describes.
    subscriber.frequency = frequency
    subscriber.language = language
    subscriber.requested_at = timezone.now()
    subscriber.save(update_fields=["frequency", "language", "requested_at"])
    subscriber.themes.set(themes)
    return subscriber


def answer_request(subscriber):
    """Email a confirmation link; an address that is already subscribed is sent a link to
    its preferences instead, so nothing changes without its consent. In the subscriber's
    language, with links to its pages (this runs in a task, outside any request)."""
    site_name = vocabulary_settings.WAGTAIL_SITE_NAME
    with translation.override(site_language(subscriber.language)):
        if subscriber.is_active:
            mail.send(
                subscriber.email,
                gettext("Your %(site_name)s subscription") % {"site_name": site_name},
                "subscriptions/email/manage",
                {"preferences_url": mail.site_url(tokens.preferences_path(subscriber))},
            )
            return
        mail.send(
            subscriber.email,
            gettext("Confirm your %(site_name)s subscription") % {"site_name": site_name},
            "subscriptions/email/confirm",
            {
                "subscriber": subscriber,
                "themes": subscriber.themes.all(),
                "confirm_url": mail.site_url(tokens.confirm_path(subscriber)),
                "days": subscription_settings.SUBSCRIPTIONS_CONFIRM_DAYS,
            },
        )


def forget_unconfirmed():
    """Delete the addresses that never confirmed before their link expired: nobody agreed
    to our keeping them. Unsubscribed ones stay, so they get no digest again unless they
    confirm anew."""
    expired = timezone.now() - timedelta(days=subscription_settings.SUBSCRIPTIONS_CONFIRM_DAYS)
    _, deleted = Subscriber.objects.unconfirmed_since(expired).delete()
    return deleted.get(Subscriber._meta.label, 0)


def confirm(subscriber):
    """Start sending digests; posts published from now on are the first ones sent."""
    if not subscriber.is_active:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])


def unsubscribe(subscriber):
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.confirmation_key = new_confirmation_key()
        subscriber.save(update_fields=["unsubscribed_at", "confirmation_key"])
