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
    """List and inspect, and delete when ``deletable``; no add, edit or copy views (nor
    their permissions)."""

    deletable = False
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None

    def get_common_view_kwargs(self, **kwargs):
        hidden = ["add", "edit", "history", "usage"] + ([] if self.deletable else ["delete"])
        return super().get_common_view_kwargs(
            **{f"{view}_url_name": None for view in hidden}, **kwargs
        )

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
        if self.deletable:
            patterns.append(path("delete/<int:pk>/", self.delete_view, name="delete"))
        return patterns

    def register_admin_url_finder(self):
        pass  # there is no edit view to find

    def get_permissions_to_register(self):
        actions = ["view", "delete"] if self.deletable else ["view"]
        codenames = [f"{action}_{self.model._meta.model_name}" for action in actions]
        return super().get_permissions_to_register().filter(codename__in=codenames)


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
