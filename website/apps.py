from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The host site: home page, theme hub, follow page, search and site-wide templates."""

    name = "website"
    verbose_name = "Website"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .structure import forget_site_structure

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_site_structure, dispatch_uid=f"structure-{id(signal)}")
        for model in (Page, Site):
            post_delete.connect(forget_site_structure, sender=model, dispatch_uid=f"del-{model}")
        post_save.connect(forget_site_structure, sender=Site, dispatch_uid="structure-site-save")
