"""A guest's post becomes a draft blog post in the "Guest post review" workflow."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Workflow

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from blog.slugs import free_child_slug
from vocabulary.models import City, Organisation, Person

from . import tasks, uploads
from .conf import contribution_settings
from .markup import body_blocks
from .models import GuestSubmission
from .moderation import GUEST_WORKFLOW

logger = logging.getLogger(__name__)


def guest_blog(language=None):
    """The blog guest posts go to: the one named in settings, else the first live one; of
    those, the one in ``language`` (the active one when None: the form's), else the one in
    the default language, else any.

    Each language has its own tree, so the French blog is a translation of the English one
    (the same slug); a post sent from /fr/contribute/ is a French post in it. Where the
    blog has no French translation yet, the post goes to the default language's blog.
    """
    blogs = BlogIndexPage.objects.live()
    if contribution_settings.GUEST_POST_BLOG_SLUG:
        blogs = blogs.filter(slug=contribution_settings.GUEST_POST_BLOG_SLUG)
    blogs = list(blogs.select_related("locale").order_by("path"))  # a handful, one query
    for code in (form_language(language), settings.LANGUAGE_CODE):
        if blog := next((blog for blog in blogs if blog.locale.language_code == code), None):
            return blog
    return blogs[0] if blogs else None


def form_language(language=None):
    """``language`` (the active one when None) as one of the site's languages."""
    try:
        return translation.get_supported_language_variant(language or translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


@transaction.atomic
def submit_guest_post(blog, data, language=None) -> GuestSubmission:
    """Store the form's cleaned ``data`` as a draft under ``blog`` (a post in the blog's
    language) and put it up for review. The guest hears from us in ``language``, the form's
    (the active one when None), even where the post went to another language's blog."""
    now = timezone.now()
    language = form_language(language)
    city = City.objects.filter(name__iexact=data["city"]).first() if data["city"] else None
    body = body_blocks(data["body"])
    if data["document"]:
        document = uploads.save_document(data["document"], data["title"])
        body.append(("document", {"document": document, "title": "", "description": ""}))
    post = BlogPage(
        title=data["title"],
        slug=free_child_slug(blog, data["title"]),
        date=now,
        excerpt=data["excerpt"],
        body=body,
        live=False,
        comments_enabled=True,
    )
    if data["header_image"]:
        post.header_image = uploads.save_image(data["header_image"], f"Header: {data['title']}")
    post.themes.set(list(data["themes"]))
    post.cities = [city] if city else []
    post.author_links = [BlogPageAuthor(person=_guest_person(data))]
    blog.add_child(instance=post)
    post.save_revision(log_action=True)
    submission = GuestSubmission.objects.create(
        page=post,
        title=data["title"],
        name=data["name"],
        email=data["email"],
        organisation=data["organisation"],
        city=data["city"],
        language=language,
        consent_at=now,
    )
    _start_review(post)
    transaction.on_commit(lambda: tasks.send_receipt.enqueue(submission.pk))
    return submission


def _guest_person(data) -> Person:
    """The guest as an author: the same guest profile when they write again, else a new one.

    Staff profiles are never matched, so a stranger cannot sign as one of them.
    """
    existing = Person.objects.filter(
        is_guest=True, name__iexact=data["name"], email__iexact=data["email"]
    ).first()
    if existing:
        return existing
    organisation = data["organisation"]
    return Person.objects.create(
        name=data["name"],
        email=data["email"],
        role=", ".join(part for part in (organisation, data["city"]) if part),
        organisation=Organisation.objects.filter(name__iexact=organisation).first()
        if organisation
        else None,
        is_guest=True,
    )


def _start_review(post):
    workflow = Workflow.objects.filter(name=GUEST_WORKFLOW, active=True).first()
    workflow = workflow or post.get_workflow()  # renamed or switched off: the blog's own
    if workflow is None:
        logger.error("Guest post %s awaits review but no workflow is active.", post.pk)
        return
    workflow.start(post, user=None)
