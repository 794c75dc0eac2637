"""The comment form: xtd's fields (with its security hash and timestamp), one honeypot, and
the checks against spam that need only what was typed (links, blocked terms, reply depth)."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django_comments_xtd.forms import XtdCommentForm

from community.blocklist import find_blocked
from community.forms import HoneypotField

from .conf import discussion_settings
from .models import Comment
from .rendering import link_count

SECURITY_FIELDS = ("timestamp", "security_hash")
SECURITY_MESSAGE = _(
    "This form was open too long or was changed on the way, so it could not be checked. "
    "Your comment is still below: please send it again."
)


class CommentForm(XtdCommentForm):
    honeypot = HoneypotField(label=_("Leave this field empty"))
    url = forms.URLField(
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain widgets styled by the site's CSS, not xtd's Bootstrap classes.
        # Our own words for every label, not the libraries': each app's catalogue has them.
        fields = self.fields
        fields["name"].widget = forms.TextInput(attrs={"autocomplete": "name", "maxlength": 50})
        fields["name"].label = pgettext_lazy("person", "Name")
        fields["email"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        fields["email"].label = _("Email")
        fields["email"].help_text = _(
            "Never shown. We email you a link to confirm it. Once a comment of yours is "
            "approved, each later one you confirm from the email skips moderation."
        )
        fields["url"].widget = forms.URLInput(attrs={"autocomplete": "url"})
        fields["url"].label = _("Website (optional)")
        fields["comment"].widget = forms.Textarea(attrs={"rows": 6})
        fields["comment"].label = _("Comment")
        max_links = discussion_settings.COMMENTS_MAX_LINKS
        fields["comment"].help_text = _(
            "Plain text; links are made clickable (at most %(max_links)d)."
        ) % {"max_links": max_links}
        fields["followup"].widget = forms.CheckboxInput()
        fields["followup"].label = _(
            "Email me when someone else comments on this post (once my address is confirmed)"
        )

    def text_fields(self):
        return [self[name] for name in ("name", "email", "url", "comment")]

    def get_comment_model(self):
        # django_comments' duplicate check (a double submit) searches this model.
        return Comment

    def full_clean(self):
        super().full_clean()
        # Tie each error message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                self.fields[name].widget.attrs.update(
                    {
                        "aria-invalid": "true",
                        "aria-describedby": f"{bound.auto_id}_error {bound.auto_id}_helptext",
                    }
                )

    def _may_reply_to(self, parent_pk):
        """A visible comment on this post, not at the depth limit."""
        parent = Comment.objects.on(self.target_object).approved().filter(pk=parent_pk).first()
        return parent is not None and parent.allow_thread()

    def has_security_error(self):
        return any(name in self.errors for name in SECURITY_FIELDS)

    def refresh_security_data(self):
        """A new timestamp and hash for sending the form again, keeping what was typed."""
        self.data = self.data.copy()
        self.data.update(self.generate_security_data())

    def clean_comment(self):
        comment = super().clean_comment()
        links = link_count(comment)
        if links > discussion_settings.COMMENTS_MAX_LINKS:
            max_links = discussion_settings.COMMENTS_MAX_LINKS
            raise forms.ValidationError(
                ngettext(
                    "Your comment has %(links)d links; at most %(max_links)d is allowed. "
                    "Please remove some.",
                    "Your comment has %(links)d links; at most %(max_links)d are allowed. "
                    "Please remove some.",
                    max_links,
                )
                % {"links": links, "max_links": max_links},
                code="too_many_links",
            )
        return comment

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("reply_to") and not self._may_reply_to(cleaned_data["reply_to"]):
            # A form error, not the hidden field's: the reader must see it.
            raise forms.ValidationError(
                _(
                    "The comment you are replying to cannot take replies. Post yours as a new "
                    "comment instead."
                ),
                code="reply_to",
            )
        blocked = find_blocked(
            *(cleaned_data.get(name, "") for name in ("name", "email", "url", "comment"))
        )
        if blocked:
            raise forms.ValidationError(
                _(
                    "Your comment contains “%(blocked)s”, which is not allowed here. Please "
                    "remove it and send your comment again."
                )
                % {"blocked": blocked},
                code="blocked",
            )
        return cleaned_data
