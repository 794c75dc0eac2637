"""The admin's "Guest submissions": who sent which post, and what became of it.

Read-only: the posts themselves are moderated as pages, in Wagtail's workflow.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn

from vocabulary.viewsets import LinkColumn, ReadOnlyIndexView, ReadOnlyViewSet

from .models import GuestSubmission


def post_edit_url(submission):
    return (
        reverse("wagtailadmin_pages:edit", args=[submission.page_id])
        if submission.page_id
        else None
    )


def language_name(submission):
    return dict(settings.LANGUAGES).get(submission.language, submission.language)


class GuestSubmissionIndexView(ReadOnlyIndexView):
    title_field = "title"
    title_label = _("Title")


class GuestSubmissionViewSet(ReadOnlyViewSet):
    model = GuestSubmission
    name = "guest_submissions"
    url_prefix = "guest-submissions"
    icon = "user"
    menu_label = _("Guest submissions")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = GuestSubmissionIndexView
    list_filter = ["outcome"]
    search_fields = ["title", "name", "email", "organisation"]
    list_display = [
        Column("name", label=_("Author"), sort_key="name"),
        Column("organisation", label=_("Organisation")),
        Column("language", label=_("Language"), accessor=language_name),
        Column("outcome", label=_("Status"), accessor="get_outcome_display", sort_key="outcome"),
        DateColumn("submitted_at", label=_("Sent"), sort_key="submitted_at"),
        DateColumn("decided_at", label=_("Decided"), sort_key="decided_at"),
        LinkColumn("page", post_edit_url, label=_("Post")),
    ]
    inspect_view_fields = [
        "title",
        "name",
        "email",
        "organisation",
        "city",
        "language",
        "page",
        "consent_at",
        "submitted_at",
        "outcome",
        "decided_at",
        "editor_comment",
    ]


@hooks.register("register_admin_viewset")
def register_guest_submissions():
    return GuestSubmissionViewSet()
