"""The "Guest post review" workflow (one Editors approval task) and the Contributors group.

Contributors reach the admin, add and choose images and documents in a "Contributors"
collection of their own (never the others, such as guest submissions awaiting review), and
hold Wagtail's "add" page permission on each blog: they create posts there and edit the ones they own, submit
them for moderation, and never publish. Approving the last task of a workflow publishes
the page, which Wagtail allows only to someone who may publish it: Editors get "publish"
on each blog. Blogs made later get the same through
``contributions.moderation.open_to_guest_posts``. Every step is get-or-create, so running
it again changes nothing.
"""

from django.db import migrations

WORKFLOW = "Guest post review"
TASK = "Editors approval"
CONTRIBUTORS = "Contributors"
# Treebeard's materialised paths, as wagtail.models.Collection (an MP_Node) makes them.
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PATH_STEP = 4
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "choose_document"),
]


def child_collection(Collection, parent, name):
    """Get or create the collection ``name`` under ``parent``. Historical models lack
    treebeard's methods, so the child's path is the parent's and one step more."""
    children = Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    if existing := children.filter(name=name).first():
        return existing
    last = children.order_by("-path").first()
    number = int(last.path[-PATH_STEP:], len(PATH_ALPHABET)) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, len(PATH_ALPHABET))
        step = PATH_ALPHABET[digit] + step
    parent.numchild = children.count() + 1
    parent.save(update_fields=["numchild"])
    return Collection.objects.create(
        name=name, path=parent.path + step.rjust(PATH_STEP, "0"), depth=parent.depth + 1
    )


def create_review_and_contributors(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    BlogIndexPage = apps.get_model("blog.BlogIndexPage")

    def permission(app_label, model, codename):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )[0]

    editors, _ = Group.objects.get_or_create(name="Editors")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    contributors, _ = Group.objects.get_or_create(name=CONTRIBUTORS)
    contributors.permissions.add(permission("wagtailadmin", "admin", "access_admin"))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        collection = child_collection(Collection, root_collection, CONTRIBUTORS)
        for app_label, model, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=contributors,
                collection=collection,
                permission=permission(app_label, model, codename),
            )
    add_page = permission("wagtailcore", "page", "add_page")
    publish_page = permission("wagtailcore", "page", "publish_page")
    for blog in BlogIndexPage.objects.all():
        GroupPagePermission.objects.get_or_create(
            group=contributors, page_id=blog.pk, permission=add_page
        )
        GroupPagePermission.objects.get_or_create(
            group=editors, page_id=blog.pk, permission=publish_page
        )
        WorkflowPage.objects.get_or_create(page_id=blog.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("blog", "0004_imported_posts"),
        # Wagtail's own migrations make the Editors group and the permissions used here.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_review_and_contributors, migrations.RunPython.noop),
    ]
