"""The Elasticsearch index settings, mappings and documents we generate: no server needed."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from home.search_backends.elasticsearch import LANGUAGE_ANALYZERS, PortalElasticsearchBackend

from .conftest import add_standard_page, offer_language, publish_translation

ROOT = Path(__file__).resolve().parents[2]


def backend(**params):
    # The client connects lazily: nothing listens on this port and nothing needs to.
    return get_search_backend(
        "default",
        BACKEND="home.search_backends.elasticsearch",
        URLS=["http://127.0.0.1:9"],
        INDEX_PREFIX="portals_",
        **params,
    )


def test_every_content_language_has_an_analyzer():
    analyzers = backend().settings["settings"]["analysis"]["analyzer"]

    assert set(LANGUAGE_ANALYZERS) == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert analyzers["text_it"] == {"type": "italian"}
    assert analyzers["text_en"] == {"type": "english"}
    assert analyzers["text_fr"] == {"type": "french"}
    assert analyzers["text_es"] == {"type": "spanish"}
    assert analyzers["text_ar"] == {"type": "arabic"}
    assert analyzers["text_ro"] == {"type": "romanian"}
    assert analyzers["text_zh_hans"] == {"type": "cjk"}
    # No Ukrainian analyzer ships with Elasticsearch: standard tokenizer, lowercase, our stop words.
    assert analyzers["text_uk"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "ukrainian_stop"],
    }
    stop = backend().settings["settings"]["analysis"]["filter"]["ukrainian_stop"]
    assert stop["type"] == "stop" and "та" in stop["stopwords"]


def test_modelsearch_analyzers_are_kept_and_not_modified_for_other_backends():
    analysis = backend().settings["settings"]["analysis"]

    assert {"ngram_analyzer", "edgengram_analyzer"} <= set(analysis["analyzer"])
    assert {"ngram", "edgengram"} <= set(analysis["filter"])
    assert "text_it" not in Elasticsearch9SearchBackend.settings["settings"]["analysis"]["analyzer"]


def test_the_settings_choose_elasticsearch_only_when_its_url_is_set():
    code = "import json; from portal.settings import base; print(json.dumps(base.WAGTAILSEARCH_BACKENDS))"
    env = {
        **os.environ,
        "DEBUG": "1",
        "ELASTICSEARCH_URL": "http://search.internal:9200",
        "ELASTICSEARCH_INDEX": "pari",
    }
    configured = json.loads(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT, env=env))["default"]
    assert configured["BACKEND"] == "home.search_backends.elasticsearch"
    assert configured["URLS"] == ["http://search.internal:9200"]
    assert configured["INDEX_PREFIX"] == "pari_"
    assert configured["TIMEOUT"] <= 5
    assert configured["OPTIONS"] == {"max_retries": 1, "retry_on_timeout": False}
    assert configured["ATOMIC_REBUILD"] is True

    env.pop("ELASTICSEARCH_URL")
    default = json.loads(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT, env=env))["default"]
    assert default == {"BACKEND": "home.search_backends.database"}


def test_the_backend_takes_the_configured_timeout():
    configured = backend(TIMEOUT=3, OPTIONS={"max_retries": 1, "retry_on_timeout": False})

    assert isinstance(configured, PortalElasticsearchBackend)
    assert configured.timeout == 3


def test_rebuilds_are_atomic_through_an_alias():
    configured = backend()
    alias = configured.get_index_for_model(StandardPage)
    rebuilder = configured.rebuilder_class(alias)

    assert isinstance(rebuilder, ElasticsearchAtomicIndexRebuilder)
    # Every page type shares the page index; a rebuild fills a new index, then moves the alias to it.
    assert alias.name == "portals_wagtailcore_page"
    assert rebuilder.index.name.startswith("portals_wagtailcore_page_")
    assert rebuilder.index.name != alias.name


def test_the_mapping_has_a_field_per_language_and_boost():
    properties = backend().mapping_class(StandardPage).get_mapping()["properties"]

    for code in LANGUAGE_ANALYZERS:
        suffix = code.replace("-", "_")
        assert properties[f"_lang_{suffix}"] == {"type": "text", "analyzer": f"text_{suffix}"}
        # Title (boost 2) and intro (boost 1.5) keep their weight in every language.
        assert properties[f"_lang_{suffix}_boost_2_0"]["analyzer"] == f"text_{suffix}"
        assert properties[f"_lang_{suffix}_boost_1_5"]["analyzer"] == f"text_{suffix}"
    # modelsearch's own fields are still there (the admin searches across languages with them).
    assert properties["_all_text"] == {"type": "text"}
    assert properties["locale_id_filter"]["type"] == "integer"


@pytest.mark.django_db
def test_documents_carry_their_text_in_their_own_language_field(siena):
    offer_language(siena, "en")
    page = add_standard_page(siena.root_page, "Corso di italiano", intro="Lezioni gratuite per donne.")
    english = publish_translation(page, "en")
    english.title = "Italian course"
    english.intro = "Free lessons for women."
    english.save_revision().publish()
    mapping = backend().mapping_class(StandardPage)

    italian_doc = mapping.get_document(page)
    english_doc = mapping.get_document(StandardPage.objects.get(pk=english.pk))

    assert "Corso di italiano" in italian_doc["_lang_it"]
    assert "Lezioni gratuite per donne." in italian_doc["_lang_it"]
    assert italian_doc["_lang_it_boost_2_0"] == "Corso di italiano"
    assert not any(key.startswith("_lang_en") for key in italian_doc)
    assert "Free lessons for women." in english_doc["_lang_en"]
    assert not any(key.startswith("_lang_it") for key in english_doc)


@pytest.mark.django_db
def test_queries_also_match_the_active_language_field():
    queryset = Page.objects.live()
    configured = backend()

    with translation.override("it"):
        query = configured.query_compiler_class(queryset, "corsi gratuiti").get_query()
    fields = query["bool"]["must"]["multi_match"]["fields"]
    assert "_all_text" in fields
    assert "_lang_it" in fields
    assert "_lang_it_boost_2_0^2.0" in fields
    assert not any(field.startswith("_lang_en") for field in fields)

    with translation.override("zh-hans"):
        query = configured.query_compiler_class(queryset, "课程").get_query()
    assert "_lang_zh_hans" in query["bool"]["must"]["multi_match"]["fields"]


@pytest.mark.django_db
def test_type_facets_ask_for_every_page_type(monkeypatch):
    """Elasticsearch's terms aggregation returns 10 buckets unless told otherwise; a portal has more page types."""
    configured = backend()
    sent = {}

    def fake_search(self, body, **kwargs):
        sent.update(body)
        return {"aggregations": {"content_type_id": {"buckets": [{"key": 7, "doc_count": 3}]}}}

    monkeypatch.setattr(type(configured.search("x", Page.objects.live())), "_backend_do_search", fake_search)

    with translation.override("it"):
        counts = configured.search("tratta", Page.objects.live()).facet("content_type_id")

    assert counts == {7: 3}
    assert sent["aggregations"]["content_type_id"]["terms"]["size"] >= 100
