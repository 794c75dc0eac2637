"""The admin's "Projects" listing: every project page, with its status and dates."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import AdminDateInput

from .models import ProjectPage
from .timeline import Status


class ProjectPageFilterSet(PageListingViewSet.filterset_class):
    project_status = django_filters.ChoiceFilter(
        label=_("Project status"),
        choices=[(status.value, status.label) for status in Status],
        method="filter_project_status",
        empty_label=_("Any"),
    )
    started_after = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="gte",
        label=_("Starts on or after"),
        widget=AdminDateInput,
    )
    ended_before = django_filters.DateFilter(
        field_name="end_date",
        lookup_expr="lte",
        label=_("Ends on or before"),
        widget=AdminDateInput,
    )

    class Meta:
        model = ProjectPage
        fields = []

    def filter_project_status(self, queryset, name, value):
        return queryset.with_status(value)


class ProjectPageListingViewSet(PageListingViewSet):
    model = ProjectPage
    icon = "clipboard-list"
    menu_label = _("Projects")
    menu_order = 190
    add_to_admin_menu = True
    filterset_class = ProjectPageFilterSet
    columns = PageListingViewSet.columns + [
        Column("project_status", label=_("Project status"), accessor="status.label", width="12%"),
        Column("duration", label=_("Duration"), sort_key="start_date", width="18%"),
    ]


@hooks.register("register_admin_viewset")
def register_project_listing():
    return ProjectPageListingViewSet("project_pages")
