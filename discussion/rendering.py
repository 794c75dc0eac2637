"""Comment text as HTML: plain text, escaped, with paragraphs and clickable web links."""

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

REL = 'rel="nofollow ugc noopener"'
URL_TRIM = 60


def comment_html(text):
    """Escape everything, link URLs, then turn line breaks into <p> and <br>.

    ``urlize`` escapes the text around and inside the links it makes, so ``linebreaks`` gets
    safe HTML and must not escape again. Every ``<a `` left is urlize's own (a typed one was
    escaped), so each gets the rel, mailto links included (urlize's nofollow skips those).
    """
    linked = urlize(text, trim_url_limit=URL_TRIM, autoescape=True)
    html = linebreaks(linked, autoescape=False)
    return mark_safe(html.replace("<a ", f"<a {REL} "))


def link_count(text):
    """How many links the comment shows: urlize also links bare domains and addresses."""
    return comment_html(text).count("<a ")


def website_url(url):
    """The commenter's website if it is a web address, else '' (no javascript: links)."""
    return url if url.lower().startswith(("http://", "https://")) else ""
