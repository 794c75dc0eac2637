from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BlogCategory, BlogSeries


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class BlogSeriesViewSet(SnippetViewSet):
    model = BlogSeries
    icon = "list-ol"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class BlogViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Blog")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (BlogCategoryViewSet, BlogSeriesViewSet)


register_snippet(BlogViewSetGroup)
