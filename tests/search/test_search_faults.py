"""Elasticsearch down: the search page says so, everything else keeps serving, one log line."""

import logging
import socket

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.search_backends import SearchUnavailable

from .conftest import add_standard_page

pytestmark = pytest.mark.django_db


def closed_port():
    """A port on 127.0.0.1 where nothing listens (bound then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def elasticsearch_down():
    backends = {
        "default": {
            "BACKEND": "home.search_backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "unreachable_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        get_search_backend().breaker.reset()
        yield
        get_search_backend().breaker.reset()


def search_log_records(caplog):
    return [record for record in caplog.records if record.name in ("home.search", "modelsearch.index")]


def test_search_page_says_temporarily_unavailable_and_other_pages_serve(client, siena, elasticsearch_down, caplog):
    caplog.set_level(logging.INFO)
    # Publishing while the server is down neither fails nor floods the log.
    first = add_standard_page(siena.root_page, "Centro antiviolenza", intro="Ascolto.")
    first.save_revision().publish()
    second = add_standard_page(siena.root_page, "Sportello lavoro", intro="Orientamento.")
    second.save_revision().publish()
    first.unpublish()

    for _attempt in range(3):
        response = client.get("/it/cerca/", {"q": "centro antiviolenza"}, HTTP_HOST="siena.localhost")
        assert response.status_code == 200
        assert "La ricerca è temporaneamente non disponibile." in response.content.decode()

    suggestions = client.get("/it/cerca/suggerimenti/", {"q": "centro"}, HTTP_HOST="siena.localhost")
    assert suggestions.status_code == 200
    assert suggestions.json() == {"results": [], "unavailable": True}

    for host, path in [
        ("siena.localhost", "/it/"),
        ("siena.localhost", "/it/sportello-lavoro/"),
        ("siena.localhost", "/it/chi-siamo/"),
        ("lucca.localhost", "/it/"),
        ("localhost", "/it/"),
    ]:
        assert client.get(path, HTTP_HOST=host).status_code == 200, (host, path)

    records = search_log_records(caplog)
    assert len(records) == 1, [record.getMessage() for record in records]
    assert "unreachable" in records[0].getMessage()


def test_the_breaker_skips_the_server_while_it_is_down(siena, elasticsearch_down, monkeypatch):
    backend = get_search_backend()
    calls = []
    original = backend.es.search
    monkeypatch.setattr(
        type(backend.es), "search", lambda self, **kwargs: calls.append(kwargs) or original(**kwargs), raising=True
    )
    for _attempt in range(3):
        with pytest.raises(SearchUnavailable):
            list(get_search_backend().search("tratta", Page.objects.live())[:10])

    # Only the first search went to the server; the others failed fast.
    assert len(calls) == 1
