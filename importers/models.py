"""Partner feed sources, the entries imported from them, and the record of each run."""

import hashlib
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from blog.models import BlogCategory, BlogIndexPage, BlogPage
from vocabulary.models import Organisation, Theme

MAX_BACKOFF = timedelta(days=1)


class FeedSource(models.Model):
    class ReviewMode(models.TextChoices):
        LIVE = "live", _("Publish at once")
        DRAFT = "draft", _("Save as a draft for an editor to review")

    name = models.CharField(_("name"), max_length=255, unique=True)
    url = models.URLField(_("feed URL"), max_length=2000)
    partner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feed_sources",
        verbose_name=_("partner"),
        help_text=_("Credited on every post from this feed."),
    )
    target_blog = models.ForeignKey(
        BlogIndexPage,
        on_delete=models.PROTECT,
        related_name="feed_sources",
        verbose_name=_("target blog"),
        help_text=_(
            "The blog its posts are published in: its translation in a post's language "
            "when it has one."
        ),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("language"),
        help_text=_(
            "The language of its posts when the feed names none of the site's languages; "
            "empty: the site's default language."
        ),
    )
    review_mode = models.CharField(
        _("review mode"), max_length=10, choices=ReviewMode.choices, default=ReviewMode.DRAFT
    )
    default_themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="+",
        verbose_name=_("default themes"),
        help_text=_("Given to every post from this feed."),
    )
    default_category = models.ForeignKey(
        BlogCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("default category"),
    )
    allow_free_tags = models.BooleanField(
        _("allow free tags"),
        default=False,
        help_text=_("Keep the feed's categories that match no theme, as free tags."),
    )
    active = models.BooleanField(_("active"), default=True)
    poll_interval = models.DurationField(
        _("poll interval"),
        default=timedelta(hours=1),
        help_text=_("How often to fetch it, e.g. 01:00:00."),
    )

    # Kept by the importer.
    etag = models.CharField(_("ETag"), max_length=500, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    # The last body imported without failures: the same bytes again need no parsing.
    body_digest = models.CharField(max_length=64, blank=True, editable=False)
    last_fetched_at = models.DateTimeField(
        _("last fetched at"), null=True, blank=True, editable=False
    )
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(
        _("consecutive failures"), default=0, editable=False
    )
    next_due_at = models.DateTimeField(
        _("next due"), default=timezone.now, db_index=True, editable=False
    )
    # While set and in the future, one importer holds this source (see importers.lease).
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    lease_holder = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("partner"), FieldPanel("target_blog")]),
        MultiFieldPanel(
            [
                FieldPanel("locale"),
                FieldPanel("review_mode"),
                FieldPanel("default_themes"),
                FieldPanel("default_category"),
                FieldPanel("allow_free_tags"),
            ],
            heading=_("Publishing"),
        ),
        FieldRowPanel([FieldPanel("active"), FieldPanel("poll_interval")], heading=_("Schedule")),
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
        verbose_name = _("feed source")
        verbose_name_plural = _("feed sources")

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

    source = models.ForeignKey(
        FeedSource, on_delete=models.CASCADE, related_name="entries", verbose_name=_("source")
    )
    key = models.TextField(
        _("key"), help_text=_("The entry's guid, else its link, else a content hash.")
    )
    # Unique with the source: a guid or link can be longer than a database index allows.
    key_digest = models.CharField(max_length=64, editable=False)
    guid = models.TextField(_("guid"), blank=True)
    link = models.URLField(_("link"), max_length=2000, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    # The raw entry's digest when last imported (importers.core.clean.entry_digest): the same
    # digest again means an unchanged entry, recognised without cleaning it.
    entry_digest = models.CharField(max_length=64, blank=True, editable=False)
    page = models.ForeignKey(
        BlogPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    first_seen_at = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now)

    class Meta:
        verbose_name = _("imported entry")
        verbose_name_plural = _("imported entries")
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
        RUNNING = "running", _("Running")
        OK = "ok", _("Imported")
        NOT_MODIFIED = "not_modified", _("Not modified")
        REJECTED = "rejected", _("Rejected")
        FAILED = "failed", _("Failed")

    source = models.ForeignKey(
        FeedSource, on_delete=models.CASCADE, related_name="runs", verbose_name=_("source")
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    new = models.PositiveIntegerField(pgettext_lazy("entries", "new"), default=0)
    updated = models.PositiveIntegerField(pgettext_lazy("entries", "updated"), default=0)
    unchanged = models.PositiveIntegerField(pgettext_lazy("entries", "unchanged"), default=0)
    skipped = models.PositiveIntegerField(pgettext_lazy("entries", "skipped"), default=0)
    failed = models.PositiveIntegerField(pgettext_lazy("entries", "failed"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"

    def __str__(self):
        return _("%(source)s at %(time)s") % {
            "source": self.source,
            "time": f"{self.started_at:%Y-%m-%d %H:%M}",
        }

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None
