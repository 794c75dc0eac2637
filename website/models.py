from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from blog.models import BlogPage
from vocabulary.models import Theme

HOME_LATEST_POSTS = 6


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"], verbose_name=_("intro"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_theme_links", heading=_("Featured themes"), label=_("Theme")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    # Added once in the admin; the other languages' are its translations (copies, which the
    # limit does not stop).
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_posts"] = (
            BlogPage.objects.published()
            .in_locale(self.locale_id)  # this home page's language only
            .newest_first()
            .for_listing()[:HOME_LATEST_POSTS]
        )
        context["featured_themes"] = [
            link.theme for link in self.featured_theme_links.select_related("theme")
        ]
        return context


class HomePageFeaturedTheme(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_theme_links")
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="+", verbose_name=_("theme")
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured theme")
        verbose_name_plural = _("featured themes")
