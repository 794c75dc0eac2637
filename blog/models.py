"""Blog pages: the index with its archives and feeds, and the posts.

Archives (theme, category, author, series, year, month) are routes on the index through
``RoutablePageMixin`` (https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html);
each archive ``X/`` also serves ``X/feed/``, ``X/feed/atom/`` and ``X/feed/json/``.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial
from html import unescape

import django_comments
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelsearch.tasks import insert_or_update_object_task
from rest_framework.fields import CharField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from vocabulary.models import (
    City,
    NamedSlugModel,
    Organisation,
    Person,
    Theme,
    rank_by_shared_themes,
)
from vocabulary.serializers import NestedListField, RenderedStreamField
from vocabulary.translations import TranslatedText, with_translations

from . import feeds
from .blocks import BlogBodyBlock
from .conf import blog_settings
from .rendering import rendered_body
from .routing import SingleChildTypeRouteMixin

EXCERPT_WORDS = 45
MAX_PAGE_NUMBER = 100_000

# Path segments the index routes own: a post with one of these slugs could never be reached.
RESERVED_SLUGS = {"theme", "category", "author", "series", "feed"}

# "", "feed/", "feed/atom/" or "feed/json/" after an archive's own path.
FEED_SUFFIX = r"(?:(?P<feed>feed)/(?:(?P<feed_format>atom|json)/)?)?$"


@with_translations
class BlogCategory(NamedSlugModel, TranslatedText):
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(NamedSlugModel.Meta):
        verbose_name = _("blog category")
        verbose_name_plural = _("blog categories")


@with_translations
class BlogSeries(NamedSlugModel, TranslatedText):
    """Posts meant to be read in order, e.g. the "Cities Diplomacy Series"."""

    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(NamedSlugModel.Meta):
        verbose_name = _("blog series")
        verbose_name_plural = pgettext_lazy("plural", "blog series")


class BlogPageTheme(TaggedItemBase):
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="blog_page_items")
    content_object = ParentalKey(
        "blog.BlogPage", on_delete=models.CASCADE, related_name="theme_items"
    )


class BlogPageTag(TaggedItemBase):
    """Free tags: labels a partner feed used that match no curated theme."""

    content_object = ParentalKey(
        "blog.BlogPage", on_delete=models.CASCADE, related_name="tag_items"
    )


class BlogPageAuthor(Orderable):
    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="author_links")
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="blog_author_links",
        verbose_name=_("author"),
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["page", "person"], name="blog_author_once_per_post")
        ]


class BlogPageQuerySet(PageQuerySet):
    def published(self):
        """What a reader may see: live, public, and not dated in the future."""
        return self.live().exclude(under_view_restriction()).filter(date__lte=timezone.now())

    def searchable(self):
        """``published()`` in the plain-column filters a search backend understands."""
        return self.live().public().filter(date__lte=timezone.now())

    def in_locale(self, locale=None):
        """The posts in ``locale`` (a ``Locale`` or its pk), by default the reader's language.

        Every listing a reader sees calls it: each language has its own tree of pages, and
        a French reader's listings hold the French posts only. The default costs no query
        of its own (a join on the locale's language code, not ``Locale.get_active()``).
        """
        if locale is None:
            return self.filter(locale__language_code=active_content_language())
        return self.filter(locale=locale)

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def for_listing(self):
        """Everything a post card shows, in a constant number of queries."""
        return (
            self.defer_streamfields()
            .annotate(comment_count=approved_comment_count())
            .select_related("header_image", "partner")
            .prefetch_related(
                Prefetch("author_links", queryset=BlogPageAuthor.objects.select_related("person")),
                "themes",
                "categories",
                "header_image__renditions",
            )
        )

    def for_feed(self):
        return self.prefetch_related(
            Prefetch("author_links", queryset=BlogPageAuthor.objects.select_related("person")),
            "themes",
        )


BlogPageManager = PageManager.from_queryset(BlogPageQuerySet)


def active_content_language():
    """The language code of the reader's locale, as ``Locale.get_active()`` picks it."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def approved_comment_count():
    """The number of public comments on each post, as a subquery.

    Through ``django_comments.get_model()`` (the comment app's model, whatever it is) and the
    flags every django_comments model has, so the blog depends on no comment app of ours;
    a site without django_comments counts none.
    """
    if not apps.is_installed("django_comments"):
        return Value(0)
    comments = (
        django_comments.get_model()
        .objects.filter(
            content_type__app_label="blog",
            content_type__model="blogpage",
            object_pk=Cast(OuterRef("pk"), models.CharField()),
            is_public=True,
            is_removed=False,
        )
        .order_by()
        .values("object_pk")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(comments), 0)


def under_view_restriction():
    """True for a page that is, or lies below, a page with a view restriction.

    Does what ``PageQuerySet.public()`` does inside the same SQL statement, where ``public()``
    first loads every restriction in a query of its own. The restricted page's path is a
    scalar subquery rather than a join, so the database walks the (short) restriction
    table, not the page tree, for each post.
    """
    restricted_path = Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1]
    return Exists(
        PageViewRestriction.objects.annotate(restricted_path=Subquery(restricted_path)).filter(
            StartsWith(OuterRef("path"), F("restricted_path"))
        )
    )


# What a reader sees of each kind of archive: its label above the title, and the words
# before its feed links.
ARCHIVE_KINDS = {
    "all": (_("All posts"), _("Follow:")),
    "theme": (pgettext_lazy("archive kind", "Theme"), _("Follow this theme:")),
    "category": (pgettext_lazy("archive kind", "Category"), _("Follow this category:")),
    "author": (pgettext_lazy("archive kind", "Author"), _("Follow this author:")),
    "series": (pgettext_lazy("archive kind", "Series"), _("Follow this series:")),
    "year": (pgettext_lazy("archive kind", "Year"), _("Follow this year:")),
    "month": (pgettext_lazy("archive kind", "Month"), _("Follow this month:")),
}


@dataclass
class Archive:
    """One listing of posts on a blog index: all posts, or those of one theme, author...

    ``title`` and ``description`` are in the reader's language (a theme's translated name).
    """

    kind: str
    title: str
    path: str  # below the index URL, e.g. "theme/urbansdg/"
    posts: BlogPageQuerySet
    description: str = ""
    subject: object = None  # the Theme, Person, BlogCategory or BlogSeries, if any

    @property
    def kind_label(self):
        return ARCHIVE_KINDS[self.kind][0]

    @property
    def follow_label(self):
        return ARCHIVE_KINDS[self.kind][1]


@dataclass
class PostsPage:
    """One page of a listing, and whether pages come before and after it.

    Looks one post ahead instead of counting them all: listings show newer/older links,
    not a page total, and save a COUNT over the whole archive on every request.
    """

    object_list: list
    number: int
    has_next: bool

    @classmethod
    def of(cls, posts, number):
        """Page ``number`` (a string from the query string) of ``posts``; ValueError if none."""
        number = int(number)
        per_page = blog_settings.BLOG_POSTS_PER_PAGE
        start = (number - 1) * per_page
        if not 1 <= number <= MAX_PAGE_NUMBER:  # a huge offset overflows the database's integer
            raise ValueError(number)
        rows = list(posts[start : start + per_page + 1])
        if number > 1 and not rows:
            raise ValueError(number)
        return cls(rows[:per_page], number, len(rows) > per_page)

    def __iter__(self):
        return iter(self.object_list)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


class BlogIndexPage(RoutablePageMixin, SingleChildTypeRouteMixin, Page):
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], verbose_name=_("introduction")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["blog.BlogPage"]
    child_related = ("series", "partner")  # the post page shows both

    class Meta:
        verbose_name = _("blog")
        verbose_name_plural = _("blogs")

    def posts(self):
        """This blog's published posts, newest first: its children, so in its own language."""
        return BlogPage.objects.child_of(self).published().newest_first()

    def subject_archive(self, kind, model, slug, lookup, description_field="description"):
        """The posts about one theme, category, author or series; 404 for an unknown slug."""
        subject = get_object_or_404(model, slug=slug)
        translated = isinstance(subject, TranslatedText)
        return Archive(
            kind,
            subject.translated_name if translated else subject.name,
            self.subject_path(kind, subject.slug),
            self.posts().filter(**{lookup: subject}),
            subject.translated_description if translated else getattr(subject, description_field),
            subject,
        )

    def subject_path(self, kind, slug):
        """Where the archive of one theme, category, author or series lives below the blog."""
        return self.reverse_subpage(kind, kwargs={"slug": slug})

    def archive_url(self, archive_path, request=None):
        return self.get_url(request) + archive_path

    # Routes -------------------------------------------------------------------------------

    @re_path(r"^" + FEED_SUFFIX, name="all")
    def all_posts(self, request, feed=None, feed_format=None):
        archive = Archive("all", self.title, "", self.posts(), description=strip_tags(self.intro))
        return self.serve_archive(request, archive, feed, feed_format)

    @re_path(r"^theme/(?P<slug>[-\w]+)/" + FEED_SUFFIX, name="theme")
    def theme_archive(self, request, slug, feed=None, feed_format=None):
        archive = self.subject_archive("theme", Theme, slug, "themes")
        return self.serve_archive(request, archive, feed, feed_format)

    @re_path(r"^category/(?P<slug>[-\w]+)/" + FEED_SUFFIX, name="category")
    def category_archive(self, request, slug, feed=None, feed_format=None):
        archive = self.subject_archive("category", BlogCategory, slug, "categories")
        return self.serve_archive(request, archive, feed, feed_format)

    @re_path(r"^author/(?P<slug>[-\w]+)/" + FEED_SUFFIX, name="author")
    def author_archive(self, request, slug, feed=None, feed_format=None):
        archive = self.subject_archive("author", Person, slug, "author_links__person", "role")
        return self.serve_archive(request, archive, feed, feed_format)

    @re_path(r"^series/(?P<slug>[-\w]+)/" + FEED_SUFFIX, name="series")
    def series_archive(self, request, slug, feed=None, feed_format=None):
        archive = self.subject_archive("series", BlogSeries, slug, "series")
        if not feed:  # a series page reads in order; its feed stays newest first
            archive.posts = archive.posts.order_by("series_position", "date", "pk")
        return self.serve_archive(request, archive, feed, feed_format)

    @re_path(r"^(?P<year>\d{4})/" + FEED_SUFFIX, name="year")
    def year_archive(self, request, year, feed=None, feed_format=None):
        archive = Archive("year", year, f"{year}/", self.posts().filter(date__year=int(year)))
        return self.serve_archive(request, archive, feed, feed_format, empty_is_404=True)

    @re_path(r"^(?P<year>\d{4})/(?P<month>0[1-9]|1[0-2])/" + FEED_SUFFIX, name="month")
    def month_archive(self, request, year, month, feed=None, feed_format=None):
        archive = Archive(
            "month",
            # "December 2014", "décembre 2014", "diciembre de 2014"
            date_format(date(int(year), int(month), 1), "YEAR_MONTH_FORMAT"),
            f"{year}/{month}/",
            self.posts().filter(date__year=int(year), date__month=int(month)),
        )
        return self.serve_archive(request, archive, feed, feed_format, empty_is_404=True)

    # Rendering ----------------------------------------------------------------------------

    def serve_archive(self, request, archive, feed, feed_format, empty_is_404=False):
        if feed:
            return feeds.serve_blog_feed(request, self, archive, feed_format or "rss")
        try:
            posts = PostsPage.of(archive.posts.for_listing(), request.GET.get("page", "1"))
        except ValueError as error:
            raise Http404(gettext("No such page of posts.")) from error
        if empty_is_404 and not posts.object_list:
            raise Http404(gettext("No posts in this period."))
        archive_url = self.archive_url(archive.path, request)
        return self.render(
            request,
            context_overrides={
                "archive": archive,
                "posts": posts,
                "archive_url": archive_url,
                "feeds": feeds.feed_links(archive_url, archive.title),
            },
        )


class BlogPage(Page):
    date = models.DateTimeField(
        _("display date"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "Shown on the post and used to order it; a future date keeps it out of "
            "listings and feeds until then."
        ),
    )
    excerpt = models.TextField(
        _("excerpt"),
        blank=True,
        help_text=_(
            "A sentence or two for listings and feeds. Left empty, the start of the body is used."
        ),
    )
    # The body's opening words, kept on save so listings need not load the body.
    auto_excerpt = models.TextField(blank=True, editable=False)
    body = StreamField(BlogBodyBlock(), blank=True, verbose_name=_("body"))
    header_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("header image"),
    )
    categories = ParentalManyToManyField(
        BlogCategory, blank=True, related_name="posts", verbose_name=_("categories")
    )
    series = models.ForeignKey(
        BlogSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        verbose_name=_("series"),
    )
    series_position = models.PositiveSmallIntegerField(
        _("position in the series"), null=True, blank=True
    )
    themes = ClusterTaggableManager(through=BlogPageTheme, blank=True, verbose_name=_("themes"))
    tags = ClusterTaggableManager(
        through=BlogPageTag,
        blank=True,
        verbose_name=_("free tags"),
        help_text=_("Other labels, e.g. those a partner's feed used that match no theme."),
    )
    cities = ParentalManyToManyField(
        City,
        blank=True,
        related_name="posts",
        verbose_name=_("cities"),
        help_text=_("Cities this post is about."),
    )
    comments_enabled = models.BooleanField(_("comments open"), default=True)
    # Set for posts that came from a partner's feed; empty for our own.
    source_url = models.URLField(
        _("original article"),
        max_length=1000,
        blank=True,
        help_text=_("The canonical address of a post first published elsewhere."),
    )
    partner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blog_posts",
        verbose_name=_("partner"),
        help_text=_("The partner organisation that first published this post."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=500,
        blank=True,
        help_text=_(
            "Authors as the original credits them, for posts by people without a "
            "profile here (e.g. imported from a partner's feed)."
        ),
    )

    objects = BlogPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        InlinePanel("author_links", heading=_("Authors"), label=_("Author"), min_num=0),
        FieldPanel("excerpt"),
        FieldPanel("header_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("categories"),
                FieldPanel("tags"),
                FieldPanel("cities"),
                FieldRowPanel([FieldPanel("series"), FieldPanel("series_position")]),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("source_url"), FieldPanel("partner"), FieldPanel("byline")],
            heading=_("Partner post"),
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("comments_enabled")]

    search_fields = Page.search_fields + [
        index.SearchField("excerpt"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields(
            "author_links", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
        index.FilterField("pk"),  # with date: a stable newest-first order for search results
    ]

    # The read API's fields (blog.api); a listing fetches what they read in POST_RELATIONS.
    api_fields = [
        APIField("date"),
        APIField("authors", serializer=NestedListField(Person)),  # in their order
        APIField("excerpt", serializer=CharField(source="summary", read_only=True)),
        APIField("header_image"),
        APIField("body", serializer=RenderedStreamField()),
        APIField("themes", serializer=NestedListField(Theme)),
        APIField("categories"),
        APIField("series"),
        APIField("series_position"),
        APIField("cities"),
        # A partner's post: where it first appeared (its canonical address), and who.
        APIField("source_url"),
        APIField("partner"),
        APIField("byline"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    # Derived values ----------------------------------------------------------------------

    @property
    def summary(self):
        return self.excerpt or self.auto_excerpt

    @property
    def authors(self):
        return [link.person for link in self.author_links.all()]

    @property
    def rendered_body(self):
        return rendered_body(self)

    def save(self, *args, **kwargs):
        self.auto_excerpt = body_excerpt(self.body)
        super().save(*args, **kwargs)
        # The search index is written on post_save, before modelcluster saves the themes and
        # authors it includes: index the post again once they are saved and committed.
        transaction.on_commit(
            partial(insert_or_update_object_task.enqueue, "blog", "blogpage", str(self.pk))
        )

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS or (self.slug.isdigit() and len(self.slug) == 4):
            raise ValidationError(
                {
                    "slug": gettext("“%(slug)s” is taken by the blog’s archives.")
                    % {"slug": self.slug}
                }
            )

    def is_published_for_readers(self):
        return self.date <= timezone.now()

    def related_posts(self, themes, limit=3):
        """Other published posts in this post's language sharing the most of ``themes``."""
        return posts_sharing_themes(themes, limit, exclude_pk=self.pk, locale=self.locale_id)

    def series_neighbours(self):
        """The posts before and after this one in its series, for reading on."""
        if not self.series_id:
            return None, None
        in_order = list(
            BlogPage.objects.published()
            .in_locale(self.locale_id)
            .filter(series_id=self.series_id)
            .order_by("series_position", "date", "pk")
            .values_list("pk", flat=True)
        )
        if self.pk not in in_order:
            return None, None
        at = in_order.index(self.pk)
        previous_pk = in_order[at - 1] if at > 0 else None
        next_pk = in_order[at + 1] if at + 1 < len(in_order) else None
        wanted = [pk for pk in (previous_pk, next_pk) if pk is not None]
        neighbours = BlogPage.objects.filter(pk__in=wanted).only("title", "url_path")
        by_pk = {post.pk: post for post in neighbours} if wanted else {}
        return by_pk.get(previous_pk), by_pk.get(next_pk)

    # Serving -----------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        if not self.is_published_for_readers() and not self._user_may_edit(request.user):
            raise Http404(gettext("This post is not published yet."))
        return super().serve(request, *args, **kwargs)

    def _user_may_edit(self, user):
        return user.is_authenticated and self.permissions_for_user(user).can_edit()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(self.themes.all())
        previous, following = self.series_neighbours()
        blog = self.get_parent().specific
        context.update(
            blog=blog,
            feeds=feeds.feed_links(blog.get_url(request), blog.title),
            authors=[link.person for link in self.author_links.select_related("person")],
            themes=themes,
            categories=list(self.categories.all()),
            cities=list(self.cities.all()),
            related_posts=self.related_posts(themes),
            series_previous=previous,
            series_next=following,
            # Reader comments, where the host installs the discussion app.
            with_comments=apps.is_installed("discussion"),
        )
        return context

    def get_sitemap_urls(self, request=None):
        if not self.is_published_for_readers():
            return []
        return super().get_sitemap_urls(request)


def posts_sharing_themes(themes, limit=3, exclude_pk=None, locale=None):
    """Published posts in ``locale`` (default: the reader's) sharing the most of ``themes``,
    newest first among equals."""
    ranked = rank_by_shared_themes(
        BlogPageTheme,
        [theme.pk for theme in themes],
        BlogPage.objects.published().in_locale(locale),
        exclude_pk=exclude_pk,
        limit=limit,
    )
    posts = BlogPage.objects.defer_streamfields().in_bulk(ranked)
    return [posts[pk] for pk in ranked]


def body_excerpt(body, words=EXCERPT_WORDS):
    """Plain text from the body's first paragraphs, cut at a word boundary."""
    text = []
    for block in body:
        if block.block_type == "paragraph":
            text.append(unescape(strip_tags(block.value.source)))
        elif block.block_type == "partner_html":
            text.append(unescape(strip_tags(block.value)))
        elif block.block_type in ("quote", "callout"):
            break
        if sum(len(t.split()) for t in text) >= words:
            break
    return Truncator(" ".join(" ".join(text).split())).words(words, truncate="…")
