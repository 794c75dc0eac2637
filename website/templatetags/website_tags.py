from django import template

register = template.Library()


@register.filter
def holds(menu_item, page):
    """True when ``page`` is the menu item's page or lies below it."""
    return menu_item.holds(page)
