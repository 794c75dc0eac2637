"""The French and Spanish catalogues: complete, current and well formed.

Every app's ``locale/<language>/LC_MESSAGES/django.po`` must translate every string its code
and templates mark, with no fuzzy entry and the same placeholders as the English.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
APPS = re.search(r"^APPS := (.*?)(?<!\\)$", (ROOT / "Makefile").read_text(), re.M | re.S)
APPS = APPS.group(1).replace("\\\n", " ").split()
TRANSLATIONS = re.search(r"^TRANSLATIONS := (.*)$", (ROOT / "Makefile").read_text(), re.M)
CATALOGUES = [(app, language) for app in APPS for language in LANGUAGES]
# "%(name)s", "%s", "{name}", "{{ name }}": what the translation must carry over unchanged.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*[\w.]*\s*\}?\}")


def catalogue(app, language):
    return polib.pofile(str(ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"))


def test_the_makefile_lists_every_app_with_strings():
    apps_with_catalogues = {path.parts[-5] for path in ROOT.glob("*/locale/*/LC_MESSAGES/*.po")}
    assert apps_with_catalogues == set(APPS)


def test_the_makefile_translates_every_language_but_the_default():
    assert TRANSLATIONS.group(1).split() == LANGUAGES


@pytest.mark.parametrize("app, language", CATALOGUES)
def test_every_entry_is_translated_and_none_is_fuzzy(app, language):
    po = catalogue(app, language)
    assert po.metadata["Language"] == language
    assert "fuzzy" not in po.metadata_is_fuzzy
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.obsolete_entries() == []


@pytest.mark.parametrize("app, language", CATALOGUES)
def test_translations_keep_the_placeholders(app, language):
    wrong = []
    for entry in catalogue(app, language).translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            # A singular form may say "one" instead of carrying the count.
            found = sorted(PLACEHOLDER.findall(form))
            if not set(found) <= set(wanted) or (not entry.msgid_plural and found != wanted):
                wrong.append((entry.msgid, form))
    assert wrong == []


@pytest.mark.parametrize("app, language", CATALOGUES)
def test_msgfmt_accepts_the_catalogue(app, language):
    path = ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"
    subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], check=True)


@pytest.mark.parametrize("app", APPS)
def test_the_catalogues_hold_every_string_the_code_marks(app, tmp_path):
    """Collects the app's strings afresh, as ``make messages`` does, into a copy."""
    copy = tmp_path / app
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", "-l", LANGUAGES[0], "-v", "0"],
        cwd=copy,
        check=True,
    )
    collected = polib.pofile(str(copy / "locale" / LANGUAGES[0] / "LC_MESSAGES" / "django.po"))
    committed = {(entry.msgctxt, entry.msgid) for entry in catalogue(app, LANGUAGES[0])}
    missing = [entry.msgid for entry in collected if (entry.msgctxt, entry.msgid) not in committed]
    assert missing == [], f"run `make messages` and translate the new strings of {app}"
    stale = [entry.msgid for entry in collected.obsolete_entries()]
    assert stale == [], f"run `make messages`: {app}'s code no longer marks these"
