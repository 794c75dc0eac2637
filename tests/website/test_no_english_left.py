"""The main pages in French and Spanish carry none of our English sentences.

Renders the demo site's reader pages in each language and looks, in their visible text and
in the attributes a reader meets (titles, labels, placeholders), for any sentence of our own
catalogues left in English. Content an editor wrote (a post's title) is no catalogue
sentence, so only the templates' and the code's words are judged.
"""

import html
import re
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

from blog.models import BlogPage
from projects.models import ProjectPage
from tests.factories import restore_migrated_rows
from vocabulary.models import City, Theme

ROOT = Path(__file__).resolve().parents[2]
SHORTEST = 3  # words: shorter strings ("Search", "Email") may be the same in French
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
SEEN_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|placeholder|alt|content)="([^"]*)"')


def english_sentences(language):
    """Our msgids of SHORTEST words or more that the language translates differently."""
    sentences = set()
    for path in ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            if "%" in entry.msgid or "{" in entry.msgid or "<" in entry.msgid:
                continue  # filled-in or marked-up text never appears as written
            if len(entry.msgid.split()) >= SHORTEST and entry.msgstr != entry.msgid:
                sentences.add(entry.msgid)
    return sentences


def seen_text(page):
    """What a reader reads: the text between tags and the attributes shown to them."""
    attributes = " ".join(SEEN_ATTRIBUTE.findall(page))
    return html.unescape(" ".join([TAG.sub(" ", page), attributes]))


def reader_pages(language):
    post = BlogPage.objects.live().filter(locale__language_code=language).first()
    project = ProjectPage.objects.live().filter(locale__language_code=language).first()
    prefix = f"/{language}"
    paths = [
        f"{prefix}/",
        f"{prefix}/blog/",
        f"{prefix}/projects/",
        f"{prefix}/themes/",
        f"{prefix}/themes/{Theme.objects.get(slug='city-diplomacy').slug}/",
        f"{prefix}/cities/",
        f"{prefix}/cities/{City.objects.order_by('pk').first().slug}/",
        f"{prefix}/follow/",
        f"{prefix}/search/?q=city",
        f"{prefix}/search/?q=zzzznothing",
        f"{prefix}/contribute/",
        f"{prefix}/no-such-page/",
    ]
    paths += [page.url for page in (post, project) if page is not None]
    return paths


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the demo commits
def test_no_english_sentence_is_left_on_the_main_pages(client):
    restore_migrated_rows()  # what load_demo expects of a migrated database
    call_command("load_demo", stdout=StringIO())
    left = {}
    for language in ["fr", "es"]:
        sentences = english_sentences(language)
        assert len(sentences) > 100, "the catalogues are there"
        for path in reader_pages(language):
            response = client.get(path)
            assert response.status_code in (200, 404), path
            text = " ".join(seen_text(response.content.decode()).split())
            found = sorted(sentence for sentence in sentences if sentence in text)
            if found:
                left[path] = found
    assert left == {}
