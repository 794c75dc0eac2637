"""Admin building blocks the plugins share: read-only model listings with linked cells.

They live here because every plugin already depends on this app.
"""

from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet


class LinkColumn(Column):
    """A plain cell whose value links to ``get_url(instance)`` when that gives a URL."""

    cell_template_name = "vocabulary/tables/link_cell.html"

    def __init__(self, name, get_url, external=False, **kwargs):
        super().__init__(name, **kwargs)
        self._get_url = get_url
        self.external = external

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link_url"] = self._get_url(instance)
        context["external"] = self.external
        return context


class ReadOnlyViewSet(ModelViewSet):
    """List and inspect; no add, edit, copy or delete views (nor their permissions)."""

    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def register_admin_url_finder(self):
        pass  # there is no edit view to find

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename__startswith="view_")


class ReadOnlyIndexView(generic.IndexView):
    """The first column links to the inspect view and shows ``title_accessor``."""

    title_field = None
    title_label = None
    title_accessor = None

    @cached_property
    def columns(self):
        title = TitleColumn(
            self.title_field,
            label=self.title_label,
            accessor=self.title_accessor,
            sort_key=self.title_field,
            get_url=self.get_inspect_url,
        )
        return [title, *super().columns]
