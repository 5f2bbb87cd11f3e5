"""The database search backend, with per-language text-search configurations on PostgreSQL.

modelsearch's PostgreSQL backend uses one configuration (``SEARCH_CONFIG``) for
every row it indexes and every query. Here each object is indexed with the
configuration of its own locale (Italian stemming for Italian pages, English for
English …, ``simple`` where PostgreSQL has no stemmer) and each query uses the
configuration of the active language, which is the language of the pages the
portal search looks at. SQLite (FTS5) and MySQL have no per-language
configuration: they get modelsearch's backend unchanged.
"""

import copy
from collections import defaultdict
from functools import cache

from django.db import connection
from django.utils import translation

from . import language_code_for_locale_id, postgres_config_for_language


def config_for_object(obj):
    return postgres_config_for_language(language_code_for_locale_id(getattr(obj, "locale_id", None)))


@cache
def _postgres_backend_class():
    # Imported lazily: modelsearch's PostgreSQL module needs a configured app registry.
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models import F, Func
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import And, Or, Phrase, PlainText

    class LocalePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            # Group by configuration and index each group with a copy of the backend set to it.
            groups = defaultdict(list)
            for obj in objs:
                groups[config_for_object(obj)].append(obj)
            for config, group in groups.items():
                backend = copy.copy(self.backend)
                backend.config = config
                PostgresIndex(backend).add_items(model, group)

    class LocalePostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            language = translation.get_language()
            return postgres_config_for_language(language) if language else backend.config

        def search(self, config, start, stop, score_field=None, backend=None):
            """modelsearch's search, matching through the indexed ``home_search_vector`` (see the migration)."""
            if self.fields is not None or not isinstance(self.query, (PlainText, Phrase, And, Or)):
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            search_query = self.build_tsquery(self.query, config=config)
            rank_expression = self._build_rank_expression(self.get_index_vectors(search_query), config)
            vector = Func(
                F("index_entries__title"),
                F("index_entries__body"),
                function="home_search_vector",
                output_field=SearchVectorField(),
            )
            queryset = self.queryset.annotate(_vector_=vector).filter(_vector_=search_query)
            return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    class LocalePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocalePostgresIndex
        query_compiler_class = LocalePostgresSearchQueryCompiler
        # Autocomplete keeps modelsearch's "simple" configuration: prefixes must not be stemmed.
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler

    return LocalePostgresSearchBackend


def SearchBackend(params):  # noqa: N802 (modelsearch looks a backend module's SearchBackend up by this name)
    """The right database backend for the default database, like ``modelsearch.backends.database``."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as ModelsearchDatabaseBackend

    return ModelsearchDatabaseBackend(params)
