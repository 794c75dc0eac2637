from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    """Themes, people and organisations: the words every City Forum plugin shares."""

    name = "vocabulary"
    verbose_name = "Themes, people and organisations"

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
