"""The moderation queue in the Wagtail admin: a snippet listing of comments, pending ones
first shown, with approve / reject / spam / delete per comment and in bulk.

A snippet viewset rather than a plain ``ModelViewSet`` because snippet listings come with
Wagtail's bulk-action framework (checkboxes, ``register_bulk_action``).
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from blog.models import BlogPage

from .actions import set_status
from .models import Comment

Status = Comment.Status
ALL = "all"
# action name -> (new status or None to delete, button label, permission needed)
ACTIONS = {
    "approve": (Status.APPROVED, _("Approve"), "change"),
    "reject": (Status.REJECTED, _("Reject"), "change"),
    "spam": (Status.SPAM, _("Spam"), "change"),
    "delete": (None, _("Delete"), "delete"),
}


def with_post_titles(queryset):
    """Each comment's post title in the same query (the listing's "Post" column)."""
    title = Page.objects.annotate(pk_text=Cast("pk", CharField())).filter(
        pk_text=OuterRef("object_pk")
    )
    return queryset.annotate(post_title=Subquery(title.values("title")[:1]))


def commented_posts():
    """(pk, title) of the posts that have comments, for the post filter."""
    pks = Comment.objects.order_by().values("object_pk").distinct()
    posts = BlogPage.objects.annotate(pk_text=Cast("pk", CharField())).filter(pk_text__in=pks)
    return [(str(pk), title) for pk, title in posts.order_by("title").values_list("pk", "title")]


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[*Status.choices, (ALL, _("All"))],
        empty_label=None,
        method="filter_status",
    )
    post = django_filters.ChoiceFilter(
        label=_("Post"), choices=commented_posts, field_name="object_pk"
    )

    class Meta:
        model = Comment
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):  # the queue opens on what needs work
            data = data.copy()
            data["status"] = Status.PENDING
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        return queryset if value == ALL else queryset.filter(status=value)


class ModerationColumn(BaseColumn):
    """A POST button per action (CSRF-protected; permission checked by the view)."""

    cell_template_name = "discussion/admin/moderation_cell.html"

    def __init__(self, *args, url_name, list_url_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.url_name = url_name
        self.list_url_name = list_url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["csrf_token"] = get_token(request)
        # The listing with its filters, not request.path: after a filter change the rows
        # come from the listing's results/ fragment, an unstyled page to land on.
        query = request.GET.urlencode()
        context["next"] = reverse(self.list_url_name) + (f"?{query}" if query else "")
        context["actions"] = [
            (name, label, reverse(self.url_name, args=[instance.pk, name]))
            for name, (status, label, _) in ACTIONS.items()
            if status != instance.status
        ]
        return context


class PendingCountMenuItem(MenuItem):
    """The menu item says how many comments wait: "Comments (3)", one COUNT query."""

    def render_component(self, request):
        component = super().render_component(request)
        pending = Comment.objects.pending().order_by().count()
        if pending:
            component.label = f"{self.label} ({pending})"
        return component


class CommentIndexView(IndexView):
    def get_add_url(self):
        return None  # comments come from readers


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 220
    add_to_admin_menu = True
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    list_per_page = 50
    ordering = ["-submit_date"]
    # Editors may correct a comment; its status changes only through the actions, which
    # send the follow-up emails.
    panels = [FieldPanel(name) for name in ("user_name", "user_url", "comment", "followup")]
    index_view_class = CommentIndexView

    @cached_property
    def list_display(self):
        return [
            "excerpt",
            Column("user_name", label=_("Name")),
            Column("post_title", label=_("Post")),
            Column("get_status_display", label=_("Status")),
            DateColumn("submit_date", label=_("Submitted"), sort_key="submit_date"),
            DateColumn("email_confirmed_at", label=_("Email confirmed")),
            ModerationColumn(
                "moderate",
                label=_("Moderate"),
                url_name=self.get_url_name("moderate"),
                list_url_name=self.get_url_name("list"),
            ),
        ]

    @cached_property
    def menu_item_class(self):
        return type("CommentsMenuItem", (PendingCountMenuItem, super().menu_item_class), {})

    def get_queryset(self, request):
        return with_post_titles(Comment.objects.select_related(None))

    @property
    def add_view(self):
        def no_adding(request):
            raise Http404(gettext("Comments come from readers."))

        return no_adding

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "moderate/<int:pk>/<str:action>/",
                self.moderate_view,
                name="moderate",
            ),
        ]

    @property
    def moderate_view(self):
        return require_POST(self._moderate)

    def _moderate(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        status, _, permission = ACTIONS[action]
        if not self.permission_policy.user_has_permission(request.user, permission):
            raise PermissionDenied
        comment = get_object_or_404(Comment, pk=pk)
        if status is None:
            comment.delete()
            messages.success(
                request, gettext("Comment by %(name)s deleted.") % {"name": comment.user_name}
            )
        else:
            set_status(Comment.objects.filter(pk=pk), status)
            messages.success(
                request,
                gettext("Comment by %(name)s: %(status)s.")
                % {"name": comment.user_name, "status": Status(status).label.lower()},
            )
        return redirect(
            get_valid_next_url_from_request(request) or reverse(self.get_url_name("list"))
        )


class CommentStatusBulkAction(SnippetBulkAction):
    """Move the chosen comments to one status (approve, reject or mark as spam)."""

    status = None
    template_name = "discussion/admin/confirm_bulk_status.html"

    @classproperty
    def models(cls):
        return [Comment]

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return set_status(Comment.objects.filter(pk__in=[c.pk for c in objects]), cls.status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment: %(status)s.",
            "%(count)d comments: %(status)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": Status(self.status).label.lower()}


class ApproveBulkAction(CommentStatusBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    status = Status.APPROVED
    action_priority = 10


class RejectBulkAction(CommentStatusBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    status = Status.REJECTED
    action_priority = 20


class SpamBulkAction(CommentStatusBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark the selected comments as spam")
    status = Status.SPAM
    action_priority = 25
