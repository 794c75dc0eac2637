"""The public guest post form and its thank-you page."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from community.ratelimit import allow
from community.requests import client_ip

from .conf import contribution_settings
from .forms import GuestPostForm
from .submission import guest_blog, submit_guest_post

RATE_MESSAGE = _(
    "You have sent several posts in a short time. Please wait a while (an hour, or a day "
    "for the same email address) and send this one again: what you typed is kept below."
)


@require_http_methods(["GET", "POST"])
def contribute(request):
    blog = guest_blog()  # in the form's language (its URL's prefix) where there is one
    if blog is None:
        raise Http404("There is no blog to write for yet.")
    if request.method == "GET":
        return _form_page(request, GuestPostForm())
    # Counted before the form is read, so nothing a refused sender posts is ever checked or
    # decoded; looser than the rates below so that fixing mistakes is not held against anyone.
    if not allow(
        "guest-post-attempt", client_ip(request), contribution_settings.GUEST_POST_ATTEMPTS_PER_IP
    ):
        return _form_page(request, _unchecked_form(request), status=400, refusal=RATE_MESSAGE)
    form = GuestPostForm(request.POST, request.FILES)
    if form.is_valid():
        if _within_rates(request, form.cleaned_data["email"]):
            submit_guest_post(blog, form.cleaned_data)  # in the form's (active) language
            return redirect("contributions:thanks")
        form.add_error(None, RATE_MESSAGE)
    return _form_page(request, form, status=400)


def thanks(request):
    return render(request, "contributions/thanks.html")


def _form_page(request, form, status=200, refusal=""):
    context = {
        "form": form,
        "refusal": refusal,
        # Browsers never refill file inputs: the guest must choose their files again.
        "files_to_choose_again": sorted(request.FILES),
    }
    return render(request, "contributions/contribute.html", context, status=status)


def _unchecked_form(request):
    """What was typed, shown again without being validated."""
    return GuestPostForm(initial={**request.POST.dict(), "themes": request.POST.getlist("themes")})


def _within_rates(request, email):
    """Counted only for complete posts, so fixing a mistake never costs one of these."""
    by_address = allow(
        "guest-post-ip", client_ip(request), contribution_settings.GUEST_POST_RATE_PER_IP
    )
    by_email = allow("guest-post-email", email, contribution_settings.GUEST_POST_RATE_PER_EMAIL)
    return by_address and by_email
