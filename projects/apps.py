from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Research project pages: team, partners, places covered, outputs and their citations."""

    name = "projects"
    verbose_name = _("Research projects")

    def ready(self):
        from . import checks  # noqa: F401 (registers them)
