from django.core.checks import register

from vocabulary.checks import missing_apps


@register()
def check_importers(app_configs=None, **kwargs):
    # Imports run as tasks; django_tasks_db or django_tasks_rq is the queue behind them.
    return missing_apps("importers", ["blog", "vocabulary", "django_tasks"], "importers.E001")
