"""Comment emails as background tasks (django-tasks), so a slow mail server never slows a
reader's POST or an editor's approval. Each task takes a comment id and skips a comment
deleted while the task waited."""

from django.db import transaction
from django_tasks import task

from . import notifications
from .models import Comment


@task()
def notify_held_comment(comment_id: int) -> bool:
    comment = Comment.objects.filter(pk=comment_id).pending().first()
    if comment is not None:
        notifications.send_held_notice(comment)
    return comment is not None


@task()
def request_email_confirmation(comment_id: int) -> bool:
    comment = Comment.objects.filter(pk=comment_id, email_confirmed_at__isnull=True).first()
    if comment is not None:
        notifications.send_confirmation_request(comment)
    return comment is not None


@task()
def notify_followers(comment_id: int) -> int:
    comment = Comment.objects.filter(pk=comment_id).approved().first()
    return notifications.send_followups(comment) if comment is not None else 0


def after_commit(task_, comment_id):
    """Queue ``task_`` once the comment is committed, so a worker can read it."""
    transaction.on_commit(lambda: task_.enqueue(comment_id))
