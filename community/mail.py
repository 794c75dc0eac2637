"""Emails with a plain-text and an HTML part, rendered from a pair of templates."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from wagtail.models import Site

from vocabulary.conf import vocabulary_settings

from .conf import community_settings


def site_url(path: str = "/") -> str:
    """An absolute address on the public site, for links in emails."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else community_settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def one_click_unsubscribe(url: str) -> dict:
    """Headers that let a mail client unsubscribe with one click (RFC 8058): it POSTs to
    ``url``, which must act on POST without a CSRF token (the signed link is the proof)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def send(to, subject: str, template: str, context: dict, *, headers=None, reply_to=None):
    """Send ``template``.txt and ``template``.html (the HTML part as an alternative).

    ``to`` is an address or a list of them; ``headers`` adds e.g. ``List-Unsubscribe``.
    """
    context = {
        "site_name": vocabulary_settings.WAGTAIL_SITE_NAME,
        "site_url": site_url(),
        **context,
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a header holds no line breaks
        body=render_to_string(f"{template}.txt", context),
        to=[to] if isinstance(to, str) else list(to),
        headers=headers or {},
        reply_to=reply_to,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
