"""Elasticsearch 9 backend: an analyzer per language, atomic rebuilds, and no outage reaching the citizen.

Language: modelsearch keeps one index per root model (all pages share
``<prefix>wagtailcore_page``) and cannot split an index by language, so each page
document carries its text twice: in modelsearch's ``_all_text`` fields (standard
analyzer, every language: the Wagtail admin searches across languages with it)
and in ``_lang_<code>`` fields analyzed for the page's own language (Italian,
English, French, Spanish, Arabic and Romanian with Elasticsearch's built-in
language analyzers; Ukrainian and Albanian with the standard tokenizer,
lowercase and (Ukrainian) a stop-word list, since Elasticsearch ships no
analyzer for them without plugins; Chinese with the ``cjk`` bigram analyzer).
A query matches both, so a search in the active language gets stemming and
stop words while an exact word still matches anywhere.

Rebuild: ``ATOMIC_REBUILD`` (on by default) makes ``update_index`` build a new
index ``<alias>_<random>`` and move the alias to it when complete, deleting the
old one: searches keep answering from the old index during the rebuild.

Outage: connection errors, timeouts and server errors trip a circuit breaker
kept in the cache; while it is open, searches raise ``SearchUnavailable``
immediately (the search page says "temporarily unavailable") and index
updates on publish/unpublish are skipped, with one log line per interval.
"""

from collections import OrderedDict
from copy import deepcopy

from django.utils import translation
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update

from . import CircuitBreaker, SearchUnavailable, language_code_for_locale_id

SEARCH_ERRORS = (TransportError, ApiError)
# Facet buckets returned (one per page type: far more than there are page types).
FACET_SIZE = 200

# Elasticsearch ships no Ukrainian analyzer (it needs the analysis-ukrainian plugin):
# the standard tokenizer with lowercase and these common function words as stop words.
UKRAINIAN_STOPWORDS = [
    "а", "але", "або", "б", "без", "би", "був", "була", "були", "було", "бути", "в", "вже", "ви", "від", "він",
    "вона", "вони", "воно", "де", "для", "до", "є", "ж", "же", "з", "за", "зі", "і", "із", "й", "її", "їх",
    "коли", "лише", "між", "ми", "на", "над", "не", "по", "при", "про", "під", "та", "так", "також", "там",
    "те", "ти", "ті", "то", "той", "тут", "у", "це", "цей", "ці", "ця", "через", "чи", "що", "щоб", "я",
    "який", "яка", "яке", "які", "якщо", "тільки", "ще", "його",
]  # fmt: skip

# Analyzer per content language (the codes of settings.WAGTAIL_CONTENT_LANGUAGES).
LANGUAGE_ANALYZERS = {
    "it": {"type": "italian"},
    "en": {"type": "english"},
    "fr": {"type": "french"},
    "es": {"type": "spanish"},
    "ar": {"type": "arabic"},
    "ro": {"type": "romanian"},
    "sq": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
    "uk": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "ukrainian_stop"]},
    "zh-hans": {"type": "cjk"},
}


def language_suffix(language_code):
    """The suffix of a language's fields and analyzer: "zh-hans" → "zh_hans"."""
    return language_code.replace("-", "_")


def analyzer_name(language_code):
    return f"text_{language_suffix(language_code)}"


def language_field_name(language_code, boost_field=""):
    """``_lang_it`` for all text; ``_lang_it_boost_2_0`` for the text with boost 2."""
    suffix = f"_boost_{boost_field}" if boost_field else ""
    return f"_lang_{language_suffix(language_code)}{suffix}"


def _boost_suffix(boost):
    return str(float(boost)).replace(".", "_")


def index_settings():
    """Index settings: modelsearch's n-gram analyzers plus one analyzer per content language."""
    analyzers = {analyzer_name(code): analyzer for code, analyzer in LANGUAGE_ANALYZERS.items()}
    return {
        "settings": {
            "analysis": {
                "analyzer": analyzers,
                "filter": {"ukrainian_stop": {"type": "stop", "stopwords": UKRAINIAN_STOPWORDS}},
            }
        }
    }


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_text(item) for item in value.values())
    return str(value)


class PortalMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        boosts = {_boost_suffix(field.boost) for field in self.model.get_searchable_search_fields() if field.boost}
        for code in LANGUAGE_ANALYZERS:
            properties[language_field_name(code)] = {"type": "text", "analyzer": analyzer_name(code)}
            for boost in boosts:
                properties[language_field_name(code, boost)] = {"type": "text", "analyzer": analyzer_name(code)}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        language = language_code_for_locale_id(getattr(obj, "locale_id", None))
        if language not in LANGUAGE_ANALYZERS:
            return document
        texts, boosted = [], {}
        for field in self.model.get_searchable_search_fields():
            text = _text(document.get(self.get_field_column_name(field))).strip()
            if not text:
                continue
            texts.append(text)
            if field.boost:
                boosted.setdefault(_boost_suffix(field.boost), []).append(text)
        document[language_field_name(language)] = "\n".join(texts)
        for boost, values in boosted.items():
            document[language_field_name(language, boost)] = "\n".join(values)
        return document


class PortalSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = PortalMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        language = translation.get_language()
        if fields or language not in LANGUAGE_ANALYZERS:
            return remapped
        # Also match the text analyzed for the active language (stemming, stop words), same boosts.
        extra = [Field(language_field_name(language), 1)]
        for field in remapped:
            if field.field_name.startswith("_all_text_boost_"):
                boost = field.field_name.removeprefix("_all_text_boost_")
                extra.append(Field(language_field_name(language, boost), field.boost))
        return remapped + extra


class PortalAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = PortalMapping


class PortalIndex(Elasticsearch9Index):
    pass


class PortalSearchResults(Elasticsearch9SearchResults):
    """Results that turn a server outage into ``SearchUnavailable``, failing fast while the breaker is open."""

    def _guarded(self, method, *args):
        breaker = self.backend.breaker
        if breaker.is_open():
            raise SearchUnavailable("search server marked down")
        try:
            return method(*args)
        except SEARCH_ERRORS as error:
            breaker.trip(error)
            raise SearchUnavailable(str(error)) from error

    def results(self):
        return self._guarded(super().results)

    def count(self):
        return self._guarded(super().count)

    def facet(self, field_name):
        return self._guarded(self._facet, field_name)

    def _facet(self, field_name):
        """modelsearch's facet with room for every page type (its terms aggregation stops at 10 buckets)."""
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            return super().facet(field_name)  # raises modelsearch's FilterFieldError
        body = self._get_es_body()
        column_name = self.query_compiler.mapping.get_field_column_name(field)
        body["aggregations"] = {field_name: {"terms": {"field": column_name, "missing": 0, "size": FACET_SIZE}}}
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model).name
        response = self._backend_do_search(body, index=index, size=0)
        return OrderedDict(
            (bucket["key"] if bucket["key"] != 0 else None, bucket["doc_count"])
            for bucket in response["aggregations"][field_name]["buckets"]
        )


class PortalElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = PortalMapping
    index_class = PortalIndex
    query_compiler_class = PortalSearchQueryCompiler
    autocomplete_query_compiler_class = PortalAutocompleteQueryCompiler
    results_class = PortalSearchResults
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), index_settings())

    def __init__(self, params):
        params = dict(params)
        self.breaker = CircuitBreaker(
            "elasticsearch",
            retry_after=params.pop("RETRY_AFTER", 30),
            log_interval=params.pop("LOG_INTERVAL", 300),
        )
        super().__init__(params)

    # Index updates on save/publish/unpublish/delete: never let an outage break an editor's action.
    def _guarded_update(self, method, obj):
        if self.breaker.is_open():
            return
        try:
            method(obj)
        except SEARCH_ERRORS as error:
            self.breaker.trip(error)

    def add(self, obj):
        self._guarded_update(super().add, obj)

    def delete(self, obj):
        self._guarded_update(super().delete, obj)


SearchBackend = PortalElasticsearchBackend
