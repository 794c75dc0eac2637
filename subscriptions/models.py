"""Readers who follow themes by email, and the posts each has been sent."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from vocabulary.models import Theme

# A digest run that starts a little early (cron at 09:00:01 after yesterday's digest went
# at 09:00:03) still counts as a day later; without this slack a daily digest would slip
# one cron interval every day.
DUE_SLACK = timedelta(minutes=30)


def new_confirmation_key():
    return secrets.token_urlsafe(12)


def default_language():
    """The site's default language (a callable, so no migration names one site's choice)."""
    return settings.LANGUAGE_CODE


def site_language(code):
    """``code`` as one of the site's LANGUAGES (``fr-ca`` is ``fr``); the default language
    when the site has no such language."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return settings.LANGUAGE_CODE


class SubscriberQuerySet(models.QuerySet):
    def with_address(self, email):
        """The row for ``email``, matched as the unique constraint matches. Not iexact:
        that compares upper() and the constraint lower(), which differ for a few letters
        (the Kelvin sign), and get_or_create's retry after a concurrent insert must find
        the row the constraint says exists."""
        return self.alias(address=Lower("email")).filter(address=Lower(Value(email)))

    def active(self):
        """Confirmed and not unsubscribed: the only addresses that get digests."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def due(self, now):
        """Active subscribers whose last digest is a day (daily) or a week (weekly) old, or
        who never had one."""
        by_frequency = Q()
        for frequency, interval in Subscriber.INTERVALS.items():
            by_frequency |= Q(frequency=frequency, last_digest_at__lte=now - interval + DUE_SLACK)
        return self.active().filter(Q(last_digest_at__isnull=True) | by_frequency)

    def unconfirmed_since(self, moment):
        """Pending addresses whose last confirmation request was before ``moment``."""
        return self.filter(
            confirmed_at__isnull=True, unsubscribed_at__isnull=True, requested_at__lt=moment
        )

    def with_status(self, status):
        if status == Subscriber.Status.UNSUBSCRIBED:
            return self.filter(unsubscribed_at__isnull=False)
        if status == Subscriber.Status.CONFIRMED:
            return self.active()
        return self.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)


class Subscriber(models.Model):
    """One email address and the themes it follows.

    The row outlives an unsubscription, so the address gets no more digests and any new
    subscription needs a fresh confirmation; its deliveries are kept, so a returning reader
    is never sent a post twice either.
    """

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    INTERVALS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}

    email = models.EmailField(_("email address"), max_length=254)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="email_subscribers", verbose_name=_("themes")
    )
    # Emails go out in it, with links to its pages, and digests list its posts only. No
    # choices in the field: they would tie the migration to one site's LANGUAGES.
    language = models.CharField(
        _("language"),
        max_length=15,
        default=default_language,
        help_text=_("The language of the page they subscribed on: their emails use it."),
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    # The last time a confirmation link was sent; a pending address is forgotten once it
    # has expired.
    requested_at = models.DateTimeField(_("last request"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    # Part of the signed confirmation link; replaced on unsubscribing, so a confirmation
    # email from before cannot bring the address back.
    confirmation_key = models.CharField(
        _("confirmation key"), max_length=32, default=new_confirmation_key
    )
    # Held while one digest run sends this subscriber's digest (see digest.claim).
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email subscriber")
        verbose_name_plural = _("email subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci"),
        ]

    def __str__(self):
        return self.email

    @property
    def status(self):
        if self.unsubscribed_at:
            return self.Status.UNSUBSCRIBED
        if self.confirmed_at:
            return self.Status.CONFIRMED
        return self.Status.PENDING

    def get_status_display(self):
        return self.Status(self.status).label

    def get_language_display(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)

    @property
    def is_active(self):
        return self.status == self.Status.CONFIRMED


class DigestDelivery(models.Model):
    """A post sent to a subscriber in a digest; never sent to them again."""

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    post = models.ForeignKey(
        "blog.BlogPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("post")
    )
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "post"], name="digest_post_once"),
        ]

    def __str__(self):
        return f"{self.post_id} → {self.subscriber_id}"
