from django.core.checks import register

from vocabulary.checks import missing_apps, positive_int, setting_errors

from .conf import blog_settings


@register()
def check_blog(app_configs=None, **kwargs):
    required = ["vocabulary", "wagtail.contrib.routable_page", "wagtail.images", "wagtail.embeds"]
    return missing_apps("blog", required, "blog.E001") + setting_errors(
        blog_settings, positive_int, "blog.E002"
    )
