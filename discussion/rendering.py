"""Comment text as HTML: plain text, escaped, with paragraphs and clickable web links."""

from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

REL = 'rel="nofollow ugc noopener"'
URL_TRIM = 60


def comment_html(text):
    """Escape everything, link URLs, then turn line breaks into <p> and <br>.

    ``urlize`` escapes the text around and inside the links it makes, so ``linebreaks`` gets
    safe HTML and must not escape again. The only ``rel="nofollow"`` left is urlize's own:
    a typed one had its quotes escaped.
    """
    linked = urlize(text, trim_url_limit=URL_TRIM, nofollow=True, autoescape=True)
    html = linebreaks(linked, autoescape=False)
    return mark_safe(html.replace('rel="nofollow"', REL))


def website_url(url):
    """The commenter's website if it is a web address, else '' (no javascript: links)."""
    return url if url.lower().startswith(("http://", "https://")) else ""
