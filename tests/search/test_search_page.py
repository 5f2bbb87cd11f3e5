"""The portal search page on the database backend: scope, facets, pagination, messages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.search import RESULTS_PER_PAGE
from sites.models import PortalSettings

from .conftest import PAGE_TYPES, add_standard_page, make_private, offer_language, publish_translation, site_home

pytestmark = pytest.mark.django_db

SIENA = "siena.localhost"
LUCCA = "lucca.localhost"


def search(client, query, host=SIENA, language="it", **params):
    return client.get(f"/{language}/cerca/", {"q": query, **params}, HTTP_HOST=host)


def result_titles(response):
    return [result.title for result in response.context["page_obj"]]


@pytest.mark.parametrize(("label", "field"), PAGE_TYPES)
def test_each_page_type_is_found_by_its_distinctive_words(client, siena, make_typed_page, label, field):
    page = make_typed_page(label, siena, "Sportello zafferano", "Qui si parla di ornitorinchi e di altro ancora.")

    response = search(client, "ornitorinchi")

    assert response.status_code == 200
    results = list(response.context["page_obj"])
    assert [result.title for result in results] == ["Sportello zafferano"]
    result = results[0]
    assert result.type_label == str(page.specific_class._meta.verbose_name)
    assert result.portal["name"] == "Pari Opportunità Siena"
    assert result.url == page.relative_url(siena)
    assert "<mark>ornitorinchi</mark>" in str(result.snippet)
    # The title also finds it.
    assert result_titles(search(client, "zafferano")) == ["Sportello zafferano"]


def test_the_portal_home_page_is_found(client, siena):
    home = site_home(siena)
    home.intro = "La rete senese contro la violenza di genere."
    home.save_revision().publish()

    assert "Pari Opportunità Siena" in result_titles(search(client, "senese"))


def test_result_card_shows_title_type_portal_and_marked_snippet(client, siena):
    add_standard_page(siena.root_page, "Corso di italiano", intro="Lezioni gratuite. Un corso di italiano per donne.")

    response = search(client, "corso italiano")

    html = response.content.decode()
    assert '<a href="/it/corso-di-italiano/">Corso di italiano</a>' in html
    assert "Pagina standard" in html
    assert "Pari Opportunità Siena" in html
    assert "Un <mark>corso</mark> di <mark>italiano</mark> per donne." in html


def test_a_siena_search_never_returns_lucca_pages(client, siena, lucca):
    add_standard_page(siena.root_page, "Centro antiviolenza Siena", intro="Centro antiviolenza di Poggibonsi.")
    add_standard_page(lucca.root_page, "Centro antiviolenza Lucca", intro="Centro antiviolenza della Piana.")

    assert result_titles(search(client, "antiviolenza", host=SIENA)) == ["Centro antiviolenza Siena"]
    assert result_titles(search(client, "antiviolenza", host=LUCCA)) == ["Centro antiviolenza Lucca"]


def test_the_network_site_searches_every_portal_naming_each(client, siena, lucca):
    add_standard_page(siena.root_page, "Centro antiviolenza Siena", intro="Ascolto e accoglienza.")
    add_standard_page(lucca.root_page, "Centro antiviolenza Lucca", intro="Ascolto e accoglienza.")

    response = search(client, "antiviolenza", host="localhost")

    results = list(response.context["page_obj"])
    assert {(result.title, result.portal["name"]) for result in results} == {
        ("Centro antiviolenza Siena", "Pari Opportunità Siena"),
        ("Centro antiviolenza Lucca", "Pari Opportunità Lucca"),
    }
    # Pages of another portal link to their own host.
    assert {result.url for result in results} == {
        "http://siena.localhost:8000/it/centro-antiviolenza-siena/",
        "http://lucca.localhost:8000/it/centro-antiviolenza-lucca/",
    }


def test_an_english_search_on_en_returns_english_pages_only(client, siena):
    offer_language(siena, "en")
    page = add_standard_page(siena.root_page, "Sportello lavoro", intro="Orientamento al lavoro per donne migranti.")
    translated = publish_translation(page, "en")
    translated.title = "Job desk"
    translated.intro = "Job guidance for migrant women."
    translated.save_revision().publish()

    english = search(client, "women", language="en")
    assert result_titles(english) == ["Job desk"]
    assert english.context["page_obj"][0].url == "/en/sportello-lavoro/"
    # The Italian page is not an English result, and the English page not an Italian one.
    assert result_titles(search(client, "migranti", language="en")) == []
    assert result_titles(search(client, "women", language="it")) == []
    assert result_titles(search(client, "migranti", language="it")) == ["Sportello lavoro"]


def test_drafts_and_private_pages_are_never_returned(client, siena):
    add_standard_page(siena.root_page, "Bozza riservata", intro="Testo del mandorlo.", live=False)
    private = add_standard_page(siena.root_page, "Area riservata", intro="Testo del mandorlo.")
    make_private(private)
    add_standard_page(private, "Sotto area riservata", intro="Testo del mandorlo.")
    add_standard_page(siena.root_page, "Pagina pubblica", intro="Testo del mandorlo.")

    assert result_titles(search(client, "mandorlo")) == ["Pagina pubblica"]
    assert result_titles(search(client, "mandorlo", host="localhost")) == ["Pagina pubblica"]


def test_facets_count_each_type_and_filter_by_type_in_the_url(client, siena):
    add_standard_page(siena.root_page, "Glicine uno", intro="Pagina sul glicine.")
    add_standard_page(siena.root_page, "Glicine due", intro="Pagina sul glicine.")
    home = site_home(siena)
    home.intro = "Anche la home parla di glicine."
    home.save_revision().publish()

    response = search(client, "glicine")

    facets = {facet.key: facet.count for facet in response.context["search"].facets}
    assert facets == {"home.standardpage": 2, "home.homepage": 1}
    assert response.context["page_obj"].paginator.count == 3
    html = response.content.decode()
    assert "?q=glicine&amp;tipo=home.standardpage" in html

    filtered = search(client, "glicine", tipo="home.standardpage")
    assert sorted(result_titles(filtered)) == ["Glicine due", "Glicine uno"]
    assert filtered.context["page_obj"].paginator.count == 2
    # The other type still shows with its count, so the citizen can switch.
    assert {facet.key for facet in filtered.context["search"].facets} == {"home.standardpage", "home.homepage"}


def test_an_unknown_type_filter_finds_nothing_and_offers_to_remove_it(client, siena):
    add_standard_page(siena.root_page, "Glicine", intro="Pagina sul glicine.")

    response = search(client, "glicine", tipo="nessuno.tipo")

    assert response.status_code == 200
    assert result_titles(response) == []
    assert "Togli il filtro per tipo" in response.content.decode()


def test_results_are_paginated_keeping_the_query(client, siena):
    for number in range(RESULTS_PER_PAGE + 3):
        add_standard_page(siena.root_page, f"Laboratorio {number}", intro="Laboratorio di cucito.")

    first = search(client, "cucito")
    second = search(client, "cucito", page=2)

    assert len(result_titles(first)) == RESULTS_PER_PAGE
    assert len(result_titles(second)) == 3
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert "?q=cucito&amp;page=2" in first.content.decode()
    # A page number out of range gives the last page, never an error.
    assert result_titles(search(client, "cucito", page=99)) == result_titles(second)


def test_no_results_suggests_other_words_and_shows_the_helplines(client, siena):
    settings = PortalSettings.for_site(siena)
    settings.emergency_helplines = [
        ("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True})
    ]
    settings.save()

    response = search(client, "parolachenonesiste")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nessuna pagina trovata" in html
    assert "Prova con meno parole" in html
    assert "Hai bisogno di aiuto subito?" in html
    assert 'href="tel:1522"' in html


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_gets_a_clear_message(client, siena, query):
    response = search(client, query)

    assert response.status_code == 200
    assert "Scrivi una o più parole da cercare." in response.content.decode()
    assert list(response.context["page_obj"]) == []


def test_a_page_without_any_query_asks_for_words(client, siena):
    response = client.get("/it/cerca/", HTTP_HOST=SIENA)

    assert response.status_code == 200
    assert "Scrivi una o più parole da cercare." in response.content.decode()


def test_an_over_long_query_gets_a_clear_message(client, siena, settings):
    settings.SEARCH_MAX_QUERY_LENGTH = 50

    response = search(client, "violenza " * 20)

    assert response.status_code == 200
    assert "La ricerca è troppo lunga: usa al massimo 50 caratteri." in response.content.decode()


def test_odd_queries_never_break_the_page(client, siena):
    add_standard_page(siena.root_page, "Pagina qualsiasi", intro="Testo qualsiasi.")
    queries = ['"', "'", "AND", "OR NOT", "*", "(", "a-b", "c++", "100%", "<script>", "NEAR(", "é è", "٣", "l'aiuto"]
    for query in queries:
        response = search(client, query)
        assert response.status_code == 200, query
    assert "<script>" not in search(client, "<script>").content.decode().split("<main")[1]


def test_the_header_has_a_labelled_search_form_on_every_page(client, siena):
    html = client.get("/it/", HTTP_HOST=SIENA).content.decode()

    assert 'action="/it/cerca/"' in html
    assert '<label class="visually-hidden" for="header-search-q">' in html
    assert 'data-search-autocomplete="/it/cerca/suggerimenti/"' in html


def test_search_page_query_count_does_not_grow_with_results(client, siena):
    # Queries, once the caches are warm: one facet query (counts per page type, which also give
    # the total) and one search for the page of results (the cards' texts are cached per page,
    # else one query per page type reads them). None per result.
    for number in range(5):
        add_standard_page(siena.root_page, f"Sportello {number}", intro="Sportello della zanzara.")
    search(client, "zanzara")  # fills the per-site caches (site, settings, menu, header)
    with CaptureQueriesContext(connection) as five:
        response = search(client, "zanzara")
    assert len(response.context["page_obj"]) == 5

    for number in range(5, 50):
        add_standard_page(siena.root_page, f"Sportello {number}", intro="Sportello della zanzara.")
    search(client, "zanzara", page=2)
    with CaptureQueriesContext(connection) as fifty:
        response = search(client, "zanzara", page=2)
    assert len(response.context["page_obj"]) == RESULTS_PER_PAGE
    assert response.context["page_obj"].paginator.count == 50

    assert len(fifty) == len(five), "\n".join(query["sql"] for query in fifty.captured_queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming per language is PostgreSQL full-text search")
def test_postgresql_stems_each_language_with_its_own_configuration(client, siena):
    offer_language(siena, "en")
    page = add_standard_page(siena.root_page, "Corsi di lingua", intro="Corsi gratuiti per donne straniere.")
    translated = publish_translation(page, "en")
    translated.title = "Language classes"
    translated.intro = "Free courses for foreign women."
    translated.save_revision().publish()

    # Italian configuration: "corso" and "corsi" share a stem; English: "course" and "courses".
    assert result_titles(search(client, "corso gratuito")) == ["Corsi di lingua"]
    assert result_titles(search(client, "course", language="en")) == ["Language classes"]
    # Stop words of the language are ignored rather than required.
    assert result_titles(search(client, "corsi per le donne")) == ["Corsi di lingua"]


def test_pages_with_every_word_come_first_then_pages_with_some(client, siena):
    add_standard_page(siena.root_page, "Centro antiviolenza", intro="Ascolto e accoglienza a Poggibonsi.")
    add_standard_page(siena.root_page, "Sportello lavoro", intro="Orientamento a Poggibonsi.")

    every_word = search(client, "centro antiviolenza Poggibonsi")
    assert result_titles(every_word) == ["Centro antiviolenza"]
    assert not every_word.context["search"].any_word

    some_words = search(client, "accoglienza Montepulciano")
    assert result_titles(some_words) == ["Centro antiviolenza"]
    assert some_words.context["search"].any_word
    assert "Nessuna pagina contiene tutte le parole cercate" in some_words.content.decode()


def test_unpublishing_removes_a_page_from_the_results(client, siena):
    page = add_standard_page(siena.root_page, "Sportello antitratta", intro="Numero verde antitratta.")
    page.save_revision().publish()
    assert result_titles(search(client, "antitratta")) == ["Sportello antitratta"]

    page.unpublish()

    assert result_titles(search(client, "antitratta")) == []
    assert result_titles(search(client, "antitratta", host="localhost")) == []


def test_a_published_edit_is_searchable_at_once(client, siena):
    page = add_standard_page(siena.root_page, "Sportello", intro="Testo iniziale.")
    page.intro = "Ora si parla di mediazione culturale."
    page.save_revision().publish()

    assert result_titles(search(client, "mediazione")) == ["Sportello"]


def test_result_cards_follow_publishing(client, siena):
    page = add_standard_page(siena.root_page, "Sportello zanzara", intro="Prima versione della zanzara.")
    assert "Prima versione" in search(client, "zanzara").content.decode()
    page.intro = "Seconda versione della zanzara."
    page.save_revision().publish()
    html = search(client, "zanzara").content.decode()
    assert "Seconda versione" in html and "Prima versione" not in html
