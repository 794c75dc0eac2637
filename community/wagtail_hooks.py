from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BlockedTerm


class BlockedTermViewSet(SnippetViewSet):
    model = BlockedTerm
    icon = "warning"
    menu_label = _("Blocklist")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["value", "kind", "note", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value", "note"]
    search_backend_name = None


register_snippet(BlockedTermViewSet)
