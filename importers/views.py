"""Admin views for partner feeds that Wagtail's generic model views do not provide."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .models import FeedSource
from .tasks import import_source


class ImportNowView(PermissionCheckedMixin, View):
    """POST only: queue an import of one source and go back where the editor was.

    Editing a source's settings and importing it now need the same permission: "change".
    """

    model = FeedSource
    permission_required = "change"
    http_method_names = ["post"]
    index_url_name = None

    def post(self, request, pk):
        source = get_object_or_404(FeedSource, pk=pk)
        import_source.enqueue(source.pk)
        messages.success(request, _("Import of %(source)s queued") % {"source": source})
        return redirect(get_valid_next_url_from_request(request) or self.index_url_name)


class ImportRunInspectView(InspectView):
    """A run's errors as a list, one line each, rather than a JSON array."""

    def get_errors_display_value(self):
        if not self.object.errors:
            return _("None")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((e,) for e in self.object.errors))
        )
