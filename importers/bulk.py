"""New entries written as posts in bulk: a few queries per batch instead of ~80 per post.

Wagtail's ``add_child`` + ``save_revision`` + ``publish`` runs validation, signals,
search and reference indexing and audit logging one page at a time (~160 ms a post on
SQLite). A feed brings hundreds of new entries at once, so this writes the same rows —
tree position, page and post, revision, themes, tags, categories, audit log — a batch at
a time, and leaves the search index to one background task per batch. Updates take
Wagtail's own path (``publish.publish_entry``), as does the fallback after a conflict.
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django_tasks import task
from modelsearch.backends import get_search_backends
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from blog.models import BlogPage, BlogPageTag, BlogPageTheme
from blog.slugs import free_slug, slug_base

from .models import ImportedEntry
from .publish import fill_post


def create_posts(source, entries, themes_by_slug, now, blog=None):
    """Posts and ImportedEntry records for ``entries`` (all new to ``source``) under
    ``blog`` (default: the source's blog), in one transaction: a concurrent importer's
    duplicate makes the whole batch roll back (IntegrityError) for the caller to redo entry
    by entry. Returns the records."""
    publish = source.review_mode == source.ReviewMode.LIVE
    blog_id = blog.pk if blog is not None else source.target_blog_id
    with transaction.atomic():
        blog = Page.objects.select_for_update().get(pk=blog_id)
        posts = [_new_post(source, entry, themes_by_slug) for entry in entries]
        _place(blog, posts, publish, now)
        # Serialised before the rows exist, while themes and tags are still in memory:
        # afterwards modelcluster would read every relation back from the database.
        contents = [post.serializable_data() for post in posts]
        _insert(posts)
        revisions = _revisions(posts, contents, publish, now)
        _relations(posts)
        Page.objects.filter(pk=blog.pk).update(numchild=F("numchild") + len(posts))
        _log(posts, revisions, publish, now)
        records = ImportedEntry.objects.bulk_create(
            ImportedEntry(
                source=source,
                key=entry.key,
                key_digest=ImportedEntry.digest(entry.key),
                guid=entry.guid,
                link=entry.link,
                content_hash=entry.content_hash,
                entry_digest=entry.digest,
                page=post,
                first_seen_at=now,
                last_seen_at=now,
            )
            for entry, post in zip(entries, posts, strict=True)
        )
    transaction.on_commit(partial(index_posts.enqueue, [post.pk for post in posts]))
    if publish:
        for post, revision in zip(posts, revisions, strict=True):
            page_published.send(sender=BlogPage, instance=post, revision=revision)
    elif (workflow := posts[0].get_workflow()) is not None:  # drafts go up for review
        for post in posts:
            workflow.start(post, user=None)
    return records


def _new_post(source, entry, themes_by_slug):
    post = BlogPage(live=False)
    fill_post(post, source, entry, themes_by_slug)
    post.auto_excerpt = entry.summary  # the core's excerpt of the same text
    return post


def _place(blog, posts, publish, now):
    """Slugs, tree paths and addresses below ``blog``, as ``add_child`` would give them."""
    children = Page.objects.filter(path__startswith=blog.path, depth=blog.depth + 1)
    last = children.order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last[-Page.steplen :]) if last else 0
    taken = set(children.values_list("slug", flat=True))
    content_type = ContentType.objects.get_for_model(BlogPage)
    for post in posts:
        position += 1
        post.slug = free_slug(slug_base(post.title), taken)
        taken.add(post.slug)
        post.path = Page._get_path(blog.path, blog.depth + 1, position)
        post.depth, post.numchild = blog.depth + 1, 0
        post.url_path = f"{blog.url_path}{post.slug}/"
        post.locale_id = blog.locale_id
        post.content_type = content_type
        post.draft_title = post.title
        post.live = publish
        post.has_unpublished_changes = not publish
        if publish:
            post.first_published_at = post.last_published_at = now


def _insert(posts):
    """The page rows, then the posts' own rows, a statement each.

    ``bulk_create`` refuses a multi-table model as a whole, so the ``Page`` manager writes
    the parent rows (it reads only ``Page``'s fields from each post) and the rows of the
    post table go in through ``_insert``, the step of ``bulk_create`` below that refusal.
    """
    Page.objects.bulk_create(posts)  # sets each post's ``id``
    for post in posts:
        post.page_ptr_id = post.id
    BlogPage.objects._insert(posts, fields=BlogPage._meta.local_concrete_fields)
    for post in posts:
        post._state.adding = False


def _revisions(posts, contents, publish, now):
    """One revision per post, and the posts pointed at it in one UPDATE."""
    page_type = ContentType.objects.get_for_model(Page)
    for post, content in zip(posts, contents, strict=True):
        content["pk"] = post.pk
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type_id=post.content_type_id,
            base_content_type=page_type,
            object_id=str(post.pk),
            created_at=now,
            object_str=post.title,
            content=content,
        )
        for post, content in zip(posts, contents, strict=True)
    )
    own_revision = Subquery(
        Revision.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        ).values("pk")[:1]
    )
    Page.objects.filter(pk__in=[post.pk for post in posts]).update(
        latest_revision_id=own_revision,
        latest_revision_created_at=now,
        live_revision_id=own_revision if publish else None,
    )
    for post, revision in zip(posts, revisions, strict=True):
        post.latest_revision = revision
        post.live_revision = revision if publish else None
    return revisions


def _relations(posts):
    BlogPageTheme.objects.bulk_create(
        BlogPageTheme(tag=theme, content_object_id=post.pk)
        for post in posts
        for theme in post.themes.all()
    )
    names = {name for post in posts for name in post.tags.names()}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in names - tags.keys():
        tags[name] = Tag.objects.create(name=name)
    BlogPageTag.objects.bulk_create(
        BlogPageTag(tag=tags[name], content_object_id=post.pk)
        for post in posts
        for name in post.tags.names()
    )
    through = BlogPage.categories.through
    through.objects.bulk_create(
        through(blogpage_id=post.pk, blogcategory_id=category.pk)
        for post in posts
        for category in post.categories.all()
    )


def _log(posts, revisions, publish, now):
    actions = ["wagtail.create"] + (["wagtail.publish"] if publish else [])
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page_id=post.pk,
            content_type_id=post.content_type_id,
            label=post.title,
            action=action,
            revision=revision,
            timestamp=now,
            content_changed=True,
            data={"source": "feed import"},
        )
        for post, revision in zip(posts, revisions, strict=True)
        for action in actions
    )


@task()
def index_posts(post_ids: list[int]) -> int:
    """Search-index posts written in bulk, themes and authors included, in one go."""
    posts = list(
        BlogPage.objects.filter(pk__in=post_ids).prefetch_related("themes", "author_links__person")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(BlogPage, posts)
    return len(posts)
