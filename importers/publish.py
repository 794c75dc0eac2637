"""Entries -> blog posts through Wagtail's own page API, one at a time: updates, and new
entries whose batch could not be written in bulk (see ``bulk``)."""

from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from blog.models import BlogPage
from blog.slugs import free_child_slug
from vocabulary.models import Theme

from .languages import BlogsByLanguage
from .models import FeedSource, ImportedEntry

MAX_SOURCE_URL = BlogPage._meta.get_field("source_url").max_length


def publish_entry(source, entry, themes_by_slug, now, blog=None):
    """Create or update the post for ``entry``; returns (action, ImportedEntry).

    A new post goes under ``blog`` (the source's blog in the entry's language, see
    ``languages``; by default the source's blog); an update stays where its post is.

    action is "new", "updated" or "unchanged". Runs in its own transaction, so one bad
    entry never undoes the others; a concurrent importer that stored the same entry first
    makes this one "unchanged" through the unique constraint.
    """
    digest = ImportedEntry.digest(entry.key)
    record = ImportedEntry.objects.filter(source=source, key_digest=digest).first()
    if record is not None and record.content_hash == entry.content_hash:
        ImportedEntry.objects.filter(pk=record.pk).update(
            last_seen_at=now, entry_digest=entry.digest
        )
        return "unchanged", record
    try:
        with transaction.atomic():
            if record is None:
                page = _create_post(source, entry, themes_by_slug, blog or source.target_blog)
                record = ImportedEntry.objects.create(
                    source=source,
                    key=entry.key,
                    key_digest=digest,
                    guid=entry.guid,
                    link=entry.link,
                    content_hash=entry.content_hash,
                    entry_digest=entry.digest,
                    page=page,
                    first_seen_at=now,
                    last_seen_at=now,
                )
                return "new", record
            _update_post(source, record.page, entry, themes_by_slug)
            record.content_hash, record.last_seen_at = entry.content_hash, now
            record.link, record.entry_digest = entry.link, entry.digest
            record.save(update_fields=["content_hash", "last_seen_at", "link", "entry_digest"])
            return "updated", record
    except IntegrityError:
        # Another importer stored this entry between our read and our write.
        return "unchanged", ImportedEntry.objects.get(source=source, key_digest=digest)


def _create_post(source: FeedSource, entry, themes_by_slug, blog):
    post = BlogPage(slug=free_child_slug(blog, entry.title), live=False)
    fill_post(post, source, entry, themes_by_slug)
    blog.add_child(instance=post)
    _save(post, source)
    return post


def _update_post(source, post, entry, themes_by_slug):
    """A new revision of the same page (same URL); live posts stay live."""
    if post is None:  # an editor deleted the post: leave it deleted
        return
    was_live = post.live
    post = post.get_latest_revision_as_object()
    fill_post(post, source, entry, themes_by_slug)
    _save(post, source, publish=was_live)


def fill_post(post, source, entry, themes_by_slug):
    post.title = entry.title or untitled(source, entry)
    if entry.dated or post.pk is None:  # an undated entry keeps the date it first got
        post.date = entry.published
    post.excerpt = entry.summary
    post.body = [("partner_html", entry.body_html + _enclosure_links(entry.enclosures))]
    post.source_url = entry.link if len(entry.link) <= MAX_SOURCE_URL else ""
    post.partner = source.partner
    post.byline = ", ".join(entry.authors)[:500]
    post.themes.set([themes_by_slug[slug] for slug in entry.theme_slugs if slug in themes_by_slug])
    post.tags.set(entry.free_tags)
    post.categories = [source.default_category] if source.default_category else []


def untitled(source, entry):
    """ "Untitled" in the language the post is made in."""
    with translation.override(BlogsByLanguage(source).language(entry.language)):
        return gettext("Untitled")


def _save(post, source, publish=None):
    revision = post.save_revision(log_action=True)
    if publish if publish is not None else source.review_mode == source.ReviewMode.LIVE:
        revision.publish()
    elif (workflow := post.get_workflow()) is not None and not post.workflow_in_progress:
        workflow.start(post, user=None)


def _enclosure_links(enclosures):
    """Attachments (e.g. a PDF report) as links to the partner's copy: never downloaded."""
    if not enclosures:
        return ""
    items = format_html_join(
        "",
        '<li><a href="{}" rel="nofollow noopener">{}</a>{}</li>',
        (
            (
                enclosure.url,
                enclosure.url.rsplit("/", 1)[-1] or enclosure.url,
                f" ({enclosure.media_type}, {filesizeformat(enclosure.length)})"
                if enclosure.length
                else (f" ({enclosure.media_type})" if enclosure.media_type else ""),
            )
            for enclosure in enclosures
        ),
    )
    return format_html('<ul class="enclosures">{}</ul>', items)


def themes_by_slug():
    return {theme.slug: theme for theme in Theme.objects.all()}
