"""Include before Wagtail's own URLs: ``path("", include("blog.urls"))``.

Optional: without it every feed is still served through Wagtail's page routing, at six more
queries a request (see ``views.feed``). A host with its own page view passes it for the
paths that are not a blog's feed: ``include("blog.urls"), {"serve_page": view}``.
"""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^(?P<path>(?:[-\w]+/)*feed/(?:(?:atom|json)/)?)$", views.feed, name="blog_feed"),
]
