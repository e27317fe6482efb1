"""Settings shared by every environment; every deploy-specific value comes from the environment.

``DATABASE_URL`` defaults to a SQLite file so that a new checkout runs with no set-up;
production and the test suite point it at PostgreSQL.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "partnerships",
    "cities",
    "conferences",
    "news",
    "demo",
    # "Import a document" (manage.py import_document and the admin action).
    "document_import",
    "graphql_api",
    "feeds",
    "newsletter",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # The API's way in: answers /graphql/ GETs from the cache, and sends every API request to its
    # view past the layers below, which serve the admin and the site (graphql_api/response_cache.py).
    "graphql_api.response_cache.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",  # Django's, minus the API (cms/middleware.py)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.outages.OutageMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"
# WSGI middleware around Django's application, outermost first (cms/wsgi_middleware.py): the API's
# cache hits answered again without Django (graphql_api/hit_replay.py).
CITYNEWS_WSGI_MIDDLEWARE = ["graphql_api.hit_replay.HitReplay"]
ASGI_APPLICATION = "cms.asgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# A worker keeps its connection between requests: opening one per request cost PostgreSQL a new
# backend process and the worker a handshake, more than a whole look-up's queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# Outages fail fast and heal (see "Operations and security" in README.md): a persistent connection is
# checked before reuse, and on PostgreSQL every connection gives up connecting after DB_CONNECT_TIMEOUT
# seconds, any statement after DB_STATEMENT_TIMEOUT ms and any wait for a lock after DB_LOCK_TIMEOUT ms;
# the API then answers 503. 0 switches a timeout off (e.g. DB_STATEMENT_TIMEOUT=0 for a long migration).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The API's statements (graphql_api/statements.py) are prepared once per PostgreSQL connection and
# their plans kept. Set DB_PREPARED_STATEMENTS=false behind a pooler that shares server connections
# between clients (PgBouncer in transaction or statement mode), where a connection's prepared
# statements may not be there on its next transaction.
CITYNEWS_PREPARED_STATEMENTS = env.bool("DB_PREPARED_STATEMENTS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=2),
            "options": f"-c statement_timeout={env.int('DB_STATEMENT_TIMEOUT', default=5000)}"
            f" -c lock_timeout={env.int('DB_LOCK_TIMEOUT', default=1000)}",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the default content language, French is always available,
# and Wagtail's own locale machinery (pages and snippets) is switched on from day one.
LANGUAGE_CODE = "en"
TIME_ZONE = env("TIME_ZONE", default="Europe/Brussels")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Django's cache: Redis when REDIS_URL is set (shared by every process and host: response cache,
# rate limits, locks), otherwise local memory (one process, enough for `make run`).
REDIS_URL = env("REDIS_URL", default="")
CACHES = {
    "default": (
        {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Citynews"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CitynewsImage"
# Wagtail 8's autosave creates a new page in the background while the editor types; a
# Save or Publish clicked meanwhile fails with a 500 and the half-created page's slug blocks the
# next attempt. Autosave stays off (0) unless an interval in milliseconds is given.
WAGTAIL_AUTOSAVE_INTERVAL = env.int("WAGTAIL_AUTOSAVE_INTERVAL", default=0)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True

CORS_ALLOWED_ORIGINS: list[str] = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/graphql/?$"

# Public API settings: see graphql_api/limits.py for what each one bounds.
CITYNEWS_GRAPHIQL = env.bool("GRAPHIQL", default=False)
CITYNEWS_GRAPHQL_INTROSPECTION = env.bool("GRAPHQL_INTROSPECTION", default=True)
CITYNEWS_GRAPHQL_CACHE_SECONDS = env.int("GRAPHQL_CACHE_SECONDS", default=60)
# How long feed readers, proxies and CDNs may keep a feed (feeds/caching.py).
CITYNEWS_FEED_CACHE_SECONDS = env.int("FEED_CACHE_SECONDS", default=300)

# Headless preview and publish webhooks (previews/, webhooks/; see README "Previewing drafts on the
# front end" and "Publish webhooks"). Wagtail's own tasks keep running at once ("default"); webhook
# deliveries go to the database queue that `manage.py db_worker --backend webhooks` works through.
INSTALLED_APPS += ["previews", "webhooks", "django_tasks_db"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["webhooks"]},
}
CITYNEWS_PREVIEW_TOKEN_SECONDS = env.int("PREVIEW_TOKEN_SECONDS", default=600)
CITYNEWS_WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
CITYNEWS_WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=8)
# The first retry waits this long, each later one twice as long as the one before.
CITYNEWS_WEBHOOK_RETRY_SECONDS = env.float("WEBHOOK_RETRY_SECONDS", default=30.0)

# Response cache (graphql_api/response_cache.py): answers to anonymous GET queries and persisted
# queries kept in Django's cache; any content change invalidates them, so they may live long.
CITYNEWS_RESPONSE_CACHE = env.bool("GRAPHQL_RESPONSE_CACHE", default=True)
CITYNEWS_RESPONSE_CACHE_SECONDS = env.int("GRAPHQL_RESPONSE_CACHE_SECONDS", default=24 * 60 * 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Operations and security (README, "Operations and security"). Headless: the CMS host redirects a
# live page to its front-end address and renders nothing else (home/headless.py).
CITYNEWS_HEADLESS = env.bool("HEADLESS", default=True)
# Behind N reverse proxies, the client's address is the Nth address from the right of
# X-Forwarded-For; 0 trusts no header and uses the connection's address (cms/client_ip.py).
CITYNEWS_TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)
# The /graphql/ rate limit: each client (address, or a known API key) may spend RATE_LIMIT_POINTS
# points per RATE_LIMIT_WINDOW seconds; a request costs 1 point, or its query cost in points.
CITYNEWS_RATE_LIMIT_ENABLED = env.bool("RATE_LIMIT", default=True)
CITYNEWS_RATE_LIMIT_POINTS = env.int("RATE_LIMIT_POINTS", default=600)
CITYNEWS_RATE_LIMIT_WINDOW = env.int("RATE_LIMIT_WINDOW", default=60)
# A query is charged one point per this much query cost (rounded up): at the defaults, a query at
# the maximum cost (250,000) spends more than a whole window's allowance.
CITYNEWS_RATE_LIMIT_COST_PER_POINT = env.int("RATE_LIMIT_COST_PER_POINT", default=100)
CITYNEWS_RATE_LIMIT_CACHE = env("RATE_LIMIT_CACHE", default="default")
CITYNEWS_API_KEYS: list[str] = env.list("API_KEYS", default=[])
MIDDLEWARE.insert(
    MIDDLEWARE.index("corsheaders.middleware.CorsMiddleware") + 1, "graphql_api.ratelimit.RateLimitMiddleware"
)
# Admin login: django-axes locks a username out from one address after AXES_FAILURE_LIMIT failures.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
# AxesBackend checks the lockout then leaves authenticating to ModelBackend; being a ModelBackend
# itself, it also serves sessions made by force_login (which records the first backend).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"
# Security headers: django-csp's Content-Security-Policy on every response (the admin, /graphql/,
# media), a Permissions-Policy (cms/security_headers.py). Wagtail's admin needs inline styles and
# runs inline scripts in its page editor (tests/e2e/test_admin_under_csp.py); nothing from another
# origin, and no eval. /graphql/ replaces this with a policy that allows nothing, built once
# (django-csp's middleware, subclassed, leaves that answer alone).
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "cms.security_headers.CSPMiddleware"
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("cms.security_headers.CSPMiddleware") + 1, "cms.security_headers.PermissionsPolicyMiddleware"
)
# The admin's Preview frames each site's front-end preview address: admin pages add exactly those
# origins to frame-src (cms/preview_frame_csp.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("cms.security_headers.CSPMiddleware") + 1, "cms.preview_frame_csp.PreviewFrameMiddleware"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The admin calls no third party: no avatars from gravatar.com (it would see who edits), no
# release check against releases.wagtail.org (upgrades are pinned in requirements.txt).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Uploads: Wagtail refuses files over WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes or over this many pixels
# from the header alone, before anything is decoded; home/image_checks.py then refuses damaged,
# truncated and polyglot files. 40 megapixels decode in about 160 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# The image form also makes alt text (Wagtail's "description") required, with help for editors.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.CitynewsImageForm"

# --- Newsletter digest (`manage.py newsletter`, `make newsletter`) ---------------------------------
# The GraphQL endpoint the digest is built from, over HTTP like any outside newsletter tool.
CITYNEWS_NEWSLETTER_API_URL = env("NEWSLETTER_API_URL", default="http://127.0.0.1:8000/graphql/")
