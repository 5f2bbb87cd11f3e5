"""request.portal: one portal context per request, built only when something reads it."""

import pytest
from django.utils.functional import empty

from campaigns.models import CampaignIndexPage, NewsIndexPage
from tests.campaigns.conftest import offer_language, section, translate
from tests.factories import CampaignPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_a_portal_page_gets_its_portal_settings_languages_and_roots(client, siena):
    offer_language(siena, "en")
    response = client.get("/it/", HTTP_HOST="siena.localhost")
    portal = response.wsgi_request.portal
    assert portal.site == siena
    assert not portal.is_network
    assert portal.settings.site_id == siena.pk
    assert portal.language_codes == ["it", "en"]
    assert portal.locale.language_code == "it"
    assert portal.roots["it"].pk == siena.root_page.pk
    # Templates read the same object through the context processor.
    assert response.context["portal"].site == siena


def test_the_network_site_is_the_network(client, network):
    assert client.get("/it/", HTTP_HOST="localhost").wsgi_request.portal.is_network


def test_healthz_never_builds_the_portal(client):
    request = client.get("/healthz").wsgi_request
    portal = getattr(request, "portal", None)
    # Lazy: nothing read it, so no site, settings or locale was looked up for it.
    assert portal is None or portal._wrapped is empty


def test_listings_show_untranslated_items_in_italian_marked_as_such(client, siena):
    """The one fallback policy: an item not translated into the page's language is listed in Italian."""
    offer_language(siena, "en")
    campaigns = section(siena, CampaignIndexPage)
    translated = CampaignPageFactory(parent=campaigns, title="Campagna tradotta")
    english = translate(translated, "en")
    english.title = "Translated campaign"
    english.save_revision().publish()
    CampaignPageFactory(parent=campaigns, title="Solo in italiano")
    news = section(siena, NewsIndexPage)
    NewsPageFactory(parent=news, title="Notizia solo in italiano")
    translate(news, "en")

    html = client.get("/en/campagne/", HTTP_HOST="siena.localhost").content.decode()
    assert "Translated campaign" in html and "Campagna tradotta" not in html
    assert "Solo in italiano" in html
    assert html.count(' lang="it"') >= 1

    news_html = client.get("/en/notizie/", HTTP_HOST="siena.localhost").content.decode()
    assert "Notizia solo in italiano" in news_html
