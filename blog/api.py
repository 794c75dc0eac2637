"""The blog's part of the read API (Wagtail API v2): the pages, images and documents a
reader may see, and the blog's categories and series.

What a reader may see is the blog's one rule, ``BlogPage.objects.published()``, applied to
pages of every type whoever asks: live, under no view restriction (a password or a login
opens a page on the site, never in the API), and for posts not dated in the future.
Images and documents: those that a readable page or a snippet (a person's photo, a
theme's image) uses, by Wagtail's reference index, and in collections under no view
restriction, as guest uploads wait in one until their post is published
(``contributions.uploads``). A file only a draft, private or future post uses stays out.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import BigIntegerField, CharField, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Cast
from django.db.models.lookups import StartsWith
from wagtail.api.v2 import serializers, views
from wagtail.api.v2.serializers import PageAliasOfField
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from vocabulary import api as vocabulary_api

from .models import BlogCategory, BlogPage, BlogPageAuthor, BlogSeries, under_view_restriction

# What a post's API fields read, fetched once for a whole listing.
POST_RELATIONS = [
    Prefetch("author_links", queryset=BlogPageAuthor.objects.select_related("person")),
    "themes",
    "categories",
    "cities",
    "series",
    "partner",
    "header_image",
]


def readable_pages():
    """Pages of every type that a reader may see."""
    return (
        Page.objects.live()
        .exclude(under_view_restriction())
        .filter(Q(blogpage__isnull=True) | Q(pk__in=BlogPage.objects.published().values("pk")))
    )


class ReadableAliasOfField(PageAliasOfField):
    """The page an alias copies, where a reader may see it; else null, so a public alias
    does not name a private original."""

    def get_attribute(self, instance):
        if instance.alias_of_id is None:
            return None
        return readable_pages().filter(pk=instance.alias_of_id).first()


class PageSerializer(serializers.PageSerializer):
    alias_of = ReadableAliasOfField(read_only=True)


class PagesAPIViewSet(views.PagesAPIViewSet):
    """Wagtail's pages endpoint, showing only readable pages, filtered by ``?theme=`` and
    ``?city=`` too, with each body (as HTML) on the detail view only."""

    filter_backends = [
        vocabulary_api.ThemeFilter,
        vocabulary_api.CityFilter,
        *views.PagesAPIViewSet.filter_backends,
    ]
    base_serializer_class = PageSerializer
    known_query_parameters = views.PagesAPIViewSet.known_query_parameters | {"theme", "city"}
    detail_only_fields = views.PagesAPIViewSet.detail_only_fields + ["body"]
    # Per page type, what a listing of that type (?type=...) fetches for all its pages at once.
    listing_relations = {BlogPage: POST_RELATIONS}

    def get_base_queryset(self):
        # Wagtail's live pages of the requested site, narrowed to the readable ones, as a
        # plain "pk in (...)", which search backends accept on search results. Kept for
        # the request: Wagtail asks several times, and loads every view restriction each.
        if not hasattr(self, "_base_queryset"):
            readable = readable_pages().values("pk")
            self._base_queryset = super().get_base_queryset().filter(pk__in=readable)
        return self._base_queryset

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "listing_view":
            queryset = (
                queryset.defer_streamfields()
                .select_related("locale")  # for its meta field, with ?fields=*
                .prefetch_related(*self.listing_relations.get(queryset.model, []))
            )
        return queryset

    def filter_queryset(self, queryset):
        # Wagtail passes a value such as ?date=yesterday or ?search_operator=xor on to
        # Django or the search backend, whose error would be a 500.
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:
            raise BadRequestError(f"invalid value: {' '.join(error.messages)}") from error
        except ValueError as error:
            raise BadRequestError(f"invalid value: {error}") from error


def restricted_collections():
    """Collections with a view restriction, or below one."""
    return Collection.objects.filter(
        Exists(
            CollectionViewRestriction.objects.filter(
                StartsWith(OuterRef("path"), F("collection__path"))
            )
        )
    )


def used_by_readers(model):
    """The pks of ``model``'s objects (images or documents) that a readable page or an
    object that is not a page (a snippet) refers to."""
    page_type = ContentType.objects.get_for_model(Page)
    readable = readable_pages().annotate(key=Cast("pk", CharField())).values("key")
    return (
        ReferenceIndex.objects.filter(to_content_type=ContentType.objects.get_for_model(model))
        .filter(~Q(base_content_type=page_type) | Q(object_id__in=readable))
        # The index keeps every key as text; images' and documents' are integers.
        .values(key=Cast("to_object_id", BigIntegerField()))
    )


class PublishedFilesMixin:
    """An images or documents endpoint with only the files of what readers see, and never
    those of restricted collections.

    Wagtail's own endpoints list every file and let in whoever a collection's restriction
    lets in (an editor's session); these let in no one. Where a readable page points at a
    restricted file (a header image, a project's output) it shows ``null`` in its place.
    """

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .exclude(collection__in=restricted_collections())
            .filter(pk__in=used_by_readers(self.model))
        )


class PublicFileSerializerMixin:
    def to_representation(self, instance):
        restricted = self.context.get("restricted_collection_ids")
        if restricted is None:
            restricted = set(restricted_collections().values_list("pk", flat=True))
            self.context["restricted_collection_ids"] = restricted
        if instance.collection_id in restricted:
            return None
        return super().to_representation(instance)


class PublicImageSerializer(PublicFileSerializerMixin, ImageSerializer):
    pass


class PublicDocumentSerializer(PublicFileSerializerMixin, DocumentSerializer):
    pass


class ImagesAPIViewSet(PublishedFilesMixin, WagtailImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer


class DocumentsAPIViewSet(PublishedFilesMixin, WagtailDocumentsAPIViewSet):
    """Documents, each ``download_url`` Wagtail's serve view, which lets anyone download
    a document of an unrestricted collection."""

    base_serializer_class = PublicDocumentSerializer


class PeopleAPIViewSet(vocabulary_api.PeopleAPIViewSet):
    """People, with the guests who wrote a published post."""

    def credited_guests(self):
        published = BlogPage.objects.published().values("pk")
        return BlogPageAuthor.objects.filter(page__in=published).values("person")


class CategoriesAPIViewSet(vocabulary_api.VocabularyAPIViewSet):
    name = "categories"
    model = BlogCategory
    body_fields = vocabulary_api.VocabularyAPIViewSet.body_fields + ["description"]


class SeriesAPIViewSet(vocabulary_api.VocabularyAPIViewSet):
    name = "series"
    model = BlogSeries
    body_fields = vocabulary_api.VocabularyAPIViewSet.body_fields + ["description"]
