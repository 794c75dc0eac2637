"""The public guest post form: everything typed is plain text or limited Markdown."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from community.blocklist import find_blocked
from community.forms import HoneypotField
from vocabulary.conf import vocabulary_settings
from vocabulary.models import Theme

from . import uploads
from .conf import contribution_settings

BODY_MIN_CHARS = 200
BODY_MAX_CHARS = 40_000
MAX_THEMES = 3


class OneLineCharField(forms.CharField):
    """Text shown on one line (a name, a title): line breaks and runs of spaces collapse."""

    def to_python(self, value):
        return " ".join(super().to_python(value).split())


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """Themes named in the reader's language."""

    def label_from_instance(self, obj):
        return obj.translated_name


class GuestPostForm(forms.Form):
    name = OneLineCharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("Shown on the post as its author."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Never shown. We write to you about your post here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = OneLineCharField(
        label=_("Organisation"),
        max_length=150,
        required=False,
        help_text=_("Optional: your university, city government, network or company."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    city = OneLineCharField(
        label=_("City"),
        max_length=100,
        required=False,
        help_text=_("Optional: where you work, or the city your post is about."),
    )
    title = OneLineCharField(label=_("Title"), max_length=200)
    excerpt = forms.CharField(
        label=_("Summary"),
        max_length=400,
        help_text=_("One or two sentences for listings and feeds (at most 400 characters)."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label=_("Your post"),
        min_length=BODY_MIN_CHARS,
        max_length=BODY_MAX_CHARS,
        help_text=_(
            "Plain text; a blank line starts a new paragraph. You may use a little "
            "Markdown: *italic*, **bold**, [link text](https://…), lists starting with - or "
            "1., ## headings and > quotes. HTML is shown as typed, not used."
        ),
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    header_image = forms.FileField(
        label=_("Header image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    document = forms.FileField(
        label=_("Document"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please confirm that we may publish your post.")},
    )
    website = HoneypotField(label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Made with each form, in the reader's language (sizes too: "5,0 Mo" in French).
        fields = self.fields
        fields["themes"].help_text = ngettext(
            "Optional: up to %(count)d that fits your post.",
            "Optional: up to %(count)d that fit your post.",
            MAX_THEMES,
        ) % {"count": MAX_THEMES}
        fields["consent"].label = gettext(
            "I wrote this post, I may publish it and its image, and I agree that %(site_name)s "
            "edits and publishes it with my name and affiliation."
        ) % {"site_name": vocabulary_settings.WAGTAIL_SITE_NAME}
        max_image = filesizeformat(contribution_settings.GUEST_POST_MAX_IMAGE_BYTES)
        fields["header_image"].help_text = gettext(
            "Optional: a JPEG, PNG or WebP of at most %(size)s and %(megapixels)s "
            "megapixels, that you may publish. Shown above your post."
        ) % {"size": max_image, "megapixels": uploads.max_megapixels()}
        max_document = filesizeformat(contribution_settings.GUEST_POST_MAX_DOCUMENT_BYTES)
        fields["document"].help_text = gettext(
            "Optional: a PDF of at most %(size)s, e.g. the report your post is "
            "about. Linked at the end of your post."
        ) % {"size": max_document}

    def clean_themes(self):
        themes = self.cleaned_data["themes"]
        if len(themes) > MAX_THEMES:
            raise forms.ValidationError(
                ngettext(
                    "Choose at most %(count)d theme.",
                    "Choose at most %(count)d themes.",
                    MAX_THEMES,
                )
                % {"count": MAX_THEMES}
            )
        return themes

    def clean_header_image(self):
        upload = self.cleaned_data["header_image"]
        if upload:
            uploads.check_image(upload)
        return upload

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload:
            uploads.check_document(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        texts = [
            cleaned.get(name, "")
            for name in ("name", "email", "organisation", "city", "title", "excerpt", "body")
        ]
        if blocked := find_blocked(*texts):
            raise forms.ValidationError(
                _(
                    "Your post contains “%(blocked)s”, which this site does not accept. "
                    "Please remove it and send your post again."
                )
                % {"blocked": blocked},
                code="blocked",
            )
        return cleaned
