"""The filters of the project index, through django-filter.

Every filter takes a slug or code, so a filtered listing has a readable, stable URL such as
``/projects/?theme=city-diplomacy&status=completed``. The choices are only the values the
listed projects use, read in one query; an unknown value makes the form invalid and the
index answers 404. The filter set names no model: it filters the queryset the index gives it,
so it needs nothing from ``models.py``, which imports it.
"""

import unicodedata
from functools import cached_property
from urllib.parse import urlencode

import django_filters
from django.db.models import JSONField, Q, Value
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from vocabulary.models import City, Organisation, Theme

from .timeline import Status

# Query-string order of a canonical URL.
FILTER_ORDER = ("theme", "status", "country", "city", "partner")


class ProjectFilter(django_filters.FilterSet):
    theme = django_filters.ChoiceFilter(
        label=pgettext_lazy("project filter", "Theme"),
        field_name="themes__slug",
        empty_label=_("Any theme"),
    )
    status = django_filters.ChoiceFilter(
        label=pgettext_lazy("project filter", "Status"),
        choices=[(status.value, status.label) for status in Status],
        method="filter_status",
        empty_label=_("Any status"),
    )
    country = django_filters.ChoiceFilter(
        label=pgettext_lazy("project filter", "Country"),
        method="filter_country",
        empty_label=_("Any country"),
    )
    city = django_filters.ChoiceFilter(
        label=pgettext_lazy("project filter", "City"),
        field_name="cities__slug",
        empty_label=_("Any city"),
    )
    partner = django_filters.ChoiceFilter(
        label=_("Partner organisation"),
        field_name="organisation_links__organisation__slug",
        distinct=True,  # an organisation may have two roles on one project
        empty_label=_("Any organisation"),
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Callables, read on first use: a feed without filters renders no form and validates
        # no value, so it never runs the query.
        for name in ("theme", "country", "city", "partner"):
            self.filters[name].extra["choices"] = lambda name=name: self.options.get(name, [])

    @cached_property
    def options(self):
        """{filter: [(value, label), ...]} of the listed projects, in one UNION query.

        The listed projects are those of the index's language, so the choices are the values
        that language's projects use; themes and organisations are named in that language
        (their ``translations``, read in the same query), countries by django-countries."""
        projects = self.queryset.values("pk")
        no_translations = Value(None, output_field=JSONField())
        rows = (
            Theme.objects.filter(project_page_items__content_object__in=projects)
            .annotate(filter=Value("theme"))
            .values_list("filter", "slug", "name", "translations")
            .order_by()
            .union(
                City.objects.filter(projects__in=projects)
                .annotate(filter=Value("city"), words=no_translations)
                .values_list("filter", "slug", "name", "words")
                .order_by(),
                Organisation.objects.filter(project_links__page__in=projects)
                .annotate(filter=Value("partner"))
                .values_list("filter", "slug", "name", "translations")
                .order_by(),
                City.objects.filter(projects__in=projects)
                .annotate(filter=Value("country"), words=no_translations)
                .values_list("filter", "country", "country", "words")
                .order_by(),
                # CountryField(multiple=True) stores sorted codes joined by commas.
                self.queryset.exclude(countries="")
                .annotate(filter=Value("country"), words=no_translations)
                .values_list("filter", "countries", "countries", "words")
                .order_by(),
            )
        )
        language = translation.get_language() or ""
        options = {}
        for name, value, label, translations in rows:
            if name == "country":
                for code in value.split(","):
                    options.setdefault(name, {})[code.lower()] = str(countries.name(code))
            else:
                words = (translations or {}).get(language, {}) if name != "city" else {}
                options.setdefault(name, {})[value] = words.get("name") or label
        return {
            name: sorted(values.items(), key=lambda choice: _sort_key(choice[1]))
            for name, values in options.items()
        }

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)

    def filter_country(self, queryset, name, value):
        code = value.upper()
        listed = Q(countries__regex=rf"(^|,){code}(,|$)")
        return queryset.filter(listed | Q(cities__country=code)).distinct()

    def canonical_query(self, page=None):
        """The query string of this filter combination: known filters in a fixed order,
        empty ones dropped, and the page number when past the first."""
        pairs = [(name, self.data.get(name, "").strip()) for name in FILTER_ORDER]
        if page not in (None, "", "1"):
            pairs.append(("page", page))
        return urlencode([(name, value) for name, value in pairs if value])

    def describe(self):
        """The chosen filters in words, e.g. "City diplomacy · Completed"."""
        chosen = []
        for name in FILTER_ORDER:
            value = self.form.cleaned_data.get(name)
            if value:
                chosen.append(str(dict(self.form.fields[name].choices)[value]))
        return " · ".join(chosen)


def _sort_key(label):
    """Alphabetical whatever the accents: "États-Unis" among the E's, not after "Z"."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()
