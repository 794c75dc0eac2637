from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .queue import ApproveBulkAction, CommentViewSet, RejectBulkAction, SpamBulkAction

register_snippet(CommentViewSet)

for action in (ApproveBulkAction, RejectBulkAction, SpamBulkAction):
    hooks.register("register_bulk_action", action)
