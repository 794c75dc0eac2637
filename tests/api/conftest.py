"""The read API at /api/v2/, through real requests, answers read as JSON."""

import io

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from contributions.uploads import guest_collection
from tests.blog.test_visibility import hidden_posts  # noqa: F401 (a fixture)
from tests.contributions.conftest import png_bytes
from tests.factories import make_document, make_project_index, make_scoping_study


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.content[:500])
    return response.json()


def titles(client, path):
    """The titles of the listing at ``path``, in order."""
    return [item["title"] for item in get_json(client, path)["items"]]


def make_image(title="Photo", collection=None):
    image = get_image_model()(
        title=title, file=ImageFile(io.BytesIO(png_bytes()), name="photo.png")
    )
    if collection:
        image.collection = collection
    image.save()
    return image


@pytest.fixture
def project_index(home):
    return make_project_index(home)


@pytest.fixture
def scoping_study(project_index):
    return make_scoping_study(project_index)


@pytest.fixture
def guest_files(db):
    """A document and an image waiting in the restricted "Guest submissions" collection."""
    document = make_document("Guest draft paper", filename="guest.pdf")
    document.collection = guest_collection()
    document.save()
    return document, make_image("Guest header", collection=guest_collection())
