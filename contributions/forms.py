"""The public guest post form: everything typed is plain text or limited Markdown."""

from django import forms
from django.template.defaultfilters import filesizeformat

from community.blocklist import find_blocked
from community.forms import HoneypotField
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


class GuestPostForm(forms.Form):
    name = OneLineCharField(
        label="Your name",
        max_length=120,
        help_text="Shown on the post as its author.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email",
        help_text="Never shown. We write to you about your post here.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = OneLineCharField(
        label="Organisation",
        max_length=150,
        required=False,
        help_text="Optional: your university, city government, network or company.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    city = OneLineCharField(
        label="City",
        max_length=100,
        required=False,
        help_text="Optional: where you work, or the city your post is about.",
    )
    title = OneLineCharField(label="Title", max_length=200)
    excerpt = forms.CharField(
        label="Summary",
        max_length=400,
        help_text="One or two sentences for listings and feeds (at most 400 characters).",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label="Your post",
        min_length=BODY_MIN_CHARS,
        max_length=BODY_MAX_CHARS,
        help_text="Plain text; a blank line starts a new paragraph. You may use a little "
        "Markdown: *italic*, **bold**, [link text](https://…), lists starting with - or 1., "
        "## headings and > quotes. HTML is shown as typed, not used.",
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.all(),
        required=False,
        help_text=f"Optional: up to {MAX_THEMES} that fit your post.",
        widget=forms.CheckboxSelectMultiple,
    )
    header_image = forms.FileField(
        label="Header image",
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    document = forms.FileField(
        label="Document",
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    consent = forms.BooleanField(
        label="I wrote this post, I may publish it and its image, and I agree that City "
        "Forum edits and publishes it with my name and affiliation.",
        error_messages={"required": "Please confirm that we may publish your post."},
    )
    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        max_image = filesizeformat(contribution_settings.GUEST_POST_MAX_IMAGE_BYTES)
        megapixels = contribution_settings.GUEST_POST_MAX_IMAGE_PIXELS / 1_000_000
        self.fields["header_image"].help_text = (
            f"Optional: a JPEG, PNG or WebP of at most {max_image} and {megapixels:g} "
            "megapixels, that you may publish. Shown above your post."
        )
        max_document = filesizeformat(contribution_settings.GUEST_POST_MAX_DOCUMENT_BYTES)
        self.fields["document"].help_text = (
            f"Optional: a PDF of at most {max_document}, e.g. the report your post is "
            "about. Linked at the end of your post."
        )

    def clean_themes(self):
        themes = self.cleaned_data["themes"]
        if len(themes) > MAX_THEMES:
            raise forms.ValidationError(f"Choose at most {MAX_THEMES} themes.")
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
                f"Your post contains “{blocked}”, which this site does not accept. "
                "Please remove it and send your post again.",
                code="blocked",
            )
        return cleaned
