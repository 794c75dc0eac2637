"""Translations of demo pages made the wagtail-localize way, from the words in ``demo.content``.

A translated page is what an editor gets from "Translate this page" in the admin: the
English page is the ``TranslationSource``, a ``Translation`` ties it to the target locale,
and every string of the source has its translation in wagtail-localize's translation memory
(``StringTranslation``), imported as a PO file. The page is then built from that memory, so
the editor sees a complete translation in the translation editor, and syncing it after the
English page changes keeps our words for every string that did not change.

The words are given as a twin of the English content (title, slug, intro or excerpt, a body
with the same blocks in the same order); ``string_pairs`` pairs the two, string by string.
"""

import re

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    MissingTranslationError,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

TOOL_NAME = "City Forum demo"  # recorded on each imported string, shown in the editor

_BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class MismatchError(ValueError):
    """The translated words do not have the English page's structure."""


def _strings(instance):
    """(path with block ids blanked, path, text) of every translatable string, in order."""
    return [
        (_BLOCK_ID.sub("*", segment.path), segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def _with_words(instance, words):
    """``instance`` (not saved) with ``words`` in its fields; a StreamField's raw blocks are
    turned into its values, with ids, as saving would."""
    for name, value in words.items():
        field = instance._meta.get_field(name)
        if hasattr(field, "stream_block"):
            block = field.stream_block
            setattr(instance, name, value)
            value = block.to_python(block.get_prep_value(getattr(instance, name)))
        setattr(instance, name, value)
    return instance


def string_pairs(source, words):
    """``{(path, English text): translated text}`` for every string of ``source``."""
    instance = source.as_instance()
    original = _strings(instance)
    translated = _strings(_with_words(instance, words))
    if [path for path, _, _ in original] != [path for path, _, _ in translated]:
        raise MismatchError(source.object_repr)
    return {
        (path, text): words_text
        for (_, path, text), (_, _, words_text) in zip(original, translated, strict=True)
    }


class _Untranslatable(Exception):
    pass


def translate_page(page, locale, words, user=None):
    """Create ``page``'s translation into ``locale`` from ``words`` and publish it.

    Returns the new page, or None when the English page's strings no longer match the
    demo's words (an editor changed them): nothing is saved then.

    The page is saved with the English slug, then its own: run this with
    ``WAGTAILREDIRECTS_AUTO_CREATE`` off, up to the commit, or Wagtail keeps a redirect from
    that passing address, which no reader ever saw.
    """
    try:
        with transaction.atomic():
            return _translate_page(page, locale, words, user)
    except _Untranslatable:
        return None


def _translate_page(page, locale, words, user):
    source, _ = TranslationSource.get_or_create_from_instance(page.specific)
    try:
        pairs = string_pairs(source, words)
    except MismatchError as error:
        raise _Untranslatable from error
    # Enabled again if it was disabled, as when its page was deleted.
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = source.export_po()
    for entry in po:
        entry.msgstr = pairs.get((entry.msgctxt, entry.msgid), "")
    translation.import_po(po, user=user, tool_name=TOOL_NAME)
    try:
        translated, _ = source.create_or_update_translation(
            locale, user=user, publish=False, fallback=False
        )
    except MissingTranslationError as error:
        raise _Untranslatable from error
    # Published here rather than by create_or_update_translation, which waits for the
    # transaction to commit: the rest of the run (and a test) sees the page live.
    translated = Page.objects.get(pk=translated.pk).specific
    translated.get_latest_revision().publish(user=user)
    translated.refresh_from_db()
    return translated
