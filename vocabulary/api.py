"""The vocabulary in the read API (Wagtail API v2): endpoints for themes, people,
organisations and cities, and filters of pages by theme and by city.

A host registers the endpoints on its own ``WagtailAPIRouter``; see
https://docs.wagtail.org/en/stable/advanced_topics/api/v2/configuration.html.
"""

from functools import reduce
from operator import or_

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from rest_framework.fields import Field, ListField
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import get_page_models

from .models import City, Organisation, Person, Theme


class HtmlUrlField(Field):
    """The absolute address of the object's own page on the site."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        # None where the host has no page for it (get_absolute_url() is "").
        url = instance.get_absolute_url()
        return get_full_url(self.context["request"], url) if url else None


HTML_URL = APIField("html_url", serializer=HtmlUrlField(read_only=True))


class CountryField(Field):
    """A django-countries ``Country`` as its code and English name."""

    def to_representation(self, country):
        return {"code": country.code, "name": country.name}


class VocabularyAPIViewSet(BaseAPIViewSet):
    """One vocabulary model, in name order; nested in pages as its id, name and slug."""

    filter_backends = [FieldsFilter, OrderingFilter]
    body_fields = BaseAPIViewSet.body_fields + ["name", "slug"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name", "slug"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "slug"]

    def get_queryset(self):
        return self.model.objects.order_by("name", "pk")


class VocabularyWithPagesAPIViewSet(VocabularyAPIViewSet):
    """Vocabulary that may have pages of its own on the site (themes and cities): each
    item says where, as ``html_url``."""

    meta_fields = VocabularyAPIViewSet.meta_fields + [HTML_URL]
    listing_default_fields = VocabularyAPIViewSet.listing_default_fields + ["html_url"]
    nested_default_fields = VocabularyAPIViewSet.nested_default_fields + ["html_url"]


class ThemesAPIViewSet(VocabularyWithPagesAPIViewSet):
    name = "themes"
    model = Theme
    body_fields = VocabularyAPIViewSet.body_fields + [
        "hashtag",
        "description",
        APIField("synonyms", serializer=ListField(source="synonym_list", read_only=True)),
        "image",
    ]


class OrganisationsAPIViewSet(VocabularyAPIViewSet):
    name = "organisations"
    model = Organisation
    body_fields = VocabularyAPIViewSet.body_fields + ["kind", "website", "description", "logo"]


class PeopleAPIViewSet(VocabularyAPIViewSet):
    """People, never their email address or login.

    Guests come from the public guest post form: one is listed only once published work
    credits them, which the apps that publish it say through ``credited_guests()``.
    """

    name = "people"
    model = Person
    body_fields = VocabularyAPIViewSet.body_fields + [
        "role",
        "organisation",
        "bio",
        "photo",
        "is_guest",
    ]

    def get_queryset(self):
        return super().get_queryset().filter(Q(is_guest=False) | Q(pk__in=self.credited_guests()))

    def credited_guests(self):
        """The pks of the guests that published work credits."""
        return []


class CitiesAPIViewSet(VocabularyWithPagesAPIViewSet):
    name = "cities"
    model = City
    body_fields = VocabularyAPIViewSet.body_fields + [
        APIField("country", serializer=CountryField(read_only=True)),
        "description",
    ]


class PagesAboutFilter(BaseFilterBackend):
    """``?<parameter>=<slug>``: pages, of every type whose ``field`` points at ``model``,
    that include the item with that slug. An unknown slug is a bad request."""

    parameter = field = model = None

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get(self.parameter)
        if slug is None:
            return queryset
        item = self.model.objects.filter(slug=slug).first()
        if item is None:
            raise BadRequestError(f"{self.parameter} '{slug}' doesn't exist")
        # Plain "pk in (...)" filters, which search backends accept on search results.
        about = (
            Q(pk__in=page_model.objects.filter(**{self.field: item}).values("pk"))
            for page_model in get_page_models()
            if self._points_at_model(page_model)
        )
        return queryset.filter(reduce(or_, about, Q(pk__in=[])))

    def _points_at_model(self, page_model):
        try:
            return page_model._meta.get_field(self.field).related_model is self.model
        except FieldDoesNotExist:
            return False


class ThemeFilter(PagesAboutFilter):
    parameter, field, model = "theme", "themes", Theme


class CityFilter(PagesAboutFilter):
    parameter, field, model = "city", "cities", City
