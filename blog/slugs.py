"""Slugs for posts made by code (imported entries, guest posts) rather than in the editor."""

from django.utils.text import slugify

from .models import RESERVED_SLUGS, BlogPage

SLUG_LENGTH = 80


def slug_base(title):
    """A slug from ``title`` that no archive route of the blog owns."""
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "post"
    if base in RESERVED_SLUGS or (base.isdigit() and len(base) == 4):
        base = f"post-{base}"
    return base


def free_slug(base, taken):
    """``base``, or ``base-2``, ``base-3``... whichever is not in ``taken``."""
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def free_child_slug(blog, title):
    """A slug for a new post titled ``title`` that no post of ``blog`` has yet."""
    base = slug_base(title)
    siblings = BlogPage.objects.child_of(blog).filter(slug__startswith=base)
    return free_slug(base, set(siblings.values_list("slug", flat=True)))
