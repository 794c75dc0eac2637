from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabularyConfig(AppConfig):
    """Themes, people and organisations: the words every City Forum plugin shares."""

    name = "vocabulary"
    verbose_name = _("Themes, people and organisations")

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
