"""Form pieces against automated submissions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT_MESSAGE = _("This form looks automated. Leave the last field empty and try again.")


class HoneypotField(forms.CharField):
    """A field people never see (hidden by CSS, skipped by keyboard and screen readers) and
    bots fill in. Any value fails the form with a message, keeping what was typed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-input"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value:
            raise ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        return value
