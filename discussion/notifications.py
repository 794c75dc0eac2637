"""The emails comments cause: a held comment to editors and the post's authors, an address
confirmation to the commenter, follow-ups to the post's followers. Sent from tasks
(``discussion.tasks``), never during a reader's request, so each activates its language:

- the commenter and the followers read the post, so theirs is the post's language (its
  locale), links included (``/fr/comments/confirm/…``);
- an editor gets the language they chose for the admin (their Wagtail profile), else the
  site's default one; a post's author gets the post's language, which they write in.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from community import mail

from . import tokens
from .models import Comment

MODERATOR_GROUPS = ("Editors", "Moderators")


def _unique(addresses):
    """Addresses without empties or case-only duplicates, in their first spelling."""
    seen = {}
    for address in addresses:
        if address:
            seen.setdefault(address.casefold(), address)
    return list(seen.values())


def post_language(post):
    """The language readers of ``post`` read it in: its locale's (the default one for a
    language the site no longer offers)."""
    try:
        return translation.get_supported_language_variant(post.locale.language_code)
    except LookupError:
        return settings.LANGUAGE_CODE


def held_comment_recipients(post):
    """Active editors and moderators with an email, and the post's authors with one."""
    return [email for email, _language in _held_comment_recipients(post)]


def _held_comment_recipients(post):
    """(email, language) of each, first spelling of an address kept (see module doc)."""
    staff = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=MODERATOR_GROUPS)
        .exclude(email="")
        .values_list("email", "wagtail_userprofile__preferred_language")
    )
    authors = post.author_links.exclude(person__email="").values_list("person__email", flat=True)
    languages = {}
    for email, preferred in staff:
        languages.setdefault(email, preferred or settings.LANGUAGE_CODE)
    for email in authors:
        languages.setdefault(email, post_language(post))
    return [(email, languages[email]) for email in _unique([*languages])]


def send_held_notice(comment):
    post = comment.content_object
    queue_url = mail.site_url(reverse("wagtailsnippets_discussion_comment:list"))
    for address, language in _held_comment_recipients(post):
        with translation.override(language):
            mail.send(
                address,
                gettext("A comment on “%(title)s” awaits moderation") % {"title": post.title},
                "discussion/email/held_comment",
                {"comment": comment, "post": post, "queue_url": f"{queue_url}?status=pending"},
            )


def send_confirmation_request(comment):
    post = comment.content_object
    with translation.override(post_language(post)):
        mail.send(
            comment.user_email,
            gettext("Confirm your email for your comment on “%(title)s”") % {"title": post.title},
            "discussion/email/confirm_email",
            {
                "comment": comment,
                "post": post,
                "confirm_url": tokens.confirm_url(comment),
                "confirm_days": tokens.CONFIRM_DAYS,
            },
        )


def followers(comment):
    """(email, name) of those following the comment's post, its own author excepted.

    Only addresses confirmed by their owner: typing someone else's address with "email
    me" ticked must not sign them up.
    """
    rows = (
        Comment.objects.filter(content_type=comment.content_type, object_pk=comment.object_pk)
        .approved()
        .filter(followup=True, email_confirmed_at__isnull=False)
        .exclude(user_email__iexact=comment.user_email)
        .order_by("submit_date")
        .values_list("user_email", "user_name")
    )
    names = {}
    for email, name in rows:
        names.setdefault(email.casefold(), (email, name))
    return list(names.values())


def send_followups(comment):
    """Tell the post's followers about ``comment`` once it is shown (approved, and so are
    its parents), and about its approved replies that waited for it; each comment once.
    Returns how many emails were sent."""
    if not comment.is_approved or not _parents_approved(comment):
        return 0
    sent = 0
    # Claimed before sending, so that approving twice (or two tasks) never mails twice.
    unsent = Comment.objects.filter(pk=comment.pk, followups_sent_at__isnull=True)
    if unsent.update(followups_sent_at=timezone.now()):
        sent += _mail_followers(comment)
    for reply in Comment.objects.approved().filter(parent_id=comment.pk).exclude(pk=comment.pk):
        sent += send_followups(reply)
    return sent


def _parents_approved(comment):
    """Whether the page shows ``comment``: a reply is hidden with an unapproved parent."""
    pk, parent_pk = comment.pk, comment.parent_id
    while parent_pk != pk:
        row = Comment.objects.filter(pk=parent_pk).values_list("status", "parent_id").first()
        if row is None or row[0] != Comment.Status.APPROVED:
            return False
        pk, parent_pk = parent_pk, row[1]
    return True


def _mail_followers(comment):
    post = comment.content_object
    sent = 0
    with translation.override(post_language(post)):
        comment_url = mail.site_url(comment.get_absolute_url())
        subject = gettext("New comment on “%(title)s”") % {"title": post.title}
        for email, name in followers(comment):
            unfollow_url = tokens.unfollow_url(email, post.pk)
            mail.send(
                email,
                subject,
                "discussion/email/followup",
                {
                    "name": name,
                    "comment": comment,
                    "post": post,
                    "comment_url": comment_url,
                    "unfollow_url": unfollow_url,
                },
                headers=mail.one_click_unsubscribe(unfollow_url),
            )
            sent += 1
    return sent
