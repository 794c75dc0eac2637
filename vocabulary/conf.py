"""Settings of a plugin, with its defaults: one ``AppSettings`` per app (``blog/conf.py``…).

A host sets any of them in its Django settings; the rest keep the plugin's default. Read at
each access, so ``override_settings`` and the test ``settings`` fixture apply.
"""

from django.conf import settings


class AppSettings:
    def __init__(self, **defaults):
        self._defaults = defaults

    def __getattr__(self, name):
        try:
            default = self._defaults[name]
        except KeyError:
            raise AttributeError(f"{name} is not a setting of this app") from None
        return getattr(settings, name, default)

    def __iter__(self):
        """The names of the app's settings."""
        return iter(self._defaults)


vocabulary_settings = AppSettings(
    # The template every plugin page extends: the host's own base template.
    CITYFORUM_BASE_TEMPLATE="base.html",
    # Shown where no Wagtail site names itself.
    WAGTAIL_SITE_NAME="City Forum",
)
