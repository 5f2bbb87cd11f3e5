"""Test settings: fast and deterministic (MD5 hasher, plain static storage, local memory cache)."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,testserver")
# Tasks run where they are enqueued (after the commit); tests of the worker switch to the database queue.
os.environ.setdefault("TASK_QUEUE", "immediate")
# Concurrency tests run many requests at once in one process: one pooled connection each.
os.environ.setdefault("DATABASE_POOL_SIZE", "30")
os.environ.setdefault("DATABASE_POOL_TIMEOUT", "20")

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, DATABASES, STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off for the suite (a cached page would outlive the rolled-back test that stored it); the page
# cache's own tests turn it on, with a clean cache (tests/pagecache/).
PAGE_CACHE = env_bool("PAGE_CACHE", False)
# Emails still go through the queue (outbox); delivery lands in django.core.mail.outbox.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The test client speaks plain http.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
EMAIL_LINKS_HTTPS = False
# Tests log staff in with force_login; the second factor is turned on by the tests about it.
STAFF_2FA_REQUIRED_FOR = []
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files straight from the finders: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The in-memory test database is shared with the live server's thread: plain transactions.
    DATABASES["default"]["OPTIONS"] = {}
