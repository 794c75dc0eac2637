"""Changing a comment's state, with the emails that follow (callers use these, not the
queryset's ``_update_status``): by an editor in the admin, or by a trusted commenter
confirming their address. Followers hear of a comment only once it is approved."""

from .models import Comment
from .signals import comments_moderated
from .tasks import after_commit, notify_followers


def set_status(comments, status):
    """Move ``comments`` (a queryset) to ``status``; returns how many there were."""
    newly_approved = []
    if status == Comment.Status.APPROVED:
        newly_approved = list(
            comments.exclude(status=status).order_by().values_list("pk", flat=True)
        )
    count = comments.order_by()._update_status(status)
    if count:
        comments_moderated.send(sender=Comment)
    for pk in newly_approved:
        after_commit(notify_followers, pk)
    return count


def confirm_email(comment):
    """Record the confirmed address; approve at once if that address is already trusted."""
    comment.confirm_email()
    if comment.status == Comment.Status.PENDING and comment.has_trusted_author():
        set_status(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
        comment.status = Comment.Status.APPROVED
