"""One log line per request, and a request id on every log line written while serving it.

With ``LOG_FORMAT=json`` each line is one JSON object (python-json-logger) carrying
``request_id``, ``host``, ``path``, ``method``, ``status`` and ``duration_ms``; the id comes
from the proxy's ``X-Request-ID`` header when it sends one, and is returned in the response.
"""

import contextvars
import logging
import re
import time
import uuid

logger = logging.getLogger("portal.requests")

_request_id = contextvars.ContextVar("request_id", default="")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (empty outside a request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # META rather than request.headers: that would copy every header of the request, on every request.
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            # The line is built only when it is written (JSON logs): pages from the cache cost little else.
            if logger.isEnabledFor(logging.INFO):
                logger.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    response.status_code,
                    extra={
                        "host": request.get_host() if _host_is_valid(request) else "",
                        "path": request.path,
                        "method": request.method,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            _request_id.reset(token)


def _host_is_valid(request):
    from django.core.exceptions import DisallowedHost

    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True
