"""Emails to guest contributors, sent by the task worker (django-tasks)."""

from django.urls import reverse
from django_tasks import task

from community import mail

from .models import GuestSubmission


@task()
def send_receipt(submission_id: int) -> None:
    """Tell the submitter we have their post and what happens next."""
    submission = GuestSubmission.objects.filter(pk=submission_id).first()
    if submission is None:
        return
    mail.send(
        submission.email,
        f"We have received your post “{submission.title}”",
        "contributions/email/receipt",
        {"submission": submission},
    )


@task()
def send_outcome(submission_id: int) -> None:
    """Tell the submitter their post was published (with its address) or needs changes."""
    submission = GuestSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None or submission.outcome == GuestSubmission.Outcome.PENDING:
        return
    if submission.outcome == GuestSubmission.Outcome.PUBLISHED:
        subject = f"Your post “{submission.title}” is published"
        template = "contributions/email/published"
    else:
        subject = f"About your post “{submission.title}”"
        template = "contributions/email/rejected"
    context = {
        "submission": submission,
        "post_url": submission.page.full_url if submission.page and submission.page.live else "",
        "form_url": mail.site_url(reverse("contributions:contribute")),
    }
    mail.send(submission.email, subject, template, context)
