from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    """Research project pages: team, partners, places covered, outputs and their citations."""

    name = "projects"
    verbose_name = "Research projects"

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
