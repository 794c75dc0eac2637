from django.db import models


class GuestSubmission(models.Model):
    """A post sent through the public form: who sent it, and what became of it.

    The post itself is a draft ``BlogPage`` in the moderation workflow; this record keeps
    what the submitter gave us so they can be told the outcome.
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", "Awaiting review"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Changes requested"

    page = models.OneToOneField(
        "blog.BlogPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="guest_submission",
        help_text="Empty once the post is deleted.",
    )
    title = models.CharField(max_length=255, help_text="As submitted.")
    name = models.CharField(max_length=255)
    email = models.EmailField()
    organisation = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=255, blank=True)
    consent_at = models.DateTimeField(help_text="When the submitter ticked the consent box.")
    submitted_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    editor_comment = models.TextField(
        blank=True, help_text="The reviewer's comment when changes were requested."
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.name})"
