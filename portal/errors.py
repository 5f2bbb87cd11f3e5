"""Server errors: a database that cannot be reached answers 503 with Retry-After, logged once per interval.

Django turns every uncaught exception into a 500 and logs its traceback per request. When the
database is out of connections (or down) that means hundreds of identical tracebacks a second
and a page that tells clients and proxies nothing useful. ``server_error`` (``handler500``)
answers 503 with ``Retry-After`` instead, and ``DatabaseUnavailableFilter`` on the
``django.request`` logger replaces the tracebacks with one line per interval.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from .throttled_log import log_once_per

logger = logging.getLogger("portal.errors")


def is_database_unavailable(error):
    # Django wraps the driver's errors (psycopg's, and the pool's PoolTimeout) in these two.
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request):
    error = sys.exc_info()[1]
    if not is_database_unavailable(error):
        return defaults.server_error(request)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableFilter(logging.Filter):
    """Drop per-request tracebacks of an unreachable database; say it once per interval instead."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if error is None or not is_database_unavailable(error):
            return True
        log_once_per(
            settings.SERVICE_UNAVAILABLE_LOG_INTERVAL,
            logger,
            logging.ERROR,
            "database-unavailable",
            "Database unavailable, answering 503 (logged once per %ss): %s",
            settings.SERVICE_UNAVAILABLE_LOG_INTERVAL,
            " ".join(str(error).split())[:300],
        )
        return False
