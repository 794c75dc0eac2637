from django.db import models
from django.utils.translation import gettext_lazy as _


class BlockedTerm(models.Model):
    """A word or a web domain that readers' comments and guest posts may not contain."""

    class Kind(models.TextChoices):
        WORD = "word", _("Word or phrase")
        DOMAIN = "domain", _("Web or email domain (and its subdomains)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WORD)
    value = models.CharField(
        _("word or domain"),
        max_length=200,
        help_text=_(
            "Matched without regard to case: a whole word or phrase, or a domain such as "
            "'spam.example' (which also blocks 'www.spam.example')."
        ),
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Why it is blocked.")
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "value"]
        verbose_name = _("blocked term")
        verbose_name_plural = _("blocked terms")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="blocked_term_once")]

    def __str__(self):
        return self.value

    def save(self, *args, **kwargs):
        self.value = " ".join(self.value.split()).casefold()
        if self.kind == self.Kind.DOMAIN:
            self.value = self.value.removeprefix("www.").strip(".")
        super().save(*args, **kwargs)
