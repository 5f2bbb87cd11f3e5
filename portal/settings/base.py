"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(see the configuration table in README.md). Nothing secret has a default here.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # One line, no traceback: this is the first thing an operator sees.
        sys.exit("Configuration error: the SECRET_KEY environment variable is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"  # noqa: S105

# Development answers the network site (localhost) and every portal (*.localhost).
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's own apps, the one list of them (tests and tools read it from here).
PROJECT_APPS = ["home", "sites", "projects", "directory", "campaigns", "forms", "outbox", "staff", "pagecache", "bench"]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "portal.request_log.RequestLogMiddleware",
    # Anonymous pages from the cache (pagecache/), stored with the headers of everything below:
    # a hit runs none of it (no security/CSP header work, no compression, no query). Below the
    # request log only, so hits are logged and get their own request id.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sites.csp.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed by the app itself (static files come precompressed from whitenoise above,
    # which answers them before this runs). BREACH: CSRF tokens are masked anew on every response
    # and Django pads each gzip stream by a random length; public pages carry no other secret.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Which answers the page cache above may store (public) and which no cache may (private): here,
    # where the view's own answer is judged before SessionMiddleware adds "Vary: Cookie".
    "pagecache.middleware.PageCachePolicyMiddleware",
    # request.portal (lazy: built only when read, so static files and /healthz never build it).
    "sites.portal.PortalMiddleware",
    "sites.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff.middleware.StaffSessionMiddleware",
    "staff.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sites.portal.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (development): writers take the lock when their transaction starts and wait for it
# (instead of failing with "database is locked" when the task worker writes at the same time);
# WAL lets pages be read while a write is under way.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
# PostgreSQL: Django's native psycopg pool, one per process. A request that cannot get a
# connection within DATABASE_POOL_TIMEOUT seconds is answered 503 (see portal/errors.py).
DATABASE_POOL_SIZE = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
DATABASE_POOL_TIMEOUT = float(os.environ.get("DATABASE_POOL_TIMEOUT", "2"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DATABASE_POOL_SIZE > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections; Django must not also
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": DATABASE_POOL_SIZE,
        "timeout": DATABASE_POOL_TIMEOUT,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (required with several app servers), else local memory.
# An unreachable Redis makes every read a miss (pages come from the database), see portal/cache.py.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portals",
            "OPTIONS": {"retry_after": float(os.environ.get("CACHE_RETRY_AFTER", "5"))},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Full-page cache of anonymous visitors' pages (pagecache/), in the cache above; PAGE_CACHE=0 turns it off.
# Publishing, unpublishing, moving or deleting a page and changing a site or portal settings clear it;
# a page lasts at most PAGE_CACHE_SECONDS (what changes with time alone: upcoming events). Browsers
# keep a page PAGE_CACHE_BROWSER_SECONDS, the proxy in front (s-maxage) PAGE_CACHE_SECONDS.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = 60
# A request carrying one of these cookies is someone's own (staff session, a form's thank-you,
# a password-protected page, messages waiting to be shown): never served from nor stored in a cache.
PAGE_CACHE_BYPASS_COOKIES = ("sessionid", "messages")
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/healthz", "/documents/")
# Varnish in front of the app servers (deploy/varnish/): purged on publish by the task worker
# through Wagtail's frontend-cache backends (wagtail.contrib.frontend_cache, not installed as an
# app: pagecache/signals.py queues the purges, pagecache/tasks.py sends them).
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "pagecache.frontend.VarnishBackend", "LOCATION": FRONTEND_CACHE_URL}}
    if FRONTEND_CACHE_URL
    else {}
)
# Translations have their own slugs: purge the URLs Wagtail gives, not one copy per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Background work (emails, search index updates, Wagtail's own tasks): django-tasks with its
# database backend, run by `manage.py db_worker` (as many workers as you like, on any machine).
# TASK_QUEUE=immediate runs tasks inside the process that enqueues them (tests, bulk imports).
# The queues: "default", and "registrations" (creating the entries of self-registrations, which
# a worker started with --queue-name '*' runs after the rest).
TASK_QUEUE = os.environ.get("TASK_QUEUE", "database")
TASK_QUEUES = ["default", "registrations"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TASK_QUEUE == "immediate"
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,
    }
}
# django-axes first: it refuses a locked-out account before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Italian first; the public site speaks the languages of
# the portals' citizens, the admin speaks Italian (or English, per user).
LANGUAGE_CODE = "it"
LANGUAGES = [
    ("it", "Italiano"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("ro", "Română"),
    ("sq", "Shqip"),
    ("uk", "Українська"),
    ("zh-hans", "简体中文"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("it", "Italiano"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

# Static files: Bootstrap Italia and Leaflet come from node_modules (npm install),
# served by whitenoise with hashed, compressed names in production.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap-italia", BASE_DIR / "node_modules" / "bootstrap-italia" / "dist"),
    ("leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    # Built at setup by `npm run build`: the right-to-left Bootstrap Italia and the Arabic/Chinese fonts.
    BASE_DIR / "static_build",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Bootstrap Italia's CSS points at a few files it does not ship; don't fail on them.
WHITENOISE_MANIFEST_STRICT = False

# Email: every message is stored and sent by a task worker (outbox/), retried with backoff
# while the mail server is unreachable. Delivery: SMTP when EMAIL_HOST is set, else the console.
EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # seconds; a hung mail server must not hold a worker
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "20"))  # about 14 hours of retries
OUTBOX_MAX_RETRY_DELAY = 60 * 60  # seconds: backoff doubles from 1 minute up to 1 hour
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Pari Opportunità <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Pari Opportunità Portals"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Search: the database backend (SQLite FTS5 with no set-up; PostgreSQL full text with
# each language's text-search configuration) unless ELASTICSEARCH_URL is set, then
# Elasticsearch 9 with an analyzer per language (see home/search_backends/).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "home.search_backends.elasticsearch",
            "URLS": env_list("ELASTICSEARCH_URL"),
            # Index (alias) names are "<ELASTICSEARCH_INDEX>_wagtailcore_page" etc.
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "portals") + "_",
            # Short: a slow search server must not hold a citizen's request (seconds).
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "3")),
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "ATOMIC_REBUILD": True,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backends.database"}}
# Longer queries get a clear message instead of a search (characters).
SEARCH_MAX_QUERY_LENGTH = int(os.environ.get("SEARCH_MAX_QUERY_LENGTH", "200"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # decoded at upload (home/images.py): bounded memory
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.images.CheckedImageForm"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Public forms (contact forms, self-registration of organisations).
FORMS_RATE_LIMIT = os.environ.get("FORMS_RATE_LIMIT", "5/hour")  # submissions per client address
# How many proxies of ours stand in front of the app servers (Varnish, a TLS terminator …).
# 0: the client is REMOTE_ADDR. N: the client is the address the outermost of our N proxies
# appended to X-Forwarded-For (the N-th from the right); what the client itself sent is ignored.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
# A submission token is honoured this long (seconds): a form left open longer is sent again.
FORMS_TOKEN_MAX_AGE = 2 * 24 * 60 * 60
FORMS_LOGO_MAX_BYTES = 2 * 1024 * 1024
FORMS_LOGO_MAX_PIXELS = 16_000_000
FORMS_LOGO_MAX_SIDE = 4000
FORMS_PRIVATE_LINK_MAX_AGE_DAYS = int(os.environ.get("FORMS_PRIVATE_LINK_MAX_AGE_DAYS", "60"))
LISTING_RENEWAL_MONTHS = int(os.environ.get("LISTING_RENEWAL_MONTHS", "12"))
LISTING_RENEWAL_GRACE_DAYS = int(os.environ.get("LISTING_RENEWAL_GRACE_DAYS", "30"))

# Directory maps: the tile server (OpenStreetMap's by default) and the credit it requires.
DIRECTORY_TILE_URL = os.environ.get("DIRECTORY_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
DIRECTORY_TILE_ATTRIBUTION = os.environ.get(
    "DIRECTORY_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)

# Staff accounts (see "Sicurezza del personale" in README.md).
# Second factor (TOTP) required for these roles: "superusers", "all", or group-name suffixes
# such as "moderators", "editors", "translators" (a member of "Siena moderators" is a moderator).
STAFF_2FA_REQUIRED_FOR = env_list("STAFF_2FA_REQUIRED_FOR", ["superusers", "moderators"])
OTP_TOTP_ISSUER = "Pari Opportunità"
# Minutes without a request after which a staff session ends; it also ends when the browser closes.
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "120"))
SESSION_COOKIE_AGE = STAFF_SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Login lockout (django-axes): wrong passwords before a username is locked, and for how long
# (0: until a superuser unlocks it). Counted per username, so guesses spread over many addresses
# or browsers count all the same. Not per address: an office behind one public address would be
# shut out whole by one person's typos, the superuser who could unlock included (hence axes.W006
# is silenced below).
AXES_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_FAILURE_LIMIT", "5"))
_cooloff = int(os.environ.get("STAFF_LOGIN_COOLOFF_MINUTES", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=_cooloff) if _cooloff else None
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "staff.security.client_ip"
AXES_ENABLE_ADMIN = False  # Django's admin is not installed; superusers see lockouts in Wagtail's
AXES_VERBOSE = False
# Password-reset links go to the portal the request came from, over https unless DEBUG is on.
EMAIL_LINKS_HTTPS = env_bool("EMAIL_LINKS_HTTPS", not DEBUG)
# The admin calls no third party (privacy, and the admin's CSP): no Gravatar avatars, and no
# check for new Wagtail releases from the dashboard (upgrades come with deploys).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Security headers that are right for every environment; HTTPS-only ones below.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views allow their own framing (same origin); nothing else may be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers and monitors probe the app servers directly, over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["axes.W006"]  # lockout per username: see AXES_LOCKOUT_PARAMETERS
if not SECURE_HSTS_PRELOAD:
    # Preloading is a decision per registered domain, taken by turning SECURE_HSTS_PRELOAD on.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# Faults of a dependency are logged once per interval, not once per request (seconds).
SERVICE_UNAVAILABLE_RETRY_AFTER = 30  # the Retry-After of a 503
SERVICE_UNAVAILABLE_LOG_INTERVAL = 60
# /healthz reports the task queue as failing when a task waits longer than this (seconds).
HEALTH_TASK_MAX_AGE = int(os.environ.get("HEALTH_TASK_MAX_AGE", "900"))

# Logs: plain text, or one JSON object per line with LOG_FORMAT=json (request id, host, path,
# status, duration on every request line).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
# Permissions-Policy: no page needs these browser features (embedded videos keep theirs).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}


def _origin(url):
    """scheme://host of a URL template; a "{s}." subdomain placeholder becomes a wildcard."""
    parts = urlsplit(url.replace("{s}.", "*."))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Content-Security-Policy (django-csp). Public pages: scripts only from this site, no inline script
# and no nonce (a page served from the cache is the same for every visitor, so it cannot carry one).
# The Wagtail admin (sites.csp) also needs inline scripts and styles of its own.
_tile_origin = _origin(DIRECTORY_TILE_URL)
_csp_img_src = ["'self'", "data:", *([_tile_origin] if _tile_origin else []), *env_list("CSP_IMG_SRC")]
_csp_frame_src = env_list(
    "CSP_FRAME_SRC", ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
)
_csp_report_uri = os.environ.get("CSP_REPORT_URI", "")
CSP_PUBLIC_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": _csp_img_src,
    "font-src": ["'self'", "data:"],  # Bootstrap Italia's stylesheet embeds one font as a data: URI
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *_csp_frame_src],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    **({"report-uri": [_csp_report_uri]} if _csp_report_uri else {}),
}
CSP_ADMIN_DIRECTIVES = {
    **CSP_PUBLIC_DIRECTIVES,
    # Wagtail's panels and widgets write small inline scripts and style attributes (no nonce).
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [*_csp_img_src, "blob:"],
    "frame-ancestors": ["'self'"],  # the live preview frames the page being edited
}
# CSP_REPORT_ONLY: browsers report violations (to CSP_REPORT_URI when set) but block nothing.
# (Local names: django-csp 4 refuses to start while settings named CSP_* exist.)
_csp_report_only = env_bool("CSP_REPORT_ONLY", False)
_csp = {"DIRECTIVES": CSP_PUBLIC_DIRECTIVES}
CONTENT_SECURITY_POLICY = None if _csp_report_only else _csp
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp if _csp_report_only else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "portal.request_log.RequestIdFilter"},
        "database_unavailable": {"()": "portal.errors.DatabaseUnavailableFilter"},
        "once_a_minute": {"()": "portal.throttled_log.OncePerInterval", "interval": 60},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default logging also prints "django" records itself: one line each is enough.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"filters": ["database_unavailable"]},
        # The pool logs each reconnection attempt while PostgreSQL refuses connections.
        "psycopg.pool": {"filters": ["once_a_minute"]},
        # One line per request: wanted in JSON logs (they feed dashboards), noise in a terminal.
        "portal.requests": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
        "django.server": {"level": "WARNING"},
        # Wagtail logs every publish and background task at INFO: too chatty for commands.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}
