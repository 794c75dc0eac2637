from .conf import vocabulary_settings
from .sites import site_name


def cityforum(request):
    """What every plugin template reads: the host's base template, which they extend, and
    the site's name."""
    return {
        "base_template": vocabulary_settings.CITYFORUM_BASE_TEMPLATE,
        "site_name": site_name(request),
    }
