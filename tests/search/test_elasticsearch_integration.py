"""Against a real Elasticsearch: indexing, searching per language, atomic rebuild.

Run with ELASTICSEARCH_URL=http://127.0.0.1:9200 (Elasticsearch 8 or 9); skipped otherwise.
Each run uses its own index prefix and deletes its indexes afterwards.
"""

import os
import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from .conftest import add_standard_page, offer_language, publish_translation

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch to test against"),
]


@pytest.fixture
def elasticsearch():
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    backends = {
        "default": {
            "BACKEND": "home.search_backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 10,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend()
        backend.breaker.reset()
        yield backend
        # By name: Elasticsearch 8+ refuses wildcard deletes by default.
        for name in backend.es.indices.get(index=f"{prefix}*"):
            backend.es.indices.delete(index=name)
        backend.breaker.reset()


def rebuild(backend):
    call_command("update_index", verbosity=0)
    backend.refresh_indexes()


def search(client, query, language="it", host="siena.localhost"):
    response = client.get(f"/{language}/cerca/", {"q": query}, HTTP_HOST=host)
    assert response.status_code == 200
    return [result.title for result in response.context["page_obj"]]


def test_index_and_search_per_portal_and_language(client, siena, lucca, elasticsearch):
    offer_language(siena, "en")
    page = add_standard_page(siena.root_page, "Corsi di italiano", intro="Corsi gratuiti per donne straniere.")
    add_standard_page(lucca.root_page, "Corsi di cucito", intro="Corsi gratuiti a Lucca.")
    english = publish_translation(page, "en")
    english.title = "Italian classes"
    english.intro = "Free courses for foreign women."
    english.save_revision().publish()
    rebuild(elasticsearch)

    # Italian analyzer: "corso" finds "corsi"; English analyzer: "course" finds "courses".
    assert search(client, "corso gratuito") == ["Corsi di italiano"]
    assert search(client, "course", language="en") == ["Italian classes"]
    assert search(client, "corso", host="lucca.localhost") == ["Corsi di cucito"]
    assert sorted(search(client, "corsi", host="localhost")) == ["Corsi di cucito", "Corsi di italiano"]


def test_publishing_updates_the_index(client, siena, elasticsearch):
    rebuild(elasticsearch)
    page = add_standard_page(siena.root_page, "Numero verde antitratta", intro="Aiuto per le vittime di tratta.")
    page.save_revision().publish()
    elasticsearch.refresh_indexes()
    assert search(client, "antitratta") == ["Numero verde antitratta"]

    page.unpublish()
    elasticsearch.refresh_indexes()
    assert search(client, "antitratta") == []


def test_rebuild_moves_the_alias_to_a_new_index(siena, elasticsearch):
    rebuild(elasticsearch)
    alias = elasticsearch.get_index_for_model(siena.root_page.specific_class)
    assert alias.is_alias()
    first = [index.name for index in alias.aliased_indices()]

    rebuild(elasticsearch)
    second = [index.name for index in alias.aliased_indices()]

    assert len(first) == len(second) == 1
    assert first != second
    # The old index is gone once the alias points at the new one.
    assert not elasticsearch.es.indices.exists(index=first[0])
