"""The public directory pages read the database a fixed number of times, however many entries there are.

Each page is requested twice (the first request fills the per-site caches: navigation, portal
settings, renditions) and the second is counted, at 5 entries and again at 40, with the full-page
cache off so every request renders. What the directory itself reads is the page's count minus the
count of the portal's privacy page, which has the same routing, header, menu and footer.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import DirectoryEntryPage
from sites import navigation
from tests.directory.test_index import _build
from tests.factories import DirectoryCategoryFactory

pytestmark = pytest.mark.django_db
# The directory's own reads: its categories, municipalities, languages, initials, count, entries, then
# the logos, renditions, categories and opening hours of the entries on the page (the index); fewer for
# an entry. Every public page, the directory's included, stays within the budget of 12.
OWN_QUERIES = 10
BUDGET = 12
URL = "/it/associazioni/"
PLAIN = "/it/privacy/"
PAGES = {
    "index": {},
    "letter": {"lettera": "A"},
    "category": {"categoria": "lavoro"},
    "language": {"lingua": "en"},
    "page 2": {"page": "2"},
}


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


@pytest.fixture
def categories():
    return [
        DirectoryCategoryFactory(kind="association", name="Lavoro", slug="lavoro"),
        DirectoryCategoryFactory(kind="association", name="Cultura", slug="cultura"),
    ]


def grow(index, categories, start, stop):
    """Entries ``start``–``stop`` with a logo, categories, languages, coordinates and opening hours."""
    _build(index, stop - start, categories, start)
    navigation.invalidate()  # as publishing them would


def counted(client, url, params=None):
    """The queries of a warm request (the second one) and its response."""
    assert client.get(url, params or {}, HTTP_HOST="siena.localhost").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    return len(queries), response


def test_directory_index_and_its_filters_read_a_fixed_number_of_queries(client, siena_associations, categories):
    grow(siena_associations, categories, 0, 5)
    few = {name: counted(client, URL, params)[0] for name, params in PAGES.items()}
    grow(siena_associations, categories, 5, 40)
    many = {}
    for name, params in PAGES.items():
        many[name], response = counted(client, URL, params)
        assert response.context["entries"], name  # each page shows entries at both sizes
    assert many == few
    plain = counted(client, PLAIN)[0]
    assert max(many.values()) - plain <= OWN_QUERIES, (many, plain)
    assert max(many.values()) <= BUDGET, many


def test_entry_page_reads_a_fixed_number_of_queries(client, siena_associations, categories):
    grow(siena_associations, categories, 0, 5)
    url = f"{URL}{DirectoryEntryPage.objects.child_of(siena_associations).first().slug}/"
    few, response = counted(client, url)
    assert response.context["page"].title == "Associazione 000"
    grow(siena_associations, categories, 5, 40)
    many, _response = counted(client, url)
    assert many == few
    assert many - counted(client, PLAIN)[0] <= OWN_QUERIES
    assert many <= BUDGET
