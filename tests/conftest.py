import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from .factories import make_site
from .smtp import SMTPInbox


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"


def _flushes_without_restoring(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        return bool(marker.kwargs.get("transaction")) and not marker.kwargs.get(
            "serialized_rollback"
        )
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures and "django_db_serialized_rollback" not in fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests without serialized rollback run last: their flush rebuilds the
    content types, which a later test's serialized restore would then collide with."""
    items.sort(key=_flushes_without_restoring)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (menus, site root paths)."""
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_after():
    """A request under /fr/ leaves French active in this thread (LocaleMiddleware activates
    a language and never resets it), and reverse() in the next test would give /fr/ paths."""
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(db):
    """(home, blog): the page tree every reader-facing test starts from."""
    return make_site()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def blog(site_tree):
    return site_tree[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1 that the site's email goes to; read its ``messages``."""
    with SMTPInbox() as inbox:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = inbox.host
        settings.EMAIL_PORT = inbox.port
        yield inbox
