"""Digests in the background through Django's task API (django-tasks)."""

from django_tasks import task

from . import digest, subscribing


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
