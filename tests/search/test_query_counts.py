"""The search page answers in a constant number of queries, however many pages match."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.search import RESULTS_PER_PAGE

from .conftest import add_standard_page, site_home

pytestmark = pytest.mark.django_db

# Warm and uncached, on top of what every page of the portal costs (site, settings, menu, footer):
# one facet query (counts per page type, which also give the total), one query for the page of
# results and, for results whose card texts are not cached yet, one per page type shown for the
# specific pages. View restrictions, the active locale, the portal's roots and content types come
# from the caches. Nothing per result.
SEARCH_QUERIES = 6


def matching_pages(site, count, first=0):
    for number in range(first, first + count):
        add_standard_page(site.root_page, f"Sportello {number}", intro="Sportello della zanzara tigre.")


def search_queries(client, host, query="zanzara tigre", **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/it/cerca/", {"q": query, **params}, HTTP_HOST=host)
    assert response.status_code == 200
    return response, queries


@pytest.mark.parametrize("host", ["siena.localhost", "localhost"])
def test_search_page_queries_do_not_grow_with_the_results(client, settings, siena, host):
    settings.PAGE_CACHE = False
    matching_pages(siena, 5)
    search_queries(client, host)  # warms the caches (sites, menus, content types)
    response, five = search_queries(client, host)
    assert response.context["page_obj"].paginator.count == 5

    matching_pages(siena, 2 * RESULTS_PER_PAGE, first=5)
    search_queries(client, host, page=2)
    response, many = search_queries(client, host, page=2)
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.count == 5 + 2 * RESULTS_PER_PAGE
    assert len(page_obj) == RESULTS_PER_PAGE

    listing = "\n".join(query["sql"] for query in many.captured_queries)
    assert len(many) == len(five), listing
    assert len(many) <= 12, listing  # the budget of every public page
    # The same page asking for words (no search at all) gives the cost of the page around the results.
    search_queries(client, host, query="")
    _response, no_search = search_queries(client, host, query="")
    assert len(many) - len(no_search) <= SEARCH_QUERIES, listing


def test_a_type_filter_costs_no_extra_query(client, settings, siena):
    settings.PAGE_CACHE = False
    home = site_home(siena)
    home.intro = "Anche la home parla della zanzara tigre."
    home.save_revision().publish()
    matching_pages(siena, 3)
    search_queries(client, "siena.localhost")
    _response, every_type = search_queries(client, "siena.localhost")
    search_queries(client, "siena.localhost", tipo="home.standardpage")

    response, filtered = search_queries(client, "siena.localhost", tipo="home.standardpage")

    assert {result.title for result in response.context["page_obj"]} == {"Sportello 0", "Sportello 1", "Sportello 2"}
    # The home page's type is no longer shown: no query more (the cards' texts are cached per page).
    assert len(filtered) <= len(every_type)
