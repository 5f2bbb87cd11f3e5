"""The floor every page is compared with: the project's settings, one view, no middleware.

Served only by the benchmark's own gunicorn (``DJANGO_SETTINGS_MODULE=bench.bare_settings``);
production runs ``portal.settings.base``, whose URLs never include this view.
"""

from portal.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"
MIDDLEWARE = []
