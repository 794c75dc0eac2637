"""Projects in the read API (Wagtail API v2): the blog's pages endpoint, filtered by
project status too and fetching each listed project's relations at once."""

from django.db.models import Prefetch
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from blog import api as blog_api

from .models import ProjectMember, ProjectOrganisation, ProjectOutput, ProjectPage
from .timeline import Status

PROJECT_RELATIONS = [
    "themes",
    "cities",
    "contact_person",
    Prefetch(
        "organisation_links", queryset=ProjectOrganisation.objects.select_related("organisation")
    ),
    Prefetch("members", queryset=ProjectMember.objects.select_related("person")),
    Prefetch("outputs", queryset=ProjectOutput.objects.select_related("document")),
]


class ProjectStatusFilter(BaseFilterBackend):
    """``?status=planned|ongoing|completed``: the projects with that status today."""

    def filter_queryset(self, request, queryset, view):
        status = request.GET.get("status")
        if status is None:
            return queryset
        if status not in [choice.value for choice in Status]:
            raise BadRequestError(f"status must be one of: {', '.join(Status)}")
        return queryset.filter(pk__in=ProjectPage.objects.with_status(status).values("pk"))


class PagesAPIViewSet(blog_api.PagesAPIViewSet):
    filter_backends = [ProjectStatusFilter, *blog_api.PagesAPIViewSet.filter_backends]
    known_query_parameters = blog_api.PagesAPIViewSet.known_query_parameters | {"status"}
    listing_relations = {
        **blog_api.PagesAPIViewSet.listing_relations,
        ProjectPage: PROJECT_RELATIONS,
    }
