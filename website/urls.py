from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from . import i18n, page_cache, sitemaps, structure, views
from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("csrf/", page_cache.csrf_token_view, name="csrf_token"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    re_path(rf"^{settings.LANGUAGE_CODE}/(?P<path>.*)$", i18n.redirect_default_language),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What readers read, in each language: /blog/ (English), /fr/blog/, /es/blog/.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("themes/", views.theme_index, name="theme_index"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("cities/", views.city_index, name="city_index"),
    path("cities/<slug:slug>/", views.city_detail, name="city_detail"),
    path("follow/", views.follow, name="follow"),
    path("follow/themes.opml", views.themes_opml, name="themes_opml"),
    path("follow/email/", include("subscriptions.urls")),
    path("contribute/", include("contributions.urls")),
    # Before the blog's feeds, which would take "<post>/comments/feed/" for an archive feed.
    path("", include("discussion.urls")),
    path("", include("blog.urls"), {"serve_page": structure.serve_page}),
    # Wagtail's pages, routed from the cached home page; Wagtail's own patterns stay for
    # its password and login forms and for reversing page URLs.
    re_path(serve_pattern, structure.serve_page),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
