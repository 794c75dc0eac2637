"""Checking and keeping a guest's header image and document.

What a file *is* comes from its bytes, never its name: Pillow identifies the image format
from the header, a PDF must start with ``%PDF-``. An image's width and height are read from
its header and checked before any pixel is decoded, so a small file declaring a huge
picture (a decompression bomb) is refused without being unpacked.

Until a post is published its files wait in the "Guest submissions" collection, which
only Editors and Moderators may view. Wagtail honours that restriction for documents alone,
in its serve view at /documents/ (the web server must not serve /media/documents/ itself).
Image originals under /media/ are served by the web server, unchecked; public pages make
renditions only once a post is published.
"""

import os
import warnings
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext
from PIL import Image, UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from .conf import contribution_settings

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PDF_MAGIC = b"%PDF-"
COLLECTION_NAME = "Guest submissions"
REVIEWERS = ["Editors", "Moderators"]


def check_image(upload) -> None:
    """A JPEG, PNG or WebP within the size and pixel caps that decodes whole."""
    _check_size(upload, contribution_settings.GUEST_POST_MAX_IMAGE_BYTES, "image")
    not_an_image = ValidationError(
        gettext(
            "This file is not a JPEG, PNG or WebP image. Choose a photo or graphic in one "
            "of those formats."
        ),
        code="image_type",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format not in IMAGE_FORMATS:
                    raise not_an_image
                _check_pixels(*image.size)
                image.verify()  # checksums and structure, without decoding
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()  # every pixel: a truncated or corrupt file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_an_image from error
    finally:
        upload.seek(0)


def check_document(upload) -> None:
    """A PDF (by its name and its first bytes) within the size cap."""
    _check_size(upload, contribution_settings.GUEST_POST_MAX_DOCUMENT_BYTES, "document")
    is_pdf_name = os.path.splitext(upload.name)[1].lower() == ".pdf"
    upload.seek(0)
    is_pdf_content = upload.read(len(PDF_MAGIC)) == PDF_MAGIC
    upload.seek(0)
    if not (is_pdf_name and is_pdf_content):
        raise ValidationError(
            gettext(
                "The document must be a PDF file (ending in .pdf). Save or export it as PDF "
                "and choose it again."
            ),
            code="document_type",
        )


def save_image(upload, title: str):
    """The checked upload as a Wagtail image in the guest submissions collection."""
    with Image.open(upload) as image:
        extension = IMAGE_FORMATS[image.format]
    upload.seek(0)
    image = get_image_model()(title=title, collection=guest_collection())
    image.file.save(f"guest-header.{extension}", upload, save=False)
    image.save()
    return image


def save_document(upload, title: str):
    """The checked upload as a Wagtail document in the guest submissions collection."""
    document = get_document_model()(title=title, collection=guest_collection())
    document.file.save("guest-document.pdf", upload, save=False)
    document.save()
    return document


def guest_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=COLLECTION_NAME)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=REVIEWERS))
    return collection


def release_files(post):
    """The published ``post``'s header image and documents move from guest submissions to
    the root collection, so readers may download them."""
    document_ids = [
        block.value["document"].pk
        for block in post.body
        if block.block_type == "document" and block.value["document"]
    ]
    if post.header_image_id is None and not document_ids:
        return  # no query for a post without files, as imported posts are
    root = Collection.get_first_root_node()
    waiting = root.get_children().filter(name=COLLECTION_NAME)
    get_image_model().objects.filter(pk=post.header_image_id, collection__in=waiting).update(
        collection=root
    )
    get_document_model().objects.filter(pk__in=document_ids, collection__in=waiting).update(
        collection=root
    )


def max_megapixels() -> str:
    """The pixel cap in megapixels, as the reader's language writes numbers ("0,5")."""
    megapixels = contribution_settings.GUEST_POST_MAX_IMAGE_PIXELS / 1_000_000
    return formats.number_format(Decimal(f"{megapixels:g}"))


def _check_size(upload, limit: int, what: str) -> None:
    if upload.size > limit:
        sizes = {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        if what == "image":
            message = gettext(
                "This image is %(size)s; the largest accepted is %(limit)s. Choose a smaller file."
            )
        else:
            message = gettext(
                "This document is %(size)s; the largest accepted is %(limit)s. Choose a "
                "smaller file."
            )
        raise ValidationError(message % sizes, code="file_size")


def _check_pixels(width: int, height: int) -> None:
    if width * height > contribution_settings.GUEST_POST_MAX_IMAGE_PIXELS:
        raise _too_many_pixels(width, height)


def _too_many_pixels(width=None, height=None) -> ValidationError:
    words = {"width": width, "height": height, "megapixels": max_megapixels()}
    if width:
        message = gettext(
            "This image is too large in pixels (%(width)d x %(height)d pixels); the limit is "
            "%(megapixels)s megapixels. Resize it and choose it again."
        )
    else:
        message = gettext(
            "This image is too large in pixels; the limit is %(megapixels)s megapixels. "
            "Resize it and choose it again."
        )
    return ValidationError(message % words, code="image_pixels")
