import importlib
import io
import struct
import zlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import make_theme

GUEST_EMAIL = "ada@uni.example.org"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
BODY = (
    "Cities have learnt to speak for themselves abroad. This post looks at *how* they do "
    "it, and at what the **networks** they join change for their residents.\n\n"
    "## Networks\n\n"
    "- Twinning agreements\n- City networks\n\n"
    "See [the report](https://research.example.org/report) for the details and the "
    "sources behind every figure quoted here."
)


@pytest.fixture
def guest_review(db):
    """The workflow and group this app's data migration makes, made again if a
    transactional test has flushed them: the migration is get-or-create throughout."""
    migrations = "contributions.migrations"
    importlib.import_module(f"{migrations}.0002_guest_post_review").create_review_and_contributors(
        apps, None
    )
    importlib.import_module(f"{migrations}.0003_editors_view_submissions").let_reviewers_view(
        apps, None
    )
    return Group.objects.get(name="Contributors")


@pytest.fixture
def guest_blog(guest_review, blog):
    return blog


@pytest.fixture
def editor(guest_review, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@cityforum.example.org", "editor-password"
    )
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    return user


@pytest.fixture
def theme(db):
    return make_theme("City diplomacy", slug="city-diplomacy")


def png_bytes(size=(32, 24), image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (31, 78, 121)).save(buffer, image_format)
    return buffer.getvalue()


def png_claiming(width, height):
    """A valid small PNG whose header declares ``width`` x ``height`` pixels: a
    decompression bomb's shape, without the memory."""
    data = bytearray(png_bytes((8, 8)))
    # Signature (8) + chunk length (4) + b"IHDR" (4), then width and height.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def form_data(**overrides):
    data = {
        "name": "Ada Lovelace",
        "email": GUEST_EMAIL,
        "organisation": "University of Somewhere",
        "city": "Bristol",
        "title": "How cities speak abroad",
        "excerpt": "City diplomacy, from twinning to networks.",
        "body": BODY,
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_guest_submission(client, **overrides):
    """POST the public form as a stranger would; the response."""
    return client.post("/contribute/", form_data(**overrides))
