"""A Redis cache that degrades to "no cache" when Redis is unreachable.

Every read misses and every write is dropped while Redis is down, so pages are built
straight from the database instead of failing. After a failure Redis is left alone for
``CACHE_RETRY_AFTER`` seconds (``OPTIONS["retry_after"]``, default 5), so a dead server costs one failed
connection per interval per process, not one per cache call; the fault is logged once
per minute at most, as one line.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from .throttled_log import log_once_per

logger = logging.getLogger(__name__)

LOG_INTERVAL = 60


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 5))
        # Short socket timeouts: a cache that answers slowly is as good as down.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0

    def is_available(self):
        return time.monotonic() >= self._down_until

    def _guard(self, method, fallback, *args, **kwargs):
        if not self.is_available():
            return fallback
        try:
            return method(*args, **kwargs)
        except RedisError as error:
            self._down_until = time.monotonic() + self.retry_after
            log_once_per(
                LOG_INTERVAL,
                logger,
                logging.WARNING,
                "cache-down",
                "Cache unreachable (%s: %s): serving without cache, retrying every %ss.",
                type(error).__name__,
                error,
                self.retry_after,
            )
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guard(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._guard(super().incr, None, key, delta, version)
        if result is None:
            # Django's contract for a missing key; callers already handle it.
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guard(super().delete_many, None, keys, version)

    def clear(self):
        return self._guard(super().clear, False)
