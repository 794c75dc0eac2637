from django import forms

from community.forms import HoneypotField
from vocabulary.models import Theme

from .models import Subscriber
from .themes import theme_choices


class ThemeChoiceForm(forms.Form):
    """Themes and frequency, shared by subscribing and the preferences page."""

    themes = forms.TypedMultipleChoiceField(
        label="Themes",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one theme."},
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices()

    def clean_themes(self):
        return list(Theme.objects.filter(pk__in=self.cleaned_data["themes"]))


class SubscribeForm(ThemeChoiceForm):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = HoneypotField()

    field_order = ["email", "themes", "frequency", "website"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "subscribe-%s")
        super().__init__(*args, **kwargs)
