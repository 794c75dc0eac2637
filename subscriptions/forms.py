from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.forms import HoneypotField
from vocabulary.models import Theme

from .models import Subscriber
from .themes import theme_choices


class ThemeChoiceForm(forms.Form):
    """Themes and frequency, shared by subscribing and the preferences page."""

    themes = forms.TypedMultipleChoiceField(
        label=_("Themes"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one theme.")},
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices()

    def clean_themes(self):
        return list(Theme.objects.filter(pk__in=self.cleaned_data["themes"]))


class PreferencesForm(ThemeChoiceForm):
    """The preferences page also sets the language of the emails (subscribing takes the
    page's own)."""

    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        required=False,  # left out, the language stays as it is
        widget=forms.RadioSelect,
    )


class SubscribeForm(ThemeChoiceForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = HoneypotField(label=_("Leave this field empty"))

    field_order = ["email", "themes", "frequency", "website"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "subscribe-%s")
        super().__init__(*args, **kwargs)
