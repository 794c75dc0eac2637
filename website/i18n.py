"""Languages in URLs: English unprefixed (``/blog/``), the others under their code
(``/fr/blog/``), and the links from a page to the same page in each language."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import cc_delim_re
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

from blog.models import under_view_restriction

from . import structure


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, without ``Vary: Accept-Language``: the path alone names the language here
    (an unprefixed path is English, whatever the browser asks for), so a cache or a CDN
    keeps one copy of a page, not one per browser language."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        vary = [
            header
            for header in cc_delim_re.split(response.get("Vary", ""))
            if header and header.lower() != "accept-language"
        ]
        if vary:
            response["Vary"] = ", ".join(vary)
        else:
            del response["Vary"]
        return response


def redirect_default_language(request, path):
    """``/en/blog/`` → ``/blog/``: one address per page in the default language."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"/{path}" + (f"?{query}" if query else ""))


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language: "Français", whatever the page's language
    url: str
    is_current: bool
    has_translation: bool  # False: the link leads to that language's home page


def language_links(request, page=None):
    """One link per language to this page's translation there.

    A Wagtail page links to its live translations and, where there is none, to the
    language's home page; a route of the page (a blog's ``theme/housing/`` archive) to the
    same route of each translation, as vocabulary slugs are the same in every language.
    Any other route (themes, cities, search, follow) exists in every language, so it links
    to the same route under the other prefix.
    """
    current = translation.get_language()
    translations, route = None, ""
    if isinstance(page, Page):
        translations = translation_urls(request, page)
        page_url = page.get_url(request)
        if page_url and request.path.startswith(page_url):
            route = request.path[len(page_url) :]
    links = []
    for code, _name in settings.LANGUAGES:
        if translations is None:
            url, found = translate_url(request.get_full_path(), code), True
        elif code in translations:
            url, found = translations[code] + route, True
        else:
            url, found = translate_url("/", code), False
        info = get_language_info(code)
        links.append(LanguageLink(code, capfirst(info["name_local"]), url, code == current, found))
    return links


def translation_urls(request, page):
    """``{language code: URL}`` of the page's live, public translations (itself included),
    in one query, cached for all of them until the site changes."""

    def urls():
        translations = (
            page.get_translations(inclusive=True)
            .live()
            .exclude(under_view_restriction())
            .select_related("locale")
        )
        return {each.locale.language_code: each.get_url(request) for each in translations}

    site = Site.find_for_request(request)
    return structure.cached(f"translations:{site and site.pk}:{page.translation_key}", urls)
