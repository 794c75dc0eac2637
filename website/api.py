"""The site's read API at /api/v2/: Wagtail's API v2 with the plugins' endpoints."""

from wagtail.api.v2.router import WagtailAPIRouter

from blog import api as blog_api
from projects import api as projects_api
from vocabulary import api as vocabulary_api

api_router = WagtailAPIRouter("wagtailapi")
for endpoint in [
    projects_api.PagesAPIViewSet,
    blog_api.ImagesAPIViewSet,
    blog_api.DocumentsAPIViewSet,
    vocabulary_api.ThemesAPIViewSet,
    blog_api.PeopleAPIViewSet,
    vocabulary_api.OrganisationsAPIViewSet,
    vocabulary_api.CitiesAPIViewSet,
    blog_api.CategoriesAPIViewSet,
    blog_api.SeriesAPIViewSet,
]:
    api_router.register_endpoint(endpoint.name, endpoint)
