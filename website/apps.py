from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The host site: home page, theme hub, follow page, search and site-wide templates."""

    name = "website"
    verbose_name = "Website"
