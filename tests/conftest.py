import pytest
from django.conf import settings
from django.core.cache import cache

from .factories import make_site


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (menus, site root paths)."""
    cache.clear()


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
