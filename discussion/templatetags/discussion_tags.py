from django import template
from django.utils.translation import gettext

from blog.feeds import feed_links

from ..forms import CommentForm
from ..models import Comment
from ..policy import comments_open
from ..rendering import comment_html, website_url

register = template.Library()

register.filter("comment_html", comment_html)
register.filter("website_url", website_url)


def visible_threads(comments):
    """Approved comments in thread order, without replies whose parent is not shown."""
    shown = set()
    visible = []
    for comment in comments:
        if comment.parent_id == comment.pk or comment.parent_id in shown:
            shown.add(comment.pk)
            visible.append(comment)
    return visible


@register.inclusion_tag("discussion/comments.html", takes_context=True)
def comments_section(context, post):
    """The post's comments and, while comments are open, the form (as the reader left it,
    after a refused post)."""
    request = context["request"]
    # Joined with its content type, which each comment's allow_thread() (its Reply link) reads.
    approved = (
        Comment.objects.on(post).approved().select_related(None).select_related("content_type")
    )
    comments = visible_threads(approved.order_by("thread_id", "order"))
    is_open = comments_open(post)
    form = context.get("comment_form")
    replying_to = None
    if form is None and is_open:
        replying_to = _reply_target(request, comments)
        form = CommentForm(post, initial={"reply_to": replying_to.pk if replying_to else 0})
    elif form is not None:
        reply_pk = form["reply_to"].value()
        replying_to = next((c for c in comments if str(c.pk) == str(reply_pk)), None)
    return {
        "request": request,
        "post": post,
        "comments": comments,
        "is_open": is_open,
        "form": form,
        "replying_to": replying_to,
        "messages": context.get("messages", ()),
        "csrf_token": context.get("csrf_token"),
    }


def _reply_target(request, comments):
    wanted = request.GET.get("reply_to", "")
    return next((c for c in comments if str(c.pk) == wanted and c.allow_thread()), None)


@register.simple_tag(takes_context=True)
def comment_feed_links(context, post):
    """<link rel="alternate"> data for the post's comment feeds."""
    title = gettext("Comments on %(title)s") % {"title": post.title}
    return feed_links(post.get_url(context["request"]) + "comments/", title)
