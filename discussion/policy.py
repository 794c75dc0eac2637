"""When comments are open on a post, and which new comments skip the queue.

Built on django_comments' ``CommentModerator`` options (``enable_field``, ``auto_close_field``
with ``close_after``). Its ``Moderator`` registry applies them from the signals of
django_comments' own post view, which this app does not route: that view answers a bad form
with a bare 400 page and xtd's handlers behind it send emails inline. ``discussion.views``
asks the moderator below directly instead.
"""

from django_comments_xtd.moderation import XtdCommentModerator

from blog.models import BlogPage

from .conf import discussion_settings
from .models import Comment

MODERATE_PERMISSION = "discussion.change_comment"


class BlogPostModerator(XtdCommentModerator):
    enable_field = "comments_enabled"
    auto_close_field = "first_published_at"

    @property
    def close_after(self):
        return discussion_settings.COMMENTS_CLOSE_AFTER_DAYS

    def allow(self, comment, content_object, request):
        try:
            return super().allow(comment, content_object, request)
        except ValueError:  # first published "in the future": a clock skew, keep it open
            return True

    def moderate(self, comment, content_object, request):
        """Hold everything but comments by someone who may moderate them."""
        user = getattr(request, "user", None)
        return not (user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))


blog_post_moderator = BlogPostModerator(BlogPage)


def comments_open(post):
    return blog_post_moderator.allow(None, post, None)


def initial_status(comment, post, request):
    """Approved from a moderator, or from a confirmed address (a signed-in commenter's own)
    that already has an approved, confirmed comment; else held."""
    if blog_post_moderator.moderate(comment, post, request) and not comment.has_trusted_author():
        return Comment.Status.PENDING
    return Comment.Status.APPROVED
