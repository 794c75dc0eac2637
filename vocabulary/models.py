"""The shared vocabulary: curated themes, people, organisations and cities.

Blog posts, projects and imported partner posts all point at these, so a theme page, a city
page or an author archive can gather everything about one subject, place or person.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from .sites import host_url
from .translations import TranslatedText, with_translations


class NamedSlugModel(models.Model):
    """A named thing with a URL slug that is filled in from the name when left empty."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("Used in web addresses; filled in from the name when left empty."),
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:240] or "item"
        slug, n = base, 1
        siblings = type(self)._default_manager.exclude(pk=self.pk)
        while siblings.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


@with_translations
class Theme(TranslatedText, TagBase):
    """A curated tag such as #urbanSDG or City diplomacy.

    A django-taggit tag model, so Wagtail's tag widget and autocomplete work unchanged;
    ``free_tagging = False`` makes the widget offer existing themes only (see
    https://docs.wagtail.org/en/stable/topics/pages.html#custom-tag-models).
    """

    free_tagging = False

    hashtag = models.CharField(
        _("hashtag"),
        max_length=100,
        blank=True,
        help_text=_("As used on social media, e.g. #urbanSDG."),
    )
    description = models.TextField(_("description"), blank=True)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "Other names for this theme, in any language, one per line "
            "(e.g. 'diplomatie des villes'). Used to recognise it in partner feeds."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("hashtag"),
        FieldPanel("description"),
        FieldPanel("synonyms"),
        FieldPanel("image"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_absolute_url(self):
        return host_url("theme_detail", self.slug)

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


@with_translations
class Organisation(NamedSlugModel, TranslatedText):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University or research centre")
        LOCAL_GOVERNMENT = "local-government", _("Local or regional government")
        NETWORK = "network", _("City network or association")
        INTERNATIONAL = "international", _("International organisation")
        GOVERNMENT = "government", _("National government or agency")
        FUNDER = "funder", _("Foundation or funder")
        COMPANY = "company", _("Company or consultancy")
        PUBLISHER = "publisher", _("Publisher or media")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]

    class Meta(NamedSlugModel.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class Person(NamedSlugModel):
    """Someone who writes or works here; need not have a login."""

    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("Role or affiliation, e.g. 'Secretary General, UCLG'."),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
    )
    bio = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Never shown on the site; used to notify this person."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name=_("user account"),
    )
    is_guest = models.BooleanField(
        _("guest contributor"),
        default=False,
        help_text=_(
            "Sent a post through the public guest post form; their posts are "
            "labelled as guest posts."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel([FieldPanel("role"), FieldPanel("organisation")], heading=_("Affiliation")),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("is_guest"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("user")], heading=_("Private")),
    ]

    class Meta(NamedSlugModel.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")


class City(NamedSlugModel):
    """A city, metropolitan area or region that projects and posts cover."""

    country = CountryField(_("country"))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("description"),
    ]

    class Meta(NamedSlugModel.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def get_absolute_url(self):
        return host_url("city_detail", self.slug)


def rank_by_shared_themes(links, theme_ids, candidates, exclude_pk=None, limit=3, newest="date"):
    """The pks of ``candidates`` sharing most of ``theme_ids``, newest first among equals.

    ``links`` is a theme through model (tag -> content_object). Ranked on the links alone and
    the winners loaded by the caller: ranking over the joined pages took twice as long at
    5,000 posts.
    """
    if not theme_ids:
        return []
    return list(
        links.objects.filter(tag_id__in=theme_ids, content_object_id__in=candidates.values("pk"))
        .exclude(content_object_id=exclude_pk)
        .values("content_object_id")
        .annotate(shared=Count("pk"), newest=Max(f"content_object__{newest}"))
        .order_by("-shared", "-newest", "-content_object_id")
        .values_list("content_object_id", flat=True)[:limit]
    )
