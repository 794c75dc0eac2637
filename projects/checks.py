from django.core.checks import register

from vocabulary.checks import missing_apps


@register()
def check_projects(app_configs=None, **kwargs):
    required = ["blog", "vocabulary", "django_filters", "django_countries", "wagtail.documents"]
    return missing_apps("projects", required, "projects.E001")
