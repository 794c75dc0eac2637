"""One import of one source: fetch, parse, tag, publish, and record what happened."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field

from django.db import IntegrityError
from django.utils import timezone
from wagtail.models import Site

from vocabulary.models import Theme

from .bulk import create_posts
from .conf import importer_settings
from .core.fetch import fetch
from .core.parse import parse_feed
from .core.themes import ThemeMatcher, tag
from .core.types import FetchSettings, Rejected, ThemeTerms
from .languages import BlogsByLanguage, content_languages
from .lease import SourceBusy, leased
from .models import FeedSource, ImportedEntry, ImportRun
from .publish import publish_entry, themes_by_slug

BATCH = 250  # new entries written per transaction

logger = logging.getLogger(__name__)


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
        user_agent=importer_settings.IMPORTER_USER_AGENT,
        max_bytes=importer_settings.IMPORTER_MAX_BYTES,
        allow_private=importer_settings.IMPORTER_ALLOW_PRIVATE_HOSTS,
    )


def theme_terms():
    return [
        ThemeTerms(theme.slug, (theme.name, theme.slug, theme.hashtag, *theme.synonym_list))
        for theme in Theme.objects.all()
    ]


def tagging_salt(terms, defaults, allow_free_tags):
    """What tagging reads besides the entry, for its digest: a theme renamed or given a
    synonym, or a source given other defaults, makes every entry be cleaned and tagged again."""
    return json.dumps([[[t.slug, t.terms] for t in terms], defaults, allow_free_tags])


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
            try:
                return _import(source, body, run, dry_run=False)
            except Exception as error:  # a bug or a database failure, not the feed's fault
                logger.exception("Import of %s failed", source)
                report = ImportReport(status="rejected", error=f"Import failed: {error}")
                return _finish(source, run, report, timezone.now(), dry_run=False)
    except SourceBusy as busy:
        return ImportReport(status="rejected", error=str(busy))


def _import(source, body, run, dry_run):
    now = timezone.now()
    report = ImportReport(status="ok")
    try:
        url, content_type = source.url, ""
        if body is None:
            fetched = fetch(source.url, fetch_settings(), source.etag, source.last_modified)
            if fetched.not_modified:
                report.status = "not_modified"
                if not dry_run:
                    _still_seen(source).update(last_seen_at=now)
                return _finish(source, run, report, now, dry_run)
            body, url, content_type = fetched.body, fetched.url, fetched.content_type
            if not dry_run:
                source.etag, source.last_modified = fetched.etag, fetched.last_modified
                if fetched.permanent_url:
                    source.url = fetched.permanent_url
        digest = hashlib.sha256(body).hexdigest()
        if not dry_run and digest == source.body_digest:
            _mark_seen(source, report, now)
            return _finish(source, run, report, now, dry_run)
        terms = theme_terms()
        defaults = list(source.default_themes.values_list("slug", flat=True)) if source.pk else []
        stored = [] if dry_run else _stored(source)
        known = {row.entry_digest: row for row in stored if row.entry_digest}
        feed = parse_feed(
            body,
            url,
            now,
            content_type,
            known=known,
            salt=tagging_salt(terms, defaults, source.allow_free_tags),
            languages=content_languages(),
        )
    except Rejected as rejected:
        report.status, report.error = "rejected", str(rejected)
        return _finish(source, run, report, now, dry_run)

    matcher = ThemeMatcher(terms)
    for skipped in feed.skipped:
        report.count("skipped")
        report.entries.append(EntryReport(skipped.key, "skipped", title=skipped.reason))
    for failed in feed.failed:
        report.count("failed")
        report.entries.append(EntryReport(failed.key, "failed", title=failed.reason))
    for entry in feed.entries:
        tag(entry, matcher, defaults, source.allow_free_tags)
    if dry_run:
        for entry in feed.entries:
            report.count("new")
            report.entries.append(
                EntryReport(entry.key, "new", title=entry.title, themes=entry.theme_slugs)
            )
    else:
        _write(source, feed, stored, known, report, now)
        source.body_digest = "" if report.failed else digest
    return _finish(source, run, report, now, dry_run)


def _still_seen(source):
    """The entries of the feed as last read: a 304 or the same bytes means they are
    all still there."""
    return source.entries.filter(last_seen_at=source.last_success_at)


def _mark_seen(source, report, now):
    """The same body as last time: its entries, all stored then, are unchanged.

    Servers that ignore conditional requests often send identical bytes; this spares
    parsing them again. A run that failed some entries keeps no digest, so they are retried.
    """
    seen = _still_seen(source)
    for key, page_id, url_path in seen.values_list("key", "page_id", "page__url_path"):
        report.count("unchanged")
        report.entries.append(EntryReport(key, "unchanged", page_id, _full_url(url_path)))
    seen.update(last_seen_at=now)


def _stored(source):
    return list(
        source.entries.values_list(
            "pk",
            "key",
            "key_digest",
            "content_hash",
            "entry_digest",
            "page_id",
            "page__url_path",
            named=True,
        )
    )


def _write(source, feed, stored, known, report, now):
    """Entries recognised by their digest, and cleaned ones found unchanged, are marked seen
    in one statement; new ones are written in batches, changed ones updated one by one (a
    new revision each)."""
    seen, redigested = [], []
    for digest in feed.unchanged:  # not even cleaned
        row = known[digest]
        seen.append(row.pk)
        report.count("unchanged")
        report.entries.append(
            EntryReport(row.key, "unchanged", row.page_id, _full_url(row.page__url_path))
        )
    by_key = {row.key_digest: row for row in stored}
    new = []
    themes = themes_by_slug()
    blogs = BlogsByLanguage(source)
    for entry in feed.entries:
        row = by_key.get(ImportedEntry.digest(entry.key))
        if row is None:
            new.append(entry)
        elif row.content_hash == entry.content_hash:
            # Cleaned again (a new digest version, other themes...) to the same post: its
            # new digest is kept, so the next run needs no cleaning.
            redigested.append(ImportedEntry(pk=row.pk, entry_digest=entry.digest))
            report.count("unchanged")
            report.entries.append(
                _entry_report(entry, "unchanged", row.page_id, row.page__url_path)
            )
        else:  # an update stays where its post is, whatever language the entry says now
            _write_one(source, entry, themes, report, now)
    ImportedEntry.objects.filter(pk__in=seen + [r.pk for r in redigested]).update(last_seen_at=now)
    ImportedEntry.objects.bulk_update(redigested, ["entry_digest"], batch_size=BATCH)

    # New posts go to the blog of their language (see languages.py), a batch per blog.
    by_blog = {}
    for entry in new:
        blog = blogs.blog_for(entry.language)
        by_blog.setdefault(blog.pk, (blog, []))[1].append(entry)
    for blog, entries in by_blog.values():
        for start in range(0, len(entries), BATCH):
            batch = entries[start : start + BATCH]
            try:
                records = create_posts(source, batch, themes, now, blog=blog)
            except IntegrityError:  # another importer stored some of them: go one by one
                for entry in batch:
                    _write_one(source, entry, themes, report, now, blog=blog)
                continue
            for entry, record in zip(batch, records, strict=True):
                report.count("new")
                report.entries.append(
                    _entry_report(entry, "new", record.page.pk, record.page.url_path)
                )


def _write_one(source, entry, themes, report, now, blog=None):
    try:
        action, record = publish_entry(source, entry, themes, now, blog=blog)
    except Exception as error:  # one entry's failure must not stop the others
        report.count("failed")
        report.entries.append(EntryReport(entry.key, "failed", title=f"{entry.title}: {error}"))
        return
    report.count(action)
    page = record.page
    report.entries.append(
        _entry_report(entry, action, page.pk if page else None, page.url_path if page else "")
    )


def _entry_report(entry, action, page_id, url_path):
    return EntryReport(
        entry.key,
        action,
        page_id=page_id,
        url=_full_url(url_path),
        title=entry.title,
        themes=entry.theme_slugs,
    )


def _full_url(url_path):
    """A page's address from its tree path, through Wagtail's cached site roots."""
    for root in Site.get_site_root_paths():
        if url_path and url_path.startswith(root.root_path):
            return root.root_url + "/" + url_path[len(root.root_path) :]
    return ""


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
