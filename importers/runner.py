"""One import of one source: fetch, parse, tag, publish, and record what happened."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.utils import timezone

from vocabulary.models import Theme

from .core.fetch import fetch
from .core.parse import parse_feed
from .core.themes import ThemeMatcher, tag
from .core.types import FetchSettings, Rejected, ThemeTerms
from .lease import SourceBusy, leased
from .models import FeedSource, ImportRun
from .publish import publish_entry, themes_by_slug


@dataclass
class EntryReport:
    key: str
    action: str  # new, updated, unchanged, skipped, failed (or "would import" in a dry run)
    page_id: int | None = None
    url: str = ""
    title: str = ""
    themes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    status: str  # ok, not_modified, rejected
    error: str | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    entries: list[EntryReport] = field(default_factory=list)

    def count(self, action):
        setattr(self, action, getattr(self, action) + 1)

    def as_dict(self):
        return asdict(self)


def fetch_settings():
    return FetchSettings(
        user_agent=settings.IMPORTER_USER_AGENT,
        max_bytes=settings.IMPORTER_MAX_BYTES,
        allow_private=settings.IMPORTER_ALLOW_PRIVATE_HOSTS,
    )


def theme_matcher():
    return ThemeMatcher(
        ThemeTerms(theme.slug, (theme.name, theme.slug, theme.hashtag, *theme.synonym_list))
        for theme in Theme.objects.all()
    )


def run_import(source: FeedSource, *, body: bytes | None = None, dry_run=False) -> ImportReport:
    """Import ``source`` (or ``body``, a feed read from a file, on its behalf).

    A rejected feed leaves the source's posts and entries as they were; a dry run reads and
    tags but writes nothing.
    """
    if dry_run:
        return _import(source, body, run=None, dry_run=True)
    try:
        with leased(source):
            source.refresh_from_db()
            run = ImportRun.objects.create(source=source)
            report = _import(source, body, run, dry_run=False)
    except SourceBusy as busy:
        return ImportReport(status="rejected", error=str(busy))
    return report


def _import(source, body, run, dry_run):
    now = timezone.now()
    report = ImportReport(status="ok")
    try:
        url, content_type = source.url, ""
        if body is None:
            fetched = fetch(source.url, fetch_settings(), source.etag, source.last_modified)
            if fetched.not_modified:
                report.status = "not_modified"
                return _finish(source, run, report, now, dry_run)
            body, url, content_type = fetched.body, fetched.url, fetched.content_type
            if not dry_run:
                source.etag, source.last_modified = fetched.etag, fetched.last_modified
                if fetched.permanent_url:
                    source.url = fetched.permanent_url
        feed = parse_feed(body, url, now, content_type)
    except Rejected as rejected:
        report.status, report.error = "rejected", str(rejected)
        return _finish(source, run, report, now, dry_run)

    matcher = theme_matcher()
    defaults = list(source.default_themes.values_list("slug", flat=True)) if source.pk else []
    themes = themes_by_slug()
    for skipped in feed.skipped:
        report.count("skipped")
        report.entries.append(EntryReport(skipped.key, "skipped", title=skipped.reason))
    for failed in feed.failed:
        report.count("failed")
        report.entries.append(EntryReport(failed.key, "failed", title=failed.reason))
    for entry in feed.entries:
        tag(entry, matcher, defaults, source.allow_free_tags)
        if dry_run:
            report.entries.append(
                EntryReport(entry.key, "new", title=entry.title, themes=entry.theme_slugs)
            )
            report.count("new")
            continue
        try:
            action, record = publish_entry(source, entry, themes, now)
        except Exception as error:  # one entry's failure must not stop the others
            report.count("failed")
            report.entries.append(EntryReport(entry.key, "failed", title=f"{entry.title}: {error}"))
            continue
        report.count(action)
        page = record.page
        report.entries.append(
            EntryReport(
                entry.key,
                action,
                page_id=page.pk if page else None,
                url=(page.full_url or "") if page else "",
                title=entry.title,
                themes=entry.theme_slugs,
            )
        )
    return _finish(source, run, report, now, dry_run)


def _finish(source, run, report, now, dry_run):
    if dry_run:
        return report
    if report.status == "rejected":
        source.record_failure(now, report.error)
    else:
        source.record_success(now)
    source.save(update_fields=FeedSource.IMPORTER_FIELDS)
    errors = [f"{e.key}: {e.title}" for e in report.entries if e.action == "failed"]
    if report.error:
        errors.insert(0, report.error)
    ImportRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(),
        status=report.status,
        new=report.new,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped=report.skipped,
        failed=report.failed,
        errors=errors,
    )
    return report
