"""Editors and Moderators may list guest submissions in the admin (read-only)."""

from django.db import migrations


def let_reviewers_view(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="contributions", model="guestsubmission"
    )
    view, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_guestsubmission",
        defaults={"name": "Can view guest submission"},
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [("contributions", "0002_guest_post_review")]

    operations = [migrations.RunPython(let_reviewers_view, migrations.RunPython.noop)]
