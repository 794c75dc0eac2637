from django import template

from ..forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("subscriptions/includes/subscribe_form.html")
def subscribe_form(theme=None, form=None, error=None):
    """The subscribe form, with ``theme`` ticked (a theme page), or ``form`` as submitted."""
    if form is None:
        form = SubscribeForm(initial={"themes": [theme.pk] if theme else []})
    return {"form": form, "theme": theme, "error": error}
