"""Subscription emails in the background through Django's task API (django-tasks), so a
slow mail server never slows a reader's request."""

from django_tasks import task

from . import digest, subscribing
from .models import Subscriber


@task()
def answer_subscription_request(subscriber_id: int) -> bool:
    """The email a subscribe request calls for; skipped if the address was forgotten while
    the task waited."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        subscribing.answer_request(subscriber)
    return subscriber is not None


@task()
def send_digest(subscriber_id: int) -> int:
    """One subscriber's digest; its own task, so one failed send does not stop the rest."""
    return digest.send_digest(subscriber_id)


@task()
def send_digests() -> int:
    """Queue a digest for every subscriber who is due; run it every hour. Addresses whose
    confirmation link expired unused are forgotten on the way."""
    subscribing.forget_unconfirmed()
    due = digest.due_subscriber_ids()
    for subscriber_id in due:
        send_digest.enqueue(subscriber_id)
    return len(due)
