"""Development settings: base settings with DEBUG on unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402, F403
from .base import DEBUG, STORAGES  # noqa: E402

if DEBUG:
    # No collectstatic needed while developing: serve straight from the finders.
    STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
