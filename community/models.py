from django.db import models


class BlockedTerm(models.Model):
    """A word or a web domain that readers' comments and guest posts may not contain."""

    class Kind(models.TextChoices):
        WORD = "word", "Word or phrase"
        DOMAIN = "domain", "Web or email domain (and its subdomains)"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WORD)
    value = models.CharField(
        max_length=200,
        help_text="Matched without regard to case: a whole word or phrase, or a domain such "
        "as 'spam.example' (which also blocks 'www.spam.example').",
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why it is blocked.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "value"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="blocked_term_once")]

    def __str__(self):
        return self.value

    def save(self, *args, **kwargs):
        self.value = " ".join(self.value.split()).casefold()
        if self.kind == self.Kind.DOMAIN:
            self.value = self.value.removeprefix("www.").strip(".")
        super().save(*args, **kwargs)
