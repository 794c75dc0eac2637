from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("importers", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importedentry",
            name="entry_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
    ]
