"""English, French and Spanish locales. The English one was made as "en-gb" when
LANGUAGE_CODE said so; it becomes "en", keeping its pages."""

from django.db import migrations

LANGUAGES = ["en", "fr", "es"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    if not Locale.objects.filter(language_code="en").exists():
        Locale.objects.filter(language_code="en-gb").update(language_code="en")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
