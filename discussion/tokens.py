"""Signed links in emails: confirm a commenter's address, stop follow-up emails.

Django's signing (JSON, keyed by SECRET_KEY) rather than xtd's pickled tokens. An unfollow
link never expires, as a reader may act on an old email; a confirmation link does, so an
old leaked one cannot approve a comment.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from community.mail import site_url

CONFIRM_SALT = "discussion.confirm-email"
UNFOLLOW_SALT = "discussion.unfollow"
CONFIRM_DAYS = 7


class ExpiredLink(Exception):
    pass


def confirm_url(comment):
    token = signing.dumps(comment.pk, salt=CONFIRM_SALT)
    return site_url(reverse("discussion:confirm", args=[token]))


def comment_from_confirm_token(token):
    """The comment's pk, or None for a forged or damaged token; ExpiredLink after the days."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=timedelta(days=CONFIRM_DAYS))
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature:
        return None


def unfollow_url(email, post_pk):
    token = signing.dumps([email.casefold(), post_pk], salt=UNFOLLOW_SALT, compress=True)
    return site_url(reverse("discussion:unfollow", args=[token]))


def follower_from_unfollow_token(token):
    """(email, post pk), or None for a forged or damaged token."""
    try:
        email, post_pk = signing.loads(token, salt=UNFOLLOW_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return email, post_pk
