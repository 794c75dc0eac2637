from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, Organisation, Person, Theme


class VocabularyViewSet(SnippetViewSet):
    search_backend_name = None  # small tables: plain database lookups, no search index


class ThemeViewSet(VocabularyViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "hashtag"]
    search_fields = ["name", "synonyms"]


class PersonViewSet(VocabularyViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "role"]


class OrganisationViewSet(VocabularyViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]


class CityViewSet(VocabularyViewSet):
    model = City
    icon = "site"
    list_display = ["name", "country"]
    list_filter = ["country"]
    search_fields = ["name"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Themes & people")
    menu_icon = "tag"
    menu_order = 210
    items = (ThemeViewSet, PersonViewSet, OrganisationViewSet, CityViewSet)


register_snippet(VocabularyViewSetGroup)
