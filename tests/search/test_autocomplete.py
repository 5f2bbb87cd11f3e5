"""The JSON endpoint behind the search box's suggestions."""

import pytest

from home.search import AUTOCOMPLETE_LIMIT

from .conftest import add_standard_page, offer_language, publish_translation

pytestmark = pytest.mark.django_db


def suggest(client, query, host="siena.localhost", language="it"):
    response = client.get(f"/{language}/cerca/suggerimenti/", {"q": query}, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_titles_starting_with_the_typed_letters(client, siena):
    add_standard_page(siena.root_page, "Centro antiviolenza Amiata")
    add_standard_page(siena.root_page, "Sportello lavoro")

    results = suggest(client, "antivi")

    assert results == [{"title": "Centro antiviolenza Amiata", "url": "/it/centro-antiviolenza-amiata/"}]


def test_only_this_portal_and_language_and_live_pages(client, siena, lucca):
    offer_language(siena, "en")
    italian = add_standard_page(siena.root_page, "Tratta e sfruttamento")
    add_standard_page(lucca.root_page, "Tratta: il numero verde")
    add_standard_page(siena.root_page, "Tratta (bozza)", live=False)
    english = publish_translation(italian, "en")
    english.title = "Trafficking and exploitation"
    english.save_revision().publish()

    assert [item["title"] for item in suggest(client, "tratt")] == ["Tratta e sfruttamento"]
    assert [item["title"] for item in suggest(client, "tratt", host="lucca.localhost")] == ["Tratta: il numero verde"]
    assert [item["title"] for item in suggest(client, "traffick", language="en")] == ["Trafficking and exploitation"]
    assert suggest(client, "tratt", language="en") == []


def test_the_number_of_suggestions_is_limited(client, siena):
    for number in range(AUTOCOMPLETE_LIMIT + 4):
        add_standard_page(siena.root_page, f"Laboratorio {number}")

    assert len(suggest(client, "labora")) == AUTOCOMPLETE_LIMIT


@pytest.mark.parametrize("query", ["", "a", "*", '"('])
def test_too_short_or_punctuation_only_queries_suggest_nothing(client, siena, query):
    assert suggest(client, query) == []


def test_an_over_long_query_suggests_nothing(client, siena, settings):
    settings.SEARCH_MAX_QUERY_LENGTH = 10
    add_standard_page(siena.root_page, "Laboratorio di cucito")

    assert suggest(client, "laboratorio di cucito") == []
