"""The filters of the project index, through django-filter.

Every filter takes a slug or code, so a filtered listing has a readable, stable URL such as
``/projects/?theme=city-diplomacy&status=completed``; an unknown value makes the form
invalid and the index answers 404.
"""

from urllib.parse import urlencode

import django_filters
from django.db.models import Q
from django_countries import countries

from vocabulary.models import City, Organisation, Theme

from .models import ProjectPage
from .timeline import Status

# Query-string order of a canonical URL.
FILTER_ORDER = ("theme", "status", "country", "city", "partner")


class ProjectFilter(django_filters.FilterSet):
    # Choices are narrowed in __init__ to what the listed projects use.
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        field_name="themes",
        empty_label="Any theme",
    )
    status = django_filters.ChoiceFilter(
        choices=[(status.value, status.label) for status in Status],
        method="filter_status",
        empty_label="Any status",
    )
    country = django_filters.ChoiceFilter(
        choices=[],
        method="filter_country",
        empty_label="Any country",
    )
    city = django_filters.ModelChoiceFilter(
        queryset=City.objects.all(),
        to_field_name="slug",
        field_name="cities",
        empty_label="Any city",
    )
    partner = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        field_name="organisation_links__organisation",
        label="Partner organisation",
        empty_label="Any organisation",
    )

    class Meta:
        model = ProjectPage
        fields = list(FILTER_ORDER)

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        projects = self.queryset.values("pk")
        self.filters["theme"].queryset = Theme.objects.filter(
            project_page_items__content_object__in=projects
        ).distinct()
        cities = City.objects.filter(projects__in=projects).distinct()
        self.filters["city"].queryset = cities
        self.filters["partner"].queryset = Organisation.objects.filter(
            project_links__page__in=projects
        ).distinct()
        self.filters["country"].extra["choices"] = lambda: self._country_choices(cities)

    def _country_choices(self, cities):
        codes = set(cities.values_list("country", flat=True))
        for listed in self.queryset.exclude(countries="").values_list("countries", flat=True):
            codes.update(listed.split(","))
        return sorted(((code.lower(), countries.name(code)) for code in codes), key=lambda c: c[1])

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)

    def filter_country(self, queryset, name, value):
        code = value.upper()
        # CountryField(multiple=True) stores sorted codes joined by commas, e.g. "CL,GB".
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
            if not value:
                continue
            if name == "status":
                value = Status(value).label
            elif name == "country":
                value = countries.name(value.upper())
            chosen.append(str(value))
        return " · ".join(chosen)
