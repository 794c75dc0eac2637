"""Emails to guest contributors, sent by the task worker (django-tasks), each in the
language the guest used on the form, with links to that language's pages."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from community import mail

from .models import GuestSubmission


def _language(submission):
    try:
        return translation.get_supported_language_variant(submission.language)
    except LookupError:  # a language the site no longer offers
        return settings.LANGUAGE_CODE


@task()
def send_receipt(submission_id: int) -> None:
    """Tell the submitter we have their post and what happens next."""
    submission = GuestSubmission.objects.filter(pk=submission_id).first()
    if submission is None:
        return
    with translation.override(_language(submission)):
        mail.send(
            submission.email,
            gettext("We have received your post “%(title)s”") % {"title": submission.title},
            "contributions/email/receipt",
            {"submission": submission},
        )


@task()
def send_outcome(submission_id: int) -> None:
    """Tell the submitter their post was published (with its address) or needs changes."""
    submission = GuestSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None or submission.outcome == GuestSubmission.Outcome.PENDING:
        return
    with translation.override(_language(submission)):
        if submission.outcome == GuestSubmission.Outcome.PUBLISHED:
            subject = gettext("Your post “%(title)s” is published")
            template = "contributions/email/published"
        else:
            subject = gettext("About your post “%(title)s”")
            template = "contributions/email/rejected"
        context = {
            "submission": submission,
            # The post's own address: in its blog's language, whatever the guest's.
            "post_url": submission.page.full_url
            if submission.page and submission.page.live
            else "",
            "form_url": mail.site_url(reverse("contributions:contribute")),
        }
        mail.send(submission.email, subject % {"title": submission.title}, template, context)
