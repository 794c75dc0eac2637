from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def default_language():
    """The site's default language (a callable, so no migration names one site's choice)."""
    return settings.LANGUAGE_CODE


class GuestSubmission(models.Model):
    """A post sent through the public form: who sent it, and what became of it.

    The post itself is a draft ``BlogPage`` in the moderation workflow; this record keeps
    what the submitter gave us so they can be told the outcome.
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Changes requested")

    page = models.OneToOneField(
        "blog.BlogPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="guest_submission",
        verbose_name=_("post"),
        help_text=_("Empty once the post is deleted."),
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("As submitted."))
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=255, blank=True)
    # The form's language: the post is written in it (and filed in that language's blog),
    # and the guest's emails use it. No choices: they would tie the migration to one
    # site's LANGUAGES.
    language = models.CharField(
        _("language"),
        max_length=15,
        default=default_language,
        help_text=_("The language of the form they used: the post's and their emails'."),
    )
    consent_at = models.DateTimeField(
        _("consent given"), help_text=_("When the submitter ticked the consent box.")
    )
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True)
    outcome = models.CharField(
        _("status"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    editor_comment = models.TextField(
        _("editor's comment"),
        blank=True,
        help_text=_("The reviewer's comment when changes were requested."),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("guest submission")
        verbose_name_plural = _("guest submissions")

    def __str__(self):
        return f"{self.title} ({self.name})"
