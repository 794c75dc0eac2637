"""Which blog an entry's post goes to: the source's blog in the entry's language.

The language is, in order: the entry's (its ``xml:lang``, else its feed's ``<language>`` or
root ``xml:lang``, read by the core) when it is one of ``WAGTAIL_CONTENT_LANGUAGES``; else
the source's own ``locale``; else the default locale (``LANGUAGE_CODE``). The post is made
under that locale's translation of the source's blog. When the blog has no translation in
that locale, the post goes to the source's blog itself, in its locale: a partner's post is
never lost, and an editor can translate the blog and move it.
"""

from django.conf import settings
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale


def content_languages():
    """The codes of the content languages, lower-case: ["en", "fr", "es"]."""
    return [code.lower() for code in get_content_languages()]


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE).lower()


class BlogsByLanguage:
    """For one import of ``source``: the blog of each language, looked up once each."""

    def __init__(self, source):
        self.source = source
        self._blogs = {}

    def language(self, entry_language):
        if entry_language and entry_language.lower() in content_languages():
            return entry_language.lower()
        if self.source.locale_id:
            return self.source.locale.language_code.lower()
        return default_language()

    def blog_for(self, entry_language):
        code = self.language(entry_language)
        if code not in self._blogs:
            self._blogs[code] = self._translated_blog(code)
        return self._blogs[code]

    def _translated_blog(self, code):
        blog = self.source.target_blog
        locale = Locale.objects.filter(language_code__iexact=code).first()
        if locale is None or locale.pk == blog.locale_id:
            return blog
        return blog.get_translation_or_none(locale) or blog
