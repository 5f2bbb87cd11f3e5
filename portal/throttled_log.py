"""Logging a recurring fault once per interval instead of once per request."""

import logging
import threading
import time

_lock = threading.Lock()
_last_logged = {}


def _due(key, interval):
    """True (and the time noted) unless ``key`` was let through less than ``interval`` seconds ago."""
    now = time.monotonic()
    with _lock:
        last = _last_logged.get(key)
        if last is not None and now - last < interval:
            return False
        _last_logged[key] = now
    return True


def log_once_per(interval, logger, level, key, message, *args):
    """Log ``message`` unless the same ``key`` was logged less than ``interval`` seconds ago (per process)."""
    if not _due(key, interval):
        return False
    logger.log(level, message, *args)
    return True


def reset():
    """Forget what was logged (tests)."""
    with _lock:
        _last_logged.clear()


class OncePerInterval(logging.Filter):
    """A logging filter letting one record per logger and level through per ``interval`` seconds.

    For libraries that log every retry of a dependency that is down (psycopg's pool reconnecting).
    """

    def __init__(self, interval=60):
        super().__init__()
        self.interval = interval

    def filter(self, record):
        return _due(("filter", record.name, record.levelno), self.interval)
