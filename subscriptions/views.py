"""Subscribe, confirm, manage and unsubscribe: the pages behind the links in our emails."""

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from community.ratelimit import allow
from community.requests import client_ip

from . import subscribing, tasks, tokens
from .conf import subscription_settings
from .forms import PreferencesForm, SubscribeForm

RATE_LIMITED = _("Too many subscription requests. Please try again in an hour.")


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        form = SubscribeForm(initial={"themes": request.GET.getlist("theme")})
        return _subscribe_page(request, form)
    form = SubscribeForm(request.POST)
    if not allow(
        "subscribe-ip", client_ip(request), subscription_settings.SUBSCRIPTIONS_RATE_PER_IP
    ):
        return _subscribe_page(request, form, error=RATE_LIMITED, status=429)
    if not form.is_valid():
        return _subscribe_page(request, form, status=400)
    data = form.cleaned_data
    if not allow(
        "subscribe-email", data["email"], subscription_settings.SUBSCRIPTIONS_RATE_PER_EMAIL
    ):
        return _subscribe_page(request, form, error=RATE_LIMITED, status=429)
    # The form posts to its page's language prefix: that language is the subscriber's.
    subscriber = subscribing.request_subscription(data["email"], data["themes"], data["frequency"])
    if subscriber is not None:
        transaction.on_commit(lambda: tasks.answer_subscription_request.enqueue(subscriber.pk))
    return redirect("subscriptions:check_inbox")


def _subscribe_page(request, form, error=None, status=200):
    return render(
        request, "subscriptions/subscribe.html", {"form": form, "error": error}, status=status
    )


@require_safe
def check_inbox(request):
    return render(
        request,
        "subscriptions/check_inbox.html",
        {"confirm_days": subscription_settings.SUBSCRIPTIONS_CONFIRM_DAYS},
    )


# Mail scanners open every link in an email, so opening the link only asks; the reader's
# POST (CSRF-protected) confirms.
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscriber = tokens.subscriber_to_confirm(token)
    except tokens.ExpiredLink:
        return _bad_link(request, expired=True)
    except tokens.InvalidLink:
        return _bad_link(request)
    if request.method == "POST":
        subscribing.confirm(subscriber)
    return render(
        request,
        "subscriptions/confirmed.html" if subscriber.is_active else "subscriptions/confirm.html",
        {
            "subscriber": subscriber,
            "themes": subscriber.themes.all(),
            "preferences_path": tokens.preferences_path(subscriber),
        },
    )


# One-click unsubscribing (RFC 8058): mail clients POST to the List-Unsubscribe address
# without a CSRF token; the signed link is the proof instead. A GET only asks, because
# link scanners open every link in an email.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = tokens.subscriber_from(token, tokens.UNSUBSCRIBE_SALT)
    except tokens.InvalidLink:
        return _bad_link(request)
    if request.method == "POST":
        subscribing.unsubscribe(subscriber)
    if subscriber.unsubscribed_at:
        return render(request, "subscriptions/unsubscribed.html")
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    try:
        subscriber = tokens.subscriber_from(token, tokens.PREFERENCES_SALT)
    except tokens.InvalidLink:
        return _bad_link(request)
    status = 200
    if not subscriber.is_active:
        form = None
    elif request.method == "POST":
        form = PreferencesForm(request.POST, auto_id="preferences-%s")
        if form.is_valid():
            subscriber.frequency = form.cleaned_data["frequency"]
            subscriber.language = form.cleaned_data["language"] or subscriber.language
            subscriber.save(update_fields=["frequency", "language"])
            subscriber.themes.set(form.cleaned_data["themes"])
            return redirect(request.path + "?saved=1")
        status = 400
    else:
        form = PreferencesForm(
            initial={
                "themes": list(subscriber.themes.values_list("pk", flat=True)),
                "frequency": subscriber.frequency,
                "language": subscriber.language,
            },
            auto_id="preferences-%s",
        )
    return render(
        request,
        "subscriptions/preferences.html",
        {
            "subscriber": subscriber,
            "form": form,
            "saved": "saved" in request.GET,
            "unsubscribe_path": tokens.unsubscribe_path(subscriber),
        },
        status=status,
    )


def _bad_link(request, expired=False):
    return render(
        request,
        "subscriptions/bad_link.html",
        {"expired": expired, "confirm_days": subscription_settings.SUBSCRIPTIONS_CONFIRM_DAYS},
        status=410 if expired else 400,
    )
