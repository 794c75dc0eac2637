from django import template
from django.conf import settings

from website.i18n import language_links

register = template.Library()


@register.filter
def holds(menu_item, page):
    """True when ``page`` is the menu item's page or lies below it."""
    return menu_item.holds(page)


@register.inclusion_tag("website/includes/language_links.html", takes_context=True)
def language_switcher(context):
    """The same page in each language (see ``website.i18n.language_links``)."""
    return {"links": _language_links(context)}


@register.inclusion_tag("website/includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language the page exists in, and
    ``x-default`` for the default language's version."""
    request = context["request"]
    links = [link for link in _language_links(context) if link.has_translation]
    default = next((link for link in links if link.code == settings.LANGUAGE_CODE), None)
    return {
        "links": [(link.code, request.build_absolute_uri(link.url)) for link in links],
        "default": request.build_absolute_uri(default.url) if default else None,
    }


def _language_links(context):
    """Computed once per render, for the switcher and the head links alike."""
    if "_language_links" not in context.render_context:
        context.render_context["_language_links"] = language_links(
            context["request"], context.get("page")
        )
    return context.render_context["_language_links"]
