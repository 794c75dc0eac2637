"""Posting a comment, confirming an address, unfollowing a post, and the comment feeds.

Posting is our own view rather than django_comments' ``post_comment``: that one answers a
failed honeypot or an expired form with a bare 400 page and loses what the reader typed,
and xtd's handlers behind it send emails during the request. Neither library's URLs are
routed, so xtd's ``notify_comment_followers`` (which mails followers about any comment
public when created) never runs: follow-ups go out only when a comment becomes approved
(``discussion.actions``), from a task.
"""

from django.contrib import messages
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.views import serve as wagtail_serve

from blog import feeds
from blog.conf import blog_settings
from blog.models import BlogPage
from blog.views import site_root_path
from community import ratelimit
from community.requests import client_ip

from . import actions, tokens
from .conf import discussion_settings
from .forms import SECURITY_MESSAGE, CommentForm
from .models import Comment
from .policy import comments_open, initial_status
from .rendering import comment_html
from .tasks import after_commit, notify_followers, notify_held_comment, request_email_confirmation

CLOSED_MESSAGE = gettext_lazy("Comments are closed on this post.")
RATE_MESSAGE = gettext_lazy(
    "You have sent several comments in a short time. Please wait a few minutes and send "
    "this one again."
)
PENDING_MESSAGE = gettext_lazy("Thank you: your comment is awaiting moderation.")
CONFIRMATION_SENT = gettext_lazy("We have emailed you a link to confirm your address.")
CONFIRMATION_NOT_SENT = gettext_lazy(
    "We send one confirmation email a day to an address and already sent yours today, so "
    "this comment waits for an editor."
)
# One confirmation email per address a day, however many comments name it: otherwise
# anyone could flood an inbox by commenting with its address.
CONFIRMATION_MAIL_RATE = "1/d"
PUBLISHED_MESSAGE = gettext_lazy("Thank you: your comment is published.")


@csrf_protect
@require_POST
def post_comment(request):
    post = _post_for(request.POST.get("content_type"), request.POST.get("object_pk"))
    if post is None:
        return render(request, "discussion/refused.html", status=400)
    data = request.POST.copy()
    if request.user.is_authenticated:  # as django_comments does: fill in what the account knows
        data["name"] = data.get("name") or request.user.get_full_name() or request.user.username
        data["email"] = data.get("email") or request.user.email
    form = CommentForm(post, data=data)
    form.is_valid()
    if form.has_security_error():
        form.add_error(None, SECURITY_MESSAGE)
    if not comments_open(post):
        form.add_error(None, CLOSED_MESSAGE)
    elif not _within_rate_limits(request, form):
        form.add_error(None, RATE_MESSAGE)
    if not form.is_valid():
        form.refresh_security_data()
        context = {**post.get_context(request), "comment_form": form}
        return TemplateResponse(request, post.get_template(request), context, status=400)

    comment = form.get_comment_object(site_id=get_current_site(request).pk)
    is_new = comment.pk is None  # else a double submit: django_comments returned the first one
    if is_new:
        _save_new(comment, post, request)
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, str(PUBLISHED_MESSAGE), extra_tags="comments")
        return redirect(post.url + f"#c{comment.pk}")
    # Sentences of their own, in the reader's language now (a message waits in the session).
    message = str(PENDING_MESSAGE)
    if is_new and comment.email_confirmed_at is None:
        sent = _confirmation_mailed(comment)
        message += " " + str(CONFIRMATION_SENT if sent else CONFIRMATION_NOT_SENT)
    messages.success(request, message, extra_tags="comments")
    return redirect(post.url + "#comments")


def _within_rate_limits(request, form):
    """Counts every attempt from the address, and each otherwise valid one from the email."""
    if not ratelimit.allow(
        "comments:ip", client_ip(request), discussion_settings.COMMENTS_RATE_PER_IP
    ):
        return False
    return not form.is_valid() or ratelimit.allow(
        "comments:email", form.cleaned_data["email"], discussion_settings.COMMENTS_RATE_PER_EMAIL
    )


def _post_for(content_type, object_pk):
    """The published post a form names, or None."""
    if content_type != "blog.blogpage" or not (object_pk or "").isdigit():
        return None
    return BlogPage.objects.published().filter(pk=int(object_pk)).first()


def _save_new(comment, post, request):
    comment.ip_address = _valid_ip(client_ip(request))
    user = request.user
    if user.is_authenticated:
        comment.user = user
        if user.email and user.email.casefold() == comment.user_email.casefold():
            comment.email_confirmed_at = timezone.now()  # the account's own address
    comment.status = initial_status(comment, post, request)
    comment.save()
    if comment.status == Comment.Status.APPROVED:
        after_commit(notify_followers, comment.pk)
        return
    after_commit(notify_held_comment, comment.pk)


def _confirmation_mailed(comment):
    """Queue the email asking to confirm the address, unless the address had one today."""
    allowed = ratelimit.allow(
        "comments:confirmation-mail", comment.user_email, CONFIRMATION_MAIL_RATE
    )
    if allowed:
        after_commit(request_email_confirmation, comment.pk)
    return allowed


def _valid_ip(address):
    try:
        validate_ipv46_address(address)
    except ValidationError:
        return None
    return address


# A GET only shows the comment and asks: mail scanners open every link in an email, and
# confirming may publish the comment.
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_email(request, token):
    try:
        pk = tokens.comment_from_confirm_token(token)
    except tokens.ExpiredLink:
        context = {"days": tokens.CONFIRM_DAYS}
        return render(request, "discussion/link_expired.html", context, status=410)
    comment = Comment.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if comment is None:
        return render(request, "discussion/link_invalid.html", status=404)
    context = {"comment": comment, "post": comment.content_object}
    if request.method != "POST":
        return render(request, "discussion/confirm_email.html", context)
    actions.confirm_email(comment)
    return render(request, "discussion/email_confirmed.html", context)


# One-click unfollowing (RFC 8058): mail clients POST to the List-Unsubscribe address
# without a CSRF token; the signed link is the proof instead. A GET only asks, because
# link scanners open every link in an email.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unfollow(request, token):
    follower = tokens.follower_from_unfollow_token(token)
    post = BlogPage.objects.filter(pk=follower[1]).first() if follower else None
    if post is None:
        return render(request, "discussion/link_invalid.html", status=404)
    if request.method != "POST":
        return render(request, "discussion/unfollow.html", {"post": post})
    email, _ = follower
    Comment.objects.on(post).filter(user_email__iexact=email, followup=True).order_by().update(
        followup=False
    )
    return render(request, "discussion/unfollowed.html", {"post": post})


def published_post_at(request, path):
    """The published post at ``path`` (below the site root), found by URL path in one query."""
    root_path = site_root_path(request)
    if root_path is None:
        return None
    return BlogPage.objects.published().filter(url_path=root_path + path).first()


@require_safe
def comments_anchor(request, path):
    """``<post>/comments/``, the feeds' home page, shows the post's comments; any other
    page (a post whose slug is "comments") is Wagtail's to serve."""
    post = published_post_at(request, path)
    if post is None:
        return wagtail_serve(request, path + "comments/")
    return redirect(post.url + "#comments")


@require_safe
def comment_feed(request, path, feed_format=None):
    post = published_post_at(request, path)
    if post is None:
        raise Http404("No such post.")
    comments = list(
        Comment.objects.on(post)
        .approved()
        .select_related(None)
        .order_by("-submit_date", "-pk")[: blog_settings.BLOG_FEED_LENGTH]
    )
    post_url = post.get_full_url(request)
    return feeds.serve_feed(
        request,
        feed_format or "rss",
        comments,
        title=gettext("Comments on “%(title)s”") % {"title": post.title},
        link=post_url + "comments/",
        description=gettext("Approved comments on “%(title)s”, newest first.")
        % {"title": post.title},
        item=lambda comment: _comment_item(comment, post, post_url),
    )


def _comment_item(comment, post, post_url):
    link = f"{post_url}#c{comment.pk}"
    return {
        "title": gettext("%(name)s on “%(title)s”")
        % {"name": comment.user_name, "title": post.title},
        "link": link,
        "description": comment.excerpt,
        "content_html": str(comment_html(comment.comment)),
        "pubdate": comment.submit_date,
        "updateddate": comment.submit_date,
        "unique_id": link,
        "unique_id_is_permalink": True,
        "categories": [],
        "authors": [{"name": comment.user_name}],
    }
