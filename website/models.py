from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from blog.models import BlogPage
from vocabulary.models import Theme

HOME_LATEST_POSTS = 6


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_theme_links", heading="Featured themes", label="Theme"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_posts"] = (
            BlogPage.objects.published().newest_first().for_listing()[:HOME_LATEST_POSTS]
        )
        context["featured_themes"] = [
            link.theme for link in self.featured_theme_links.select_related("theme")
        ]
        return context


class HomePageFeaturedTheme(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("theme")]
