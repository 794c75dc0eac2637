"""One sitemap.xml for every language, each page with its translations as alternates.

Wagtail's sitemap lists the default site's tree, which holds one language only (the other
languages' home pages are its translations, beside it under the root), and gives no
alternates. Django's sitemap template writes ``<xhtml:link rel="alternate" hreflang>`` for
each entry's ``alternates``, so this one lists every language's tree and fills them in:
each version a reader can see, and ``x-default`` for the default language's.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Locale, Page


class LanguagesSitemap(Sitemap):
    def items(self):
        home = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=home.translation_key).only("path")
        in_a_tree = reduce(or_, (Q(path__startswith=page.path) for page in homes))
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        # Every language's version of these pages, with what each gives the sitemap (a
        # future-dated post gives nothing, so it is nobody's alternate either).
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        versions = {}
        for version in self.items().filter(translation_key__in={p.translation_key for p in pages}):
            entries = version.get_sitemap_urls(self.request)
            if entries:
                code = languages[version.locale_id]
                versions.setdefault(version.translation_key, {})[code] = entries[0]["location"]
        urls, last_mods = [], set()
        for item in pages:
            alternates = self._alternates(versions.get(item.translation_key, {}))
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    @staticmethod
    def _alternates(locations):
        """``hreflang`` links for a page that exists in more than one language."""
        if len(locations) < 2:
            return []
        order = [code for code, _name in settings.LANGUAGES]
        alternates = [
            {"lang_code": code, "location": locations[code]}
            for code in sorted(locations, key=lambda c: order.index(c) if c in order else 99)
        ]
        if settings.LANGUAGE_CODE in locations:
            alternates.append(
                {"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]}
            )
        return alternates


def sitemap(request):
    """``/sitemap.xml``: Wagtail's view with the sitemap of every language."""
    return wagtail_sitemap_views.sitemap(request, sitemaps={"pages": LanguagesSitemap})
