"""Research project pages and the index that lists and filters them.

A project links to the shared vocabulary (themes, people, organisations, cities), so theme
and city pages gather projects beside posts. Status is never stored: it is derived from the
dates, in Python for one project and in SQL for filtering (``ProjectPageQuerySet.with_status``).
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext, pgettext_lazy
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import CharField, ListField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from blog import feeds
from blog.conf import blog_settings
from blog.models import (
    FEED_SUFFIX,
    BlogPage,
    BlogPageTheme,
    PostsPage,
    under_view_restriction,
)
from blog.routing import SingleChildTypeRouteMixin
from vocabulary.models import City, Organisation, Person, Theme, rank_by_shared_themes
from vocabulary.serializers import NestedListField, RenderedStreamField

from . import citations
from .blocks import ProjectBodyBlock
from .filters import ProjectFilter
from .serializers import CoveredCountriesField, MembersField, OrganisationsByRoleField
from .structured_data import project_json_ld
from .timeline import Status, duration_label, status_on

RELATED_PROJECTS = 4
RELATED_POSTS = 3


class ProjectPageTheme(TaggedItemBase):
    tag = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="project_page_items", verbose_name=_("theme")
    )
    content_object = ParentalKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="theme_items",
        verbose_name=_("project"),
    )

    class Meta:
        verbose_name = _("project theme")
        verbose_name_plural = _("project themes")


class ProjectOrganisation(Orderable):
    class Role(models.TextChoices):
        LEAD = "lead", pgettext_lazy("organisation role", "Lead organisation")
        SPONSOR = "sponsor", pgettext_lazy("organisation role", "Sponsor")
        FUNDER = "funder", pgettext_lazy("organisation role", "Funder")
        COMMISSIONER = "commissioner", pgettext_lazy("organisation role", "Commissioner")
        PARTNER = "partner", pgettext_lazy("organisation role", "Partner")
        COLLABORATOR = "collaborator", pgettext_lazy("organisation role", "Collaborator")

    page = ParentalKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="organisation_links",
        verbose_name=_("project"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="project_links",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("project organisation")
        verbose_name_plural = _("project organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "organisation", "role"], name="project_organisation_role_once"
            )
        ]


class ProjectMember(Orderable):
    page = ParentalKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("project"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="project_roles", verbose_name=_("person")
    )
    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Principal investigator', 'Researcher'."),
    )
    is_leader = models.BooleanField(_("project leader"), default=False)

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role"), FieldPanel("is_leader")])]

    class Meta(Orderable.Meta):
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        constraints = [
            models.UniqueConstraint(fields=["page", "person"], name="project_member_once")
        ]


class ProjectOutput(Orderable):
    """A report, paper or book the project produced: a document here or a link elsewhere."""

    class Kind(models.TextChoices):
        REPORT = "report", pgettext_lazy("output kind", "Report")
        WORKING_PAPER = "working-paper", pgettext_lazy("output kind", "Working paper")
        WHITE_PAPER = "white-paper", pgettext_lazy("output kind", "White paper")
        POLICY_BRIEF = "policy-brief", pgettext_lazy("output kind", "Policy brief")
        BOOK = "book", pgettext_lazy("output kind", "Book")
        ARTICLE = "article", pgettext_lazy("output kind", "Article")

    page = ParentalKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="outputs",
        verbose_name=_("project"),
    )
    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    authors = models.TextField(
        _("authors"),
        blank=True,
        help_text=_("One per line, as 'Family name, Given names' (or an organisation's name)."),
    )
    publisher = models.CharField(
        _("publisher or journal"),
        max_length=255,
        blank=True,
        help_text=_("The institution that issued it, its publisher, or the journal of an article."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    external_url = models.URLField(_("external link"), max_length=1000, blank=True)
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 10.1000/xyz123, without https://doi.org/."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date")]),
        FieldPanel("authors"),
        FieldPanel("publisher"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("external_url"), FieldPanel("doi")]),
    ]

    # In the read API, nested in the project's "outputs"; the document's download_url is
    # absolute.
    api_fields = [
        APIField("title"),
        APIField("kind"),
        APIField("publication_date"),
        APIField("authors", serializer=ListField(child=CharField(), source="author_list")),
        APIField("publisher"),
        APIField("document"),
        APIField("external_url"),
        APIField("doi"),
    ]

    def clean(self):
        super().clean()
        self.doi = self.doi.strip().removeprefix("https://doi.org/").removeprefix("doi:")
        if self.doi and not self.doi.startswith("10."):
            raise ValidationError({"doi": _("A DOI starts with '10.', e.g. 10.1000/xyz123.")})
        if not (self.document_id or self.external_url or self.doi):
            raise ValidationError(_("Attach a document, or give an external link or a DOI."))

    @property
    def author_list(self):
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    class Meta(Orderable.Meta):
        verbose_name = _("output")
        verbose_name_plural = _("outputs")

    def citation(self, request=None):
        """The publisher's copy if there is one, else ours (absolute, to leave the site)."""
        document_url = self.document.url if self.document else ""
        url = self.external_url or (
            request.build_absolute_uri(document_url) if request and document_url else ""
        )
        return citations.Citation(
            title=self.title,
            kind=self.kind,
            kind_label=self.get_kind_display(),
            authors=self.author_list,
            published=self.publication_date,
            publisher=self.publisher,
            url=url,
            doi=self.doi,
        )


class RelatedProject(Orderable):
    page = ParentalKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="related_project_links",
        verbose_name=_("project"),
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("related project"),
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = _("related project")
        verbose_name_plural = _("related projects")


class ProjectPageQuerySet(PageQuerySet):
    def published(self):
        """What a reader may see: live and public."""
        return self.live().exclude(under_view_restriction())

    def in_locale(self, locale):
        """The projects of one language's tree (``Locale.get_active()`` for a reader)."""
        return self.filter(locale=locale)

    def with_status(self, status, today=None):
        """The same rule as ``timeline.status_on``, as a filter."""
        today = today or timezone.localdate()
        conditions = {
            Status.PLANNED: Q(start_date__gt=today),
            Status.COMPLETED: Q(start_date__lte=today, end_date__lt=today),
            Status.ONGOING: Q(start_date__lte=today)
            & (Q(end_date__isnull=True) | Q(end_date__gte=today)),
        }
        return self.filter(conditions[Status(status)])

    def newest_first(self):
        return self.order_by("-start_date", "-pk")

    def for_feed(self):
        return self.defer_streamfields().prefetch_related(
            "themes", Prefetch("members", queryset=ProjectMember.objects.select_related("person"))
        )

    def for_listing(self):
        """Everything a project card shows, in a constant number of queries."""
        return self.defer_streamfields().prefetch_related(
            "themes",
            "cities",
            Prefetch(
                "organisation_links",
                queryset=ProjectOrganisation.objects.select_related("organisation"),
            ),
        )


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)


class ProjectIndexPage(RoutablePageMixin, SingleChildTypeRouteMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("project index")
        verbose_name_plural = _("project indexes")

    def projects(self):
        """Its own language's projects: a French index's children are French translations,
        and the locale filter (the index's, which a reader's page always has, see
        website.wagtail_hooks) keeps a page moved into the wrong tree out of the listing."""
        return ProjectPage.objects.child_of(self).in_locale(self.locale_id).published()

    def feed_links(self, request, query="", filter_name=""):
        title = feed_title(self.title, filter_name)
        return feeds.feed_links(self.get_url(request), title, query=query)

    @re_path(r"^" + FEED_SUFFIX, name="projects")
    def project_list(self, request, feed=None, feed_format=None):
        filters = ProjectFilter(request.GET, queryset=self.projects(), request=request)
        if not filters.is_valid():
            raise Http404(_("Unknown filter value."))
        canonical = filters.canonical_query(page=None if feed else request.GET.get("page"))
        if canonical != request.META.get("QUERY_STRING", ""):
            # One URL per filter combination: empty fields dropped, fixed order.
            return HttpResponseRedirect(request.path + (f"?{canonical}" if canonical else ""))

        name = filters.describe()
        if feed:
            return feeds.serve_feed(
                request,
                feed_format or "rss",
                list(
                    filters.qs.order_by("-first_published_at", "-pk").for_feed()[
                        : blog_settings.BLOG_FEED_LENGTH
                    ]
                ),
                title=feed_title(self.title, name),
                link=self.get_full_url(request),
                query=filters.canonical_query(),
                description=(
                    _("New research projects (%(filters)s).") % {"filters": name}
                    if name
                    else _("New research projects.")
                ),
                item=lambda project: project.feed_item(request),
            )
        try:
            page = PostsPage.of(
                filters.qs.newest_first().for_listing(), request.GET.get("page", "1")
            )
        except ValueError as error:
            raise Http404(_("No such page of projects.")) from error
        query = filters.canonical_query()
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "filter_name": name,
                "projects": page,
                "query": query,
                "feeds": self.feed_links(request, query, name),
            },
        )


class ProjectPage(RoutablePageMixin, Page):
    full_title = models.CharField(
        _("full title"),
        max_length=500,
        blank=True,
        help_text=_("The title in full, if the page title is a short one."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences for listings, feeds and search.")
    )
    body = StreamField(ProjectBodyBlock(), blank=True, verbose_name=_("body"))
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for an open-ended project.")
    )
    themes = ClusterTaggableManager(through=ProjectPageTheme, blank=True, verbose_name=_("themes"))
    cities = ParentalManyToManyField(
        City,
        blank=True,
        related_name="projects",
        verbose_name=_("cities"),
        help_text=_("Cities covered; those of case studies in the body are added on save."),
    )
    countries = CountryField(
        _("countries"),
        multiple=True,
        blank=True,
        help_text=_(
            "Countries covered as a whole, e.g. a national review; the countries of the "
            "cities above count too."
        ),
    )
    contact_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact person"),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown obfuscated, so address harvesters cannot read it."),
    )

    objects = ProjectPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("full_title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Duration")),
        FieldPanel("body"),
        InlinePanel("organisation_links", heading=_("Organisations"), label=_("Organisation")),
        InlinePanel("members", heading=_("Leader and team"), label=_("Member")),
        InlinePanel("outputs", heading=_("Outputs"), label=_("Output")),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("cities"), FieldPanel("countries")],
            heading=_("Themes and places"),
        ),
        InlinePanel("related_project_links", heading=_("Related projects"), label=_("Project")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("full_title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("start_date"),
    ]

    # The read API's fields (projects.api); a listing fetches what they read in
    # PROJECT_RELATIONS. Not the contact email, which the page shows obfuscated.
    api_fields = [
        APIField("full_title"),
        APIField("summary"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("duration"),
        APIField("body", serializer=RenderedStreamField()),
        APIField("themes", serializer=NestedListField(Theme)),
        APIField("cities"),
        APIField("countries", serializer=CoveredCountriesField()),
        APIField("organisations", serializer=OrganisationsByRoleField()),
        APIField("leaders", serializer=MembersField(leaders=True)),
        APIField("team", serializer=MembersField(leaders=False)),
        APIField("outputs"),
        APIField("contact_person"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")

    # Derived values ----------------------------------------------------------------------

    @property
    def status(self):
        return status_on(timezone.localdate(), self.start_date, self.end_date)

    @property
    def duration(self):
        return duration_label(self.start_date, self.end_date)

    def covered_countries(self, cities):
        codes = {city.country.code for city in cities} | {c.code for c in self.countries}
        return sorted(((str(countries.name(code)), code) for code in codes), key=_by_name)

    def clean(self):
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})

    def save(self, *args, **kwargs):
        studied = {block.value["city"] for block in self.body if block.block_type == "case_study"}
        studied.discard(None)
        if studied:
            self.cities = list(set(self.cities.all()) | studied)
        super().save(*args, **kwargs)

    def related_projects(self, theme_ids):
        """Hand-picked projects first, then those sharing the most themes: in this page's
        language only. A translation's hand-picked links still name the projects its source
        picked (copy_for_translation copies them): each is shown as its translation here."""
        candidates = ProjectPage.objects.in_locale(self.locale_id).published()
        links = RelatedProject.objects.filter(
            page=self, project__translation_key=OuterRef("translation_key")
        ).order_by(F("sort_order").asc(nulls_last=True), "pk")
        picked = list(
            candidates.defer_streamfields()
            .annotate(
                link=Subquery(links.values("pk")[:1]),
                link_order=Subquery(links.values("sort_order")[:1]),
            )
            .filter(link__isnull=False)
            .exclude(pk=self.pk)
            .order_by(F("link_order").asc(nulls_last=True), "link")
        )
        wanted = RELATED_PROJECTS - len(picked)
        ranked = rank_by_shared_themes(
            ProjectPageTheme,
            theme_ids,
            candidates.exclude(pk__in=[p.pk for p in picked]),
            exclude_pk=self.pk,
            limit=max(wanted, 0),
            newest="start_date",
        )
        found = ProjectPage.objects.defer_streamfields().in_bulk(ranked) if ranked else {}
        return picked[:RELATED_PROJECTS] + [found[pk] for pk in ranked]

    # Routes ------------------------------------------------------------------------------

    @re_path(r"^outputs/(?P<output_id>\d+)/cite/(?P<fmt>bib|ris)/$", name="cite")
    def cite(self, request, output_id, fmt):
        output = get_object_or_404(self.outputs.select_related("document"), pk=output_id)
        citation = output.citation(request)
        if fmt == "bib":
            content, content_type = citations.to_bibtex(citation), "application/x-bibtex"
        else:
            content, content_type = (
                citations.to_ris(citation),
                "application/x-research-info-systems",
            )
        response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{citation.key}.{fmt}"'
        return response

    def related_posts(self, themes):
        """Published posts of this page's language sharing the most of ``themes``."""
        ranked = rank_by_shared_themes(
            BlogPageTheme,
            [theme.pk for theme in themes],
            BlogPage.objects.published().filter(locale_id=self.locale_id),
            limit=RELATED_POSTS,
        )
        posts = BlogPage.objects.defer_streamfields().in_bulk(ranked) if ranked else {}
        return [posts[pk] for pk in ranked]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(self.themes.all())
        cities = list(self.cities.all())
        members = list(self.members.select_related("person"))
        organisations = list(self.organisation_links.select_related("organisation"))
        outputs = list(self.outputs.select_related("document"))
        context.update(
            themes=themes,
            cities=cities,
            countries=self.covered_countries(cities),
            leaders=[member for member in members if member.is_leader],
            team=[member for member in members if not member.is_leader],
            organisations_by_role=by_role(organisations),
            outputs=[(output, output.citation(request)) for output in outputs],
            related_projects=self.related_projects([t.pk for t in themes]),
            related_posts=self.related_posts(themes),
            feeds=self.get_parent().specific.feed_links(request),
        )
        context["json_ld"] = project_json_ld(
            self,
            request,
            members=members,
            organisations=organisations,
            outputs=context["outputs"],
            themes=themes,
            cities=cities,
        )
        return context

    def feed_item(self, request):
        return {
            "title": self.title,
            "link": self.get_full_url(request),
            "description": self.summary,
            # The announcement, not the whole page: rendering every body would cost a query
            # per case study's city.
            "content_html": format_html("<p>{}</p><p>{}</p>", self.duration, self.summary),
            "pubdate": self.first_published_at,
            "updateddate": self.last_published_at or self.first_published_at,
            "unique_id": f"urn:uuid:{self.translation_key}",
            "unique_id_is_permalink": False,
            "categories": [theme.translated_name for theme in self.themes.all()],
            "authors": [{"name": m.person.name} for m in self.members.all() if m.is_leader],
        }


def role_label(role, count):
    """A role's heading for ``count`` organisations: "Funder", "Funders"."""
    labels = {
        "lead": lambda n: npgettext("role heading", "Lead organisation", "Lead organisations", n),
        "sponsor": lambda n: npgettext("role heading", "Sponsor", "Sponsors", n),
        "funder": lambda n: npgettext("role heading", "Funder", "Funders", n),
        "commissioner": lambda n: npgettext("role heading", "Commissioner", "Commissioners", n),
        "partner": lambda n: npgettext("role heading", "Partner", "Partners", n),
        "collaborator": lambda n: npgettext("role heading", "Collaborator", "Collaborators", n),
    }
    return labels[role](count) if role in labels else str(role)


def by_role(organisation_links):
    """[(role label, [organisation, ...]), ...], roles in the order they first appear; the
    label is singular or plural by the number of organisations."""
    groups = {}
    for link in organisation_links:
        groups.setdefault(link.role, []).append(link.organisation)
    return [(role_label(role, len(group)), group) for role, group in groups.items()]


def feed_title(title, filter_name):
    return f"{title}: {filter_name}" if filter_name else title


def _by_name(choice):
    name = unicodedata.normalize("NFKD", choice[0]).encode("ascii", "ignore").decode()
    return name.casefold(), choice[1]
