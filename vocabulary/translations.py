"""Names and descriptions of vocabulary in the other content languages, kept in the row.

A theme, category, series or organisation is one concept in every language: one row, one
slug, so ``/fr/themes/city-diplomacy/feed/`` and its English twin are the same archive, and
a French translation of a post keeps the very theme rows of its source with nothing to
re-link. (wagtail-localize's translatable snippets would make a row per language; django-
taggit needs one row per theme name, and every archive, feed and import match would then
have to map rows across languages.) Only the words a reader sees change with the language,
and they live in a JSON field beside the default-language ones: reading them costs no query.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_content_languages


def other_languages():
    """Content languages besides the default one, whose words are the model's own fields."""
    default = settings.LANGUAGE_CODE
    return [code for code in get_content_languages() if code != default]


class TranslatedText(models.Model):
    """``translated_fields`` in other languages: ``{"fr": {"name": "…"}, "es": {…}}``."""

    translated_fields = ("name", "description")

    translations = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("translations"),
        help_text=_("Name and description in the other languages, edited in their panels."),
    )

    class Meta:
        abstract = True

    def translated(self, field):
        """``field`` in the active language; the default language's words where none."""
        words = self.translations.get(translation.get_language() or "", {}).get(field)
        return words or getattr(self, field)

    @property
    def translated_name(self):
        return self.translated("name")

    @property
    def translated_description(self):
        return self.translated("description")


def _input_name(field, language):
    return f"{field}_{language}"


class TranslationsForm(WagtailAdminModelForm):
    """Shows each translation as an input of its own and stores them in ``translations``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in other_languages():
            words = self.instance.translations.get(language, {})
            for field in self._meta.model.translated_fields:
                name = _input_name(field, language)
                if name in self.fields:
                    self.fields[name].initial = words.get(field, "")

    def save(self, commit=True):
        translations = {}
        for language in other_languages():
            words = {
                field: self.cleaned_data[name].strip()
                for field in self._meta.model.translated_fields
                if (name := _input_name(field, language)) in self.cleaned_data
                and self.cleaned_data[name].strip()
            }
            if words:
                translations[language] = words
        self.instance.translations = translations
        return super().save(commit=commit)


def with_translations(model):
    """Class decorator for a ``TranslatedText`` snippet: an input per translated field and
    language in its edit form, grouped in one collapsed panel per language."""
    inputs = {}
    panels = []
    for language in other_languages():
        language_name = get_language_info(language)["name_translated"]  # lazy
        names = []
        for field in model.translated_fields:
            model_field = model._meta.get_field(field)
            names.append(_input_name(field, language))
            inputs[names[-1]] = model_field.formfield(
                required=False,
                label=format_lazy("{} ({})", capfirst(model_field.verbose_name), language_name),
            )
        panels.append(
            MultiFieldPanel(
                [FieldPanel(name) for name in names], heading=language_name, classname="collapsed"
            )
        )
    model.base_form_class = type(f"{model.__name__}Form", (TranslationsForm,), inputs)
    model.panels = [*model.panels, *panels]
    return model
