"""The admin's "Partner feeds" menu: feed sources with their status and an "Import now"
action, the history of import runs, and the entries imported from each source."""

import django_filters
from django.db.models import Count
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button, HeaderButton, ListingButton
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect

from vocabulary.viewsets import LinkColumn, ReadOnlyIndexView, ReadOnlyViewSet

from .models import FeedSource, ImportedEntry, ImportRun
from .views import ImportNowView, ImportRunInspectView


def post_button_attrs(url):
    """Make a <button> POST to ``url`` with the CSRF token and a ``next`` back to this page
    (Wagtail's ``w-action`` controller, as its own "Unlock" buttons do)."""
    return {
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": url,
    }


def shortened(attribute, length):
    def accessor(instance):
        return Truncator(getattr(instance, attribute) or "").chars(length)

    return accessor


# Feed sources


class FeedSourceFilterSet(WagtailFilterSet):
    failing = django_filters.BooleanFilter(
        label=_("Failing"),
        method="filter_failing",
        widget=BooleanRadioSelect,
        help_text=_("Sources whose last import failed."),
    )

    class Meta:
        model = FeedSource
        fields = ["active", "review_mode", "partner"]

    def filter_failing(self, queryset, name, value):
        if value:
            return queryset.filter(consecutive_failures__gt=0)
        return queryset.filter(consecutive_failures=0)


class FeedSourceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("partner", "target_blog", "locale")
            .annotate(entry_count=Count("entries"))
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            Button(
                _("Run history"),
                url=runs_url(instance),
                icon_name="history",
                priority=40,
            )
        )
        buttons.append(
            Button(
                _("Imported entries"),
                url=entries_url(instance),
                icon_name="list-ul",
                priority=50,
            )
        )
        if self.user_has_permission("change"):
            buttons.append(
                ListingButton(
                    _("Import now"),
                    icon_name="download",
                    attrs=post_button_attrs(import_now_url(instance)),
                    priority=5,
                )
            )
        return buttons


class FeedSourceEditView(generic.EditView):
    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Import now"),
                icon_name="download",
                attrs=post_button_attrs(import_now_url(self.object)),
            )
        ]

    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            Button(_("Run history"), url=runs_url(self.object), icon_name="history", priority=40),
            Button(
                _("Imported entries"),
                url=entries_url(self.object),
                icon_name="list-ul",
                priority=50,
            ),
        ]


def import_now_url(source):
    return reverse("feed_sources:import_now", args=[source.pk])


def runs_url(source):
    return f"{reverse('import_runs:index')}?source={source.pk}"


def entries_url(source):
    return f"{reverse('imported_entries:index')}?source={source.pk}"


class FeedSourceViewSet(ModelViewSet):
    model = FeedSource
    name = "feed_sources"
    url_prefix = "partner-feeds/sources"
    icon = "rss"
    menu_label = _("Sources")
    index_view_class = FeedSourceIndexView
    edit_view_class = FeedSourceEditView
    copy_view_enabled = False
    search_fields = ["name", "url"]
    search_backend_name = None  # a small table: plain database lookups
    filterset_class = FeedSourceFilterSet
    list_display = [
        "name",
        "partner",
        Column("target_blog", label=_("Target blog"), sort_key="target_blog__title"),
        Column("locale", label=_("Language"), sort_key="locale__language_code"),
        "review_mode",
        BooleanColumn("active", label=_("Active"), sort_key="active"),
        DateColumn("last_success_at", label=_("Last success"), sort_key="last_success_at"),
        Column("last_error", label=_("Last error"), accessor=shortened("last_error", 60)),
        DateColumn("next_due_at", label=_("Next due"), sort_key="next_due_at"),
        LinkColumn("entry_count", entries_url, label=_("Entries"), sort_key="entry_count"),
        Column("consecutive_failures", label=_("Failures"), sort_key="consecutive_failures"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "import/<int:pk>/",
                ImportNowView.as_view(index_url_name=self.get_url_name("index")),
                name="import_now",
            )
        ]


# Runs and entries: written by the importer, so only listed and inspected here.


class ImportRunIndexView(ReadOnlyIndexView):
    title_field = "started_at"
    title_label = _("Started")
    title_accessor = staticmethod(
        lambda run: date_format(localtime(run.started_at), "DATETIME_FORMAT")
    )

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("source")


COUNTS = ["new", "updated", "unchanged", "skipped", "failed"]
COUNT_LABELS = {
    "new": pgettext_lazy("entries", "New"),
    "updated": pgettext_lazy("entries", "Updated"),
    "unchanged": pgettext_lazy("entries", "Unchanged"),
    "skipped": pgettext_lazy("entries", "Skipped"),
    "failed": pgettext_lazy("entries", "Failed"),
}


def run_errors(run):
    if not run.errors:
        return ""
    first = Truncator(run.errors[0]).chars(80)
    if len(run.errors) == 1:
        return first
    more = len(run.errors) - 1
    return ngettext("%(first)s (+%(more)d more)", "%(first)s (+%(more)d more)", more) % {
        "first": first,
        "more": more,
    }


class ImportRunViewSet(ReadOnlyViewSet):
    model = ImportRun
    name = "import_runs"
    url_prefix = "partner-feeds/runs"
    icon = "history"
    menu_label = _("Import runs")
    index_view_class = ImportRunIndexView
    inspect_view_class = ImportRunInspectView
    list_filter = ["source", "status"]
    list_display = [
        Column("source", label=_("Source"), sort_key="source__name"),
        DateColumn("finished_at", label=_("Finished"), sort_key="finished_at"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        *(Column(count, label=COUNT_LABELS[count], sort_key=count) for count in COUNTS),
        Column("errors", label=_("Errors"), accessor=run_errors),
    ]
    inspect_view_fields = [
        "source",
        "started_at",
        "finished_at",
        "status",
        *COUNTS,
        "errors",
    ]


class ImportedEntryIndexView(ReadOnlyIndexView):
    title_field = "key"
    title_label = _("Key")
    title_accessor = staticmethod(shortened("key", 60))

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("source", "page")


def page_edit_url(entry):
    return reverse("wagtailadmin_pages:edit", args=[entry.page_id]) if entry.page_id else None


class ImportedEntryViewSet(ReadOnlyViewSet):
    model = ImportedEntry
    name = "imported_entries"
    url_prefix = "partner-feeds/entries"
    icon = "list-ul"
    menu_label = _("Imported entries")
    index_view_class = ImportedEntryIndexView
    list_filter = ["source"]
    search_fields = ["key", "link"]
    list_display = [
        Column("source", label=_("Source"), sort_key="source__name"),
        LinkColumn("link", lambda entry: entry.link or None, external=True, label=_("Link")),
        LinkColumn("page", page_edit_url, label=_("Page")),
        DateColumn("first_seen_at", label=_("First seen"), sort_key="first_seen_at"),
        DateColumn("last_seen_at", label=_("Last seen"), sort_key="last_seen_at"),
    ]
    inspect_view_fields = [
        "source",
        "key",
        "guid",
        "link",
        "content_hash",
        "page",
        "first_seen_at",
        "last_seen_at",
    ]


class PartnerFeedsGroup(ModelViewSetGroup):
    menu_label = _("Partner feeds")
    menu_icon = "rss"
    menu_order = 220
    items = (FeedSourceViewSet, ImportRunViewSet, ImportedEntryViewSet)


@hooks.register("register_admin_viewset")
def register_partner_feeds():
    return PartnerFeedsGroup()


@hooks.register("register_icons")
def register_rss_icon(icons):
    return [*icons, "importers/icons/rss.svg"]
