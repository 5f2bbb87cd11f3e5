"""Search backends for the portals, built on Wagtail's ``modelsearch``.

- ``home.search_backends.database`` (the default): modelsearch's database backend
  (SQLite FTS5, MySQL, PostgreSQL); on PostgreSQL each page is indexed and queried
  with the text-search configuration of its language (``italian`` for Italian,
  ``simple`` where PostgreSQL has no stemmer).
- ``home.search_backends.elasticsearch``: Elasticsearch 9 with an analyzer per
  language, atomic rebuilds through aliases, and a circuit breaker: when the
  server is unreachable, searches fail fast with ``SearchUnavailable`` and index
  updates are skipped, logging once per interval instead of once per request.
"""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger("home.search")

# Django language code → PostgreSQL text-search configuration. Languages that
# PostgreSQL cannot stem (Albanian, Ukrainian, Chinese) use "simple":
# lowercased words, no stemming, no stop words.
POSTGRES_CONFIGS = {
    "it": "italian",
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ro": "romanian",
    "ar": "arabic",
}
POSTGRES_FALLBACK_CONFIG = "simple"


class SearchUnavailable(Exception):
    """The search server cannot answer right now (down, timing out, or its index is missing)."""


def postgres_config_for_language(language_code):
    """ "it" → "italian"; a variant ("en-gb") uses its base language; unknown languages → "simple"."""
    code = (language_code or "").lower()
    return POSTGRES_CONFIGS.get(code) or POSTGRES_CONFIGS.get(code.split("-")[0]) or POSTGRES_FALLBACK_CONFIG


# Locale id → language code, read once and refreshed whenever a locale changes
# (or an id is unknown); indexing a page needs its language without a query per page.
_locale_codes = {}


def language_code_for_locale_id(locale_id):
    if locale_id is None:
        return ""
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id, "")


def _clear_locale_codes(**kwargs):
    _locale_codes.clear()


post_save.connect(_clear_locale_codes, sender="wagtailcore.Locale")
post_delete.connect(_clear_locale_codes, sender="wagtailcore.Locale")


class CircuitBreaker:
    """Remembers (in the shared cache) that a search server is down, and rate-limits the log line saying so."""

    def __init__(self, name, retry_after=30, log_interval=300):
        self.name = name
        self.retry_after = retry_after
        self.log_interval = log_interval

    @property
    def _down_key(self):
        return f"search:{self.name}:down"

    @property
    def _logged_key(self):
        return f"search:{self.name}:logged"

    def is_open(self):
        """True while the server is believed down: don't even try."""
        return bool(cache.get(self._down_key))

    def trip(self, error):
        cache.set(self._down_key, True, self.retry_after)
        # cache.add only succeeds for the first caller in the interval: one line, not a flood.
        if cache.add(self._logged_key, True, self.log_interval):
            logger.error(
                "Search backend %s unreachable (%s): searches answer 'temporarily unavailable' and index updates "
                "are skipped; retrying every %ss. Run `manage.py update_index` once it is back.",
                self.name,
                error,
                self.retry_after,
            )

    def reset(self):
        cache.delete_many([self._down_key, self._logged_key])
