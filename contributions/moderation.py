"""Where guest posts meet Wagtail's moderation: the outcome told to the submitter, and
each new blog opened to Contributors, Editors and the guest post workflow.

The group and the workflow are made by this app's data migration, by name.
"""

from functools import partial

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage
from wagtail.signals import page_published, workflow_rejected

from blog.models import BlogIndexPage, BlogPage

from . import tasks, uploads
from .models import GuestSubmission

GUEST_WORKFLOW = "Guest post review"
CONTRIBUTORS_GROUP = "Contributors"
EDITORS_GROUP = "Editors"


@receiver(page_published, sender=BlogPage, dispatch_uid="guest-post-published")
def _published(instance, **kwargs):
    """Approval publishes the post (and so does an editor's own Publish): its files become
    public, and the guest is told once."""
    uploads.release_files(instance)
    _decide(
        GuestSubmission.objects.filter(page_id=instance.pk).exclude(
            outcome=GuestSubmission.Outcome.PUBLISHED
        ),
        GuestSubmission.Outcome.PUBLISHED,
    )


@receiver(workflow_rejected, dispatch_uid="guest-post-rejected")
def _rejected(instance, **kwargs):
    """An editor asked for changes: the comment they gave goes to the guest."""
    if instance.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    _decide(
        GuestSubmission.objects.filter(page_id=instance.object_id),
        GuestSubmission.Outcome.REJECTED,
        editor_comment=instance.current_task_state.comment,
    )


def _decide(submissions, outcome, **fields):
    decided = list(submissions.values_list("pk", flat=True))
    if not decided:  # most posts, imported ones above all, are no guest's
        return
    GuestSubmission.objects.filter(pk__in=decided).update(
        outcome=outcome, decided_at=timezone.now(), **fields
    )
    for pk in decided:
        transaction.on_commit(partial(tasks.send_outcome.enqueue, pk), robust=True)


@receiver(post_save, sender=BlogIndexPage, dispatch_uid="blog-open-to-guest-posts")
def _new_blog(instance, created, raw=False, **kwargs):
    if created and not raw:
        open_to_guest_posts(instance)


def open_to_guest_posts(blog):
    """What this app's data migration does for each blog, for a blog made later.

    Contributors get Wagtail's "add" permission (create posts below it and edit their own,
    never publish); Editors get "publish", without which approving the review, which
    publishes, is refused; drafts there go to guest post review. Each part is skipped where
    its group or the workflow has been removed.
    """
    for group_name, codename in ((CONTRIBUTORS_GROUP, "add_page"), (EDITORS_GROUP, "publish_page")):
        if group := Group.objects.filter(name=group_name).first():
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=blog, permission=permission)
    if workflow := Workflow.objects.filter(name=GUEST_WORKFLOW, active=True).first():
        WorkflowPage.objects.get_or_create(page=blog, defaults={"workflow": workflow})
