"""The admin's "Email subscribers": who follows which themes, read-mostly.

Subscribers manage themselves through the links in their emails; editors can look, filter
and delete an address on request, but never add or edit one (that would skip consent).
"""

import django_filters
from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic

from vocabulary.models import Theme
from vocabulary.viewsets import ReadOnlyViewSet

from .models import Subscriber


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Subscriber.Status.choices, method="filter_status"
    )
    themes = django_filters.ModelChoiceFilter(label=_("Theme"), queryset=Theme.objects.all())
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = Subscriber
        fields = ["frequency"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class SubscriberIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(theme_count=Count("themes"))


class SubscriberViewSet(ReadOnlyViewSet):
    model = Subscriber
    deletable = True
    icon = "mail"
    menu_label = _("Email subscribers")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    search_fields = ["email"]
    filterset_class = SubscriberFilterSet
    list_display = [
        "email",
        Column("theme_count", label=_("Themes"), sort_key="theme_count"),
        "frequency",
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("last_digest_at", label=_("Last digest"), sort_key="last_digest_at"),
        DateColumn("created_at", label=_("Subscribed"), sort_key="created_at"),
    ]
    inspect_view_fields = [
        "email",
        "frequency",
        "language",
        "themes",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_at",
    ]


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("email_subscribers", url_prefix="email-subscribers")
