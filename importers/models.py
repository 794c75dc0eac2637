"""Partner feed sources, the entries imported from them, and the record of each run."""

import hashlib
from datetime import timedelta

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from blog.models import BlogCategory, BlogIndexPage, BlogPage
from vocabulary.models import Organisation, Theme

MAX_BACKOFF = timedelta(days=1)


class FeedSource(models.Model):
    class ReviewMode(models.TextChoices):
        LIVE = "live", "Publish at once"
        DRAFT = "draft", "Save as a draft for an editor to review"

    name = models.CharField(max_length=255, unique=True)
    url = models.URLField("feed URL", max_length=2000)
    partner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feed_sources",
        help_text="Credited on every post from this feed.",
    )
    target_blog = models.ForeignKey(
        BlogIndexPage,
        on_delete=models.PROTECT,
        related_name="feed_sources",
        help_text="The blog its posts are published in.",
    )
    review_mode = models.CharField(
        max_length=10, choices=ReviewMode.choices, default=ReviewMode.DRAFT
    )
    default_themes = models.ManyToManyField(
        Theme, blank=True, related_name="+", help_text="Given to every post from this feed."
    )
    default_category = models.ForeignKey(
        BlogCategory, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    allow_free_tags = models.BooleanField(
        default=False,
        help_text="Keep the feed's categories that match no theme, as free tags.",
    )
    active = models.BooleanField(default=True)
    poll_interval = models.DurationField(
        default=timedelta(hours=1), help_text="How often to fetch it, e.g. 01:00:00."
    )

    # Kept by the importer.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    # The last body imported without failures: the same bytes again need no parsing.
    body_digest = models.CharField(max_length=64, blank=True, editable=False)
    last_fetched_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    next_due_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    # While set and in the future, one importer holds this source (see importers.lease).
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    lease_holder = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("partner"), FieldPanel("target_blog")]),
        MultiFieldPanel(
            [
                FieldPanel("review_mode"),
                FieldPanel("default_themes"),
                FieldPanel("default_category"),
                FieldPanel("allow_free_tags"),
            ],
            heading="Publishing",
        ),
        FieldRowPanel([FieldPanel("active"), FieldPanel("poll_interval")], heading="Schedule"),
    ]

    # What an import writes back, leaving the editor's settings alone.
    IMPORTER_FIELDS = [
        "url",
        "etag",
        "last_modified",
        "body_digest",
        "last_fetched_at",
        "last_success_at",
        "last_error",
        "consecutive_failures",
        "next_due_at",
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def due(cls, now=None):
        return cls.objects.filter(active=True, next_due_at__lte=now or timezone.now())

    def record_success(self, now):
        self.last_fetched_at = self.last_success_at = now
        self.last_error = ""
        self.consecutive_failures = 0
        self.next_due_at = now + self.poll_interval

    def record_failure(self, now, error):
        """Back off exponentially: the poll interval doubled per failure, at most a day."""
        self.last_fetched_at = now
        self.last_error = error
        self.consecutive_failures += 1
        delay = self.poll_interval * 2 ** min(self.consecutive_failures, 16)
        self.next_due_at = now + min(delay, max(MAX_BACKOFF, self.poll_interval))


class ImportedEntry(models.Model):
    """One entry of a source's feed and the post made from it."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="entries")
    key = models.TextField(help_text="The entry's guid, else its link, else a content hash.")
    # Unique with the source: a guid or link can be longer than a database index allows.
    key_digest = models.CharField(max_length=64, editable=False)
    guid = models.TextField(blank=True)
    link = models.URLField(max_length=2000, blank=True)
    content_hash = models.CharField(max_length=64)
    # The raw entry's digest when last imported (importers.core.clean.entry_digest): the same
    # digest again means an unchanged entry, recognised without cleaning it.
    entry_digest = models.CharField(max_length=64, blank=True, editable=False)
    page = models.ForeignKey(
        BlogPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "imported entries"
        ordering = ["-first_seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "key_digest"], name="imported_entry_once_per_source"
            )
        ]

    def __str__(self):
        return self.key

    @staticmethod
    def digest(key):
        return hashlib.sha256(key.encode()).hexdigest()


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        OK = "ok", "Imported"
        NOT_MODIFIED = "not_modified", "Not modified"
        REJECTED = "rejected", "Rejected"
        FAILED = "failed", "Failed"

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    new = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"

    def __str__(self):
        return f"{self.source} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None
