"""What the app caches for every visitor with the page cache off (the page a path names) is still
right for each page and each visitor, and follows every publish and settings change."""

import pytest

from campaigns.models import NewsIndexPage
from tests.campaigns.conftest import section
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def html(client, path, host="siena.localhost", status=200):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == status
    return response.content.decode()


def test_a_cached_route_follows_publishing_and_unpublishing(client, siena):
    news = NewsPageFactory(parent=section(siena, NewsIndexPage), title="Sportello aperto", slug="sportello")
    assert "Sportello aperto" in html(client, "/it/notizie/sportello/")
    news.title = "Sportello chiuso per ferie"
    news.save_revision().publish()
    assert "Sportello chiuso per ferie" in html(client, "/it/notizie/sportello/")
    news.unpublish()
    html(client, "/it/notizie/sportello/", status=404)


def test_routable_pages_still_answer_their_own_routes(client, siena):
    html(client, "/it/notizie/")
    assert client.get("/it/notizie/rss/", HTTP_HOST="siena.localhost").status_code == 200
    html(client, "/it/notizie/non-esiste/", status=404)
