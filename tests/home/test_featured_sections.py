"""The home page's featured sections: each section's title, link and text, in the visitor's language."""

import pytest
from wagtail.models import Page

from campaigns.models import NewsIndexPage
from home.models import HomePageFeaturedSection
from tests.campaigns.conftest import offer_language, section, translate

pytestmark = pytest.mark.django_db


def home(client, language="it"):
    return client.get(f"/{language}/", HTTP_HOST="siena.localhost").content.decode()


def test_featured_sections_follow_their_pages_and_languages(client, siena):
    news = section(siena, NewsIndexPage)
    news.intro = "Le notizie dell'ufficio."
    news.save_revision().publish()
    about = Page.objects.child_of(siena.root_page).get(slug="chi-siamo")
    HomePageFeaturedSection.objects.create(home_page=siena.root_page.specific, page=news, sort_order=0)
    HomePageFeaturedSection.objects.create(
        home_page=siena.root_page.specific, page=about, text="Chi lavora qui.", sort_order=1
    )
    html = home(client)
    assert '<a href="/it/notizie/">Notizie</a>' in html and "Le notizie dell&#x27;ufficio." in html
    assert "Chi lavora qui." in html

    news.title = "Comunicati"
    news.save_revision().publish()
    assert '<a href="/it/notizie/">Comunicati</a>' in home(client)

    offer_language(siena, "en")
    english = translate(news, "en")  # and the home page, with its featured sections
    english.title = "News"
    english.save_revision().publish()
    assert '<a href="/en/notizie/">News</a>' in home(client, "en")
