"""Reader comments: django-comments-xtd's threaded comment with an explicit moderation status.

``status`` is the truth; django_comments' ``is_public`` and ``is_removed`` follow it (public
only when approved, removed when rejected or spam) so that library code and the blog's
comment counts, which read those flags, agree with the moderation queue.
"""

from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment, XtdCommentManager

EXCERPT_CHARS = 80


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def on(self, post):
        return self.filter(
            content_type__app_label=post._meta.app_label,
            content_type__model=post._meta.model_name,
            object_pk=str(post.pk),
        )

    def _update_status(self, status):
        """Move these comments to ``status`` in one UPDATE, flags included (callers use
        ``actions.set_status``, which also sends the follow-ups)."""
        return self.update(status=status, **Comment.flags_for(status))


CommentManager = XtdCommentManager.from_queryset(CommentQuerySet)


class Comment(XtdComment):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    # Named explicitly: the default reverse name, "comment", is already XtdComment's text field.
    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        related_name="moderated",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    email_confirmed_at = models.DateTimeField(
        _("email confirmed"),
        null=True,
        blank=True,
        help_text=_("When the commenter confirmed it."),
    )
    followups_sent_at = models.DateTimeField(
        _("follow-ups sent"), null=True, blank=True, editable=False
    )

    objects = CommentManager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-submit_date"]

    def __str__(self):
        return f"{self.user_name}: {self.excerpt}"

    @property
    def excerpt(self):
        return Truncator(" ".join(self.comment.split())).chars(EXCERPT_CHARS)

    @property
    def last_published_at(self):
        """What the blog's feed writer dates an entry by (for ETag and Last-Modified)."""
        return self.submit_date

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @staticmethod
    def flags_for(status):
        return {
            "is_public": status == Comment.Status.APPROVED,
            "is_removed": status in (Comment.Status.REJECTED, Comment.Status.SPAM),
        }

    def save(self, *args, **kwargs):
        for flag, value in self.flags_for(self.status).items():
            setattr(self, flag, value)
        super().save(*args, **kwargs)

    def confirm_email(self):
        """Record that the commenter proved the address (first time only)."""
        if self.email_confirmed_at is None:
            self.email_confirmed_at = timezone.now()
            Comment.objects.filter(pk=self.pk).update(email_confirmed_at=self.email_confirmed_at)

    def has_trusted_author(self):
        """The same confirmed address already has another approved, confirmed comment."""
        return (
            self.email_confirmed_at is not None
            and Comment.objects.approved()
            .filter(
                user_email__iexact=self.user_email,
                email_confirmed_at__isnull=False,
            )
            .exclude(pk=self.pk)
            .exists()
        )

    def get_absolute_url(self, anchor_pattern="#c%(id)s"):
        return self.content_object.url + (anchor_pattern % {"id": self.pk})
