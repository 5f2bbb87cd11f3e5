"""News: the section lists them newest first, with RSS and Atom feeds per portal and per language."""

from datetime import date

import feedparser
import pytest

from campaigns.models import NewsIndexPage
from tests.factories import CampaignPageFactory, NewsPageFactory

from .conftest import offer_language, section, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(siena, lucca, campaign_index):
    index = section(siena, NewsIndexPage)
    campaign = CampaignPageFactory(parent=campaign_index, title="Fiocco bianco", slug="fiocco-bianco")
    NewsPageFactory(parent=index, title="Vecchia notizia", slug="vecchia", date=date(2024, 1, 10))
    NewsPageFactory(parent=index, title="Nuova notizia", slug="nuova", date=date(2025, 11, 20), related_page=campaign)
    NewsPageFactory(parent=index, title="Notizia in bozza", date=date(2025, 11, 21), live=False)
    NewsPageFactory(parent=section(lucca, NewsIndexPage), title="Notizia di Lucca", date=date(2025, 11, 22))
    return index


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds_parse_and_hold_only_live_news_of_the_portal_and_language(client, siena, news, feed):
    english = translate(news.get_children().get(slug="vecchia").specific, "en")
    english.title = "Old news in English"
    english.save_revision().publish()

    response = client.get(f"/it/notizie/{feed}/", HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if feed == "rss" else "atom10")
    assert [entry.title for entry in parsed.entries] == ["Nuova notizia", "Vecchia notizia"]
    assert parsed.entries[0].link == "http://siena.localhost:8000/it/notizie/nuova/"
    assert parsed.entries[0].published_parsed[:3] == (2025, 11, 20)

    offer_language(siena, "en")
    english_feed = feedparser.parse(client.get(f"/en/notizie/{feed}/", HTTP_HOST="siena.localhost").content)
    assert not english_feed.bozo
    assert [entry.title for entry in english_feed.entries] == ["Old news in English"]


def test_news_index_newest_first_with_feed_links(client, news):
    html = client.get("/it/notizie/", HTTP_HOST="siena.localhost").content.decode()
    assert html.index("Nuova notizia") < html.index("Vecchia notizia")
    assert "Notizia in bozza" not in html and "Notizia di Lucca" not in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/it/notizie/atom/"' in html


def test_news_page_links_its_related_campaign(client, news):
    html = client.get("/it/notizie/nuova/", HTTP_HOST="siena.localhost").content.decode()
    assert '<a href="/it/campagne/fiocco-bianco/">Fiocco bianco</a>' in html


def _news_index_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/it/notizie/", HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    return len(queries)


def test_news_index_query_count_does_not_grow_with_the_news(client, siena, campaign_index):
    # Site and page routing, settings, menu, one query for the page of news (with related pages
    # selected together), pagination count: the same whether the portal has 5 or 50 news items.
    index = section(siena, NewsIndexPage)
    campaign = CampaignPageFactory(parent=campaign_index, title="Fiocco bianco", slug="fiocco-bianco")
    for number in range(5):
        NewsPageFactory(parent=index, date=date(2025, 1, 1 + number), related_page=campaign)
    _news_index_queries(client)  # warm the caches a first visit fills
    with_5 = _news_index_queries(client)
    for number in range(45):
        NewsPageFactory(parent=index, date=date(2024, 1 + number % 12, 1 + number % 28), related_page=campaign)
    with_50 = _news_index_queries(client)
    assert with_50 == with_5
