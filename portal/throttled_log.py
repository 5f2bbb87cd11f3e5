"""Logging a recurring fault once per interval instead of once per request."""

import logging
import threading
import time

_lock = threading.Lock()
_last_logged = {}


def log_once_per(interval, logger, level, key, message, *args):
    """Log ``message`` unless the same ``key`` was logged less than ``interval`` seconds ago (per process)."""
    now = time.monotonic()
    with _lock:
        last = _last_logged.get(key)
        if last is not None and now - last < interval:
            return False
        _last_logged[key] = now
    logger.log(level, message, *args)
    return True


def reset():
    """Forget what was logged (tests)."""
    with _lock:
        _last_logged.clear()


WARNING = logging.WARNING
