"""SQLite: the search index's FTS5 table folds diacritics ("Medellin" finds "Medellín").

modelsearch creates the table with FTS5's default tokenizer; this makes it again with
``unicode61 remove_diacritics 2`` and fills it from the index entries it mirrors (the
triggers that keep it in step name the table, so they carry on). PostgreSQL: nothing here;
there each page's language stems its words (website.search).
"""

from django.db import migrations

TOKENIZER = "unicode61 remove_diacritics 2"  # website.search.SQLITE_TOKENIZER, frozen here


def _rebuild(apps, schema_editor, tokenizer):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    fts = f"{entries}_fts"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [fts])
        if cursor.fetchone() is None:  # no FTS5: the backend falls back to plain LIKE queries
            return
        options = f", tokenize = '{tokenizer}'" if tokenizer else ""
        cursor.execute(f"DROP TABLE {fts}")
        cursor.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(autocomplete, body, title{options})")
        cursor.execute(
            f"INSERT INTO {fts} (rowid, title, body, autocomplete) "  # noqa: S608
            f"SELECT id, title, body, autocomplete FROM {entries}"
        )


def fold_diacritics(apps, schema_editor):
    _rebuild(apps, schema_editor, TOKENIZER)


def default_tokenizer(apps, schema_editor):
    _rebuild(apps, schema_editor, None)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_three_languages"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(fold_diacritics, default_tokenizer, elidable=False)]
