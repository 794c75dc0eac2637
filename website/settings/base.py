"""Settings shared by every environment.

Everything an operator sets comes from environment variables (see README, "Configuration").
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "website",
    "blog",
    "projects",
    "importers",
    # Before discussion, whose ready() undoes one of xtd's signal handlers.
    "django_comments_xtd",
    "django_comments",
    "discussion",
    "contributions",
    "subscriptions",
    "community",
    "vocabulary",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # in place of wagtail.locales: its admin knows translations
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "rest_framework",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",  # django-comments-xtd names the site in its emails
]
SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before any middleware that may answer
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, CSRF and auth middleware, whose work a cached page skips.
    "website.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.i18n.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.structure.CachedSiteMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vocabulary.context_processors.cityforum",
                "website.context_processors.site",
                "website.page_cache.context_processor",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers (web, task worker, importers): take the write lock when a transaction
    # begins and wait for it, instead of failing with "database is locked" halfway through;
    # WAL lets readers carry on while one process writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL is optional: with it, Redis holds the cache and the task queue; without it the
# site runs embedded (local-memory cache, tasks in the database).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cityforum",
        }
    }
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    INSTALLED_APPS.append("django_rq")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# A refused form (no valid CSRF token) gets a page of the site that says how to resend it.
CSRF_FAILURE_VIEW = "website.views.csrf_failure"

# Whole pages and feeds cached for anonymous readers (website/page_cache.py); 0 turns it off.
# Keep it well under django_comments' two hours, after which a comment form has expired.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
# Per-reader pages: signed links, the forms' own pages, the admin, the API, documents.
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/api/",
    "/documents/",
    "/comments/",
    "/contribute/",
    "/follow/email/",
]

# A CDN or proxy in front of the site is purged when a page is published or unpublished:
# an HTTP PURGE to DJANGO_FRONTEND_CACHE_PURGE_URL (Varnish, nginx), or Cloudflare's API.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("DJANGO_FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["DJANGO_FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("DJANGO_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["DJANGO_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": env_required("DJANGO_CLOUDFLARE_API_TOKEN"),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Readers' and editors' languages. English is served unprefixed (/blog/), the others under
# their code (/fr/blog/, /es/blog/); README, "Languages", says how to add a fourth.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Email: Django's backend; development prints to the console, tests use a real SMTP server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "City Forum <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "City Forum")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "website/password_required.html"

# Read API at /api/v2/ (website/api.py)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # as the site shows it, not Wagtail's stored form
# Other sites whose pages may read the API in the browser (CORS), e.g. https://map.example.org
CORS_ALLOWED_ORIGINS = env_list("DJANGO_API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Plugin settings (each app's conf.py holds its defaults) an operator sets from the
# environment, with the type of each; unset, the plugin's default applies.
PLUGIN_SETTINGS_FROM_ENV = {
    "IMPORTER_USER_AGENT": str,
    "IMPORTER_MAX_BYTES": int,
    "IMPORTER_ALLOW_PRIVATE_HOSTS": lambda value: value == "1",
    "COMMENTS_CLOSE_AFTER_DAYS": int,
    "COMMENTS_RATE_PER_IP": str,
    "COMMENTS_RATE_PER_EMAIL": str,
    "COMMENTS_MAX_LINKS": int,
    "GUEST_POST_ATTEMPTS_PER_IP": str,
    "GUEST_POST_RATE_PER_IP": str,
    "GUEST_POST_RATE_PER_EMAIL": str,
    "GUEST_POST_MAX_IMAGE_BYTES": int,
    "GUEST_POST_MAX_IMAGE_PIXELS": int,
    "GUEST_POST_MAX_DOCUMENT_BYTES": int,
    "GUEST_POST_BLOG_SLUG": str,
    "SUBSCRIPTIONS_CONFIRM_DAYS": int,
    "SUBSCRIPTIONS_RATE_PER_IP": str,
    "SUBSCRIPTIONS_RATE_PER_EMAIL": str,
}
globals().update(
    {
        name: cast(os.environ[name])
        for name, cast in PLUGIN_SETTINGS_FROM_ENV.items()
        if name in os.environ
    }
)
# Behind a proxy, the request header with the reader's address (e.g. HTTP_X_FORWARDED_FOR).
CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "")

# Comments: django-comments-xtd with the discussion app's model and form.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "discussion.models.Comment"
COMMENTS_XTD_FORM_CLASS = "discussion.forms.CommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = 3  # replies to replies... down to this depth
# Every comment is stored at once (pending) and its email confirmed afterwards.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_SALT = f"city-forum-comments:{SECRET_KEY}".encode()
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
