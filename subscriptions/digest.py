"""The digest: each confirmed subscriber's new posts in their themes, one email each.

A post is never sent twice to one subscriber: a delivery is recorded for every post sent,
in the same transaction that moves ``last_digest_at``, and only once the SMTP server has
accepted the message (a failed send records nothing, so the next run tries again). Two
runs at once cannot both send one subscriber's digest: each claims the subscriber first
with one conditional UPDATE ("due and unclaimed → mine"), atomic on SQLite and PostgreSQL,
like the importers' lease; the unique (subscriber, post) constraint is the last guard.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import ngettext

from blog.models import BlogPage, BlogPageAuthor, BlogPageTheme
from community import mail
from vocabulary.conf import vocabulary_settings

from . import tokens
from .conf import subscription_settings
from .models import DigestDelivery, Subscriber, site_language

# Long enough for one digest to be sent; a claim left by a crashed worker expires.
CLAIM = timedelta(minutes=15)


@dataclass
class DigestEntry:
    post: BlogPage
    url: str
    authors: str
    themes: list  # the subscriber's themes this post is in


def due_subscriber_ids(now=None):
    return list(
        Subscriber.objects.due(now or timezone.now()).order_by("pk").values_list("pk", flat=True)
    )


def send_digest(subscriber_id: int) -> int:
    """Send one subscriber's digest if it is due and something is new; the number of posts
    sent (0 when nothing was)."""
    now = timezone.now()
    claimed_until = now + CLAIM
    if not _claim(subscriber_id, now, claimed_until):
        return 0  # not due any more, or another run is sending it
    try:
        subscriber = Subscriber.objects.prefetch_related("themes").get(pk=subscriber_id)
        # A task, outside any request: the subscriber's language gives the words, the
        # dates and the links (/fr/… for French).
        with translation.override(site_language(subscriber.language)):
            entries, more = new_posts(subscriber)
            if not entries:
                # Nothing new: last_digest_at stays, so nothing published since is skipped.
                return 0
            _send(subscriber, entries, more)
        with transaction.atomic():
            DigestDelivery.objects.bulk_create(
                [
                    DigestDelivery(subscriber=subscriber, post=entry.post, sent_at=now)
                    for entry in entries
                ],
                ignore_conflicts=True,
            )
            Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=now)
        return len(entries)
    finally:
        Subscriber.objects.filter(pk=subscriber_id, claimed_until=claimed_until).update(
            claimed_until=None
        )


def _claim(subscriber_id, now, claimed_until):
    unclaimed = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    return bool(
        Subscriber.objects.due(now)
        .filter(unclaimed, pk=subscriber_id)
        .update(claimed_until=claimed_until)
    )


def new_posts(subscriber):
    """The newest published posts in the subscriber's themes and language that they have
    not been sent, first published (or dated) since their last digest or their
    confirmation; at most ``SUBSCRIPTIONS_DIGEST_MAX_POSTS`` of them, and how many more
    there are. A theme is one row in every language, so its English and French posts share
    it: the locale picks the reader's."""
    themes = {theme.pk: theme for theme in subscriber.themes.all()}
    since = max(filter(None, [subscriber.last_digest_at, subscriber.confirmed_at]))
    new = (
        BlogPage.objects.published()
        .filter(
            # A post dated ahead appears when its date comes, long after it went live.
            Q(first_published_at__gt=since) | Q(date__gt=since),
            locale__language_code=site_language(subscriber.language),
            pk__in=BlogPageTheme.objects.filter(tag_id__in=themes).values("content_object_id"),
        )
        .exclude(pk__in=DigestDelivery.objects.filter(subscriber=subscriber).values("post_id"))
        .newest_first()
    )
    ids = list(new.values_list("pk", flat=True))
    limit = subscription_settings.SUBSCRIPTIONS_DIGEST_MAX_POSTS
    posts = (
        BlogPage.objects.filter(pk__in=ids[:limit])
        .newest_first()
        .defer_streamfields()
        .prefetch_related(
            Prefetch("author_links", queryset=BlogPageAuthor.objects.select_related("person")),
            "themes",
        )
    )
    entries = [
        DigestEntry(
            post=post,
            url=post.get_full_url(),
            authors=", ".join(person.name for person in post.authors) or post.byline,
            themes=[themes[theme.pk] for theme in post.themes.all() if theme.pk in themes],
        )
        for post in posts
    ]
    return entries, max(len(ids) - limit, 0)


def _send(subscriber, entries, more):
    count = len(entries) + more
    root = mail.site_url("")  # once: each call looks the site up
    unsubscribe_url = root + tokens.unsubscribe_path(subscriber)
    followed = [
        {
            "name": theme.translated_name,
            "url": root + url if (url := theme.get_absolute_url()) else "",
        }
        for theme in subscriber.themes.all()
    ]
    mail.send(
        subscriber.email,
        ngettext(
            "%(count)d new post on %(site_name)s",
            "%(count)d new posts on %(site_name)s",
            count,
        )
        % {"count": count, "site_name": vocabulary_settings.WAGTAIL_SITE_NAME},
        "subscriptions/email/digest",
        {
            "entries": entries,
            "more": more,
            "followed": followed,
            "frequency": subscriber.frequency,
            "preferences_url": root + tokens.preferences_path(subscriber),
            "unsubscribe_url": unsubscribe_url,
        },
        headers=mail.one_click_unsubscribe(unsubscribe_url),
    )
