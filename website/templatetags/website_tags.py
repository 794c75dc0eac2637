from django import template

register = template.Library()


@register.filter
def holds(section, page):
    """True when ``page`` is ``section`` or lies below it: marks the current menu item."""
    return page is not None and getattr(page, "path", "").startswith(section.path)
