"""What the app caches for every visitor with the page cache off (routes, the header, menu and footer)
is still right for each page and each visitor, and follows every publish and settings change."""

import pytest
from django.core.cache import cache
from wagtail.models import Page

from campaigns.models import NewsIndexPage
from sites import navigation
from sites.models import PortalSettings
from tests.campaigns.conftest import offer_language, section, translate
from tests.factories import NewsPageFactory, StandardPageFactory

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


def test_the_menu_marks_the_section_of_each_page(client, siena):
    about = Page.objects.child_of(siena.root_page).get(slug="chi-siamo").specific
    about.show_in_menus = True
    about.save_revision().publish()
    child = StandardPageFactory(parent=about, title="Lo staff", slug="staff")
    news_html = html(client, "/it/notizie/")
    staff_html = html(client, "/it/chi-siamo/staff/")
    assert 'class="nav-link active" href="/it/notizie/" aria-current="page"' in news_html
    assert 'class="nav-link active" href="/it/chi-siamo/"' not in news_html
    assert 'class="nav-link active" href="/it/chi-siamo/" aria-current="page"' in staff_html
    assert child.title in staff_html


def test_the_language_switcher_links_each_page_to_its_own_translations(client, siena):
    offer_language(siena, "en")
    news_index = section(siena, NewsIndexPage)
    translate(news_index, "en")
    item = NewsPageFactory(parent=news_index, slug="bando")
    assert 'href="/en/notizie/" lang="en"' in html(client, "/it/notizie/")
    # Not translated: the switcher offers the English home page.
    assert 'href="/en/" lang="en"' in html(client, f"/it/notizie/{item.slug}/")
    assert '<html lang="en" dir="ltr">' in html(client, "/en/notizie/")


def test_the_search_box_holds_each_visitor_s_own_words(client, siena):
    assert 'id="header-search-q" name="q" value="centro"' in html(client, "/it/cerca/?q=centro")
    assert 'id="header-search-q" name="q" value="&lt;b&gt;sportello"' in html(client, "/it/cerca/?q=<b>sportello")
    assert 'id="header-search-q" name="q" value=""' in html(client, "/it/notizie/")


def test_header_footer_and_help_strip_follow_the_portal_settings(client, siena):
    before = html(client, "/it/notizie/")
    assert "Pari Opportunità Siena" in before
    settings = PortalSettings.for_site(siena)
    settings.portal_name = "Ufficio Pari Opportunità di Siena"
    settings.contact_email = "pari@example.org"
    settings.save()
    after = html(client, "/it/notizie/")
    assert after.count("Ufficio Pari Opportunità di Siena") >= 2  # header and footer
    assert "mailto:pari@example.org" in after


def test_each_portal_and_language_has_its_own_header(client, siena, lucca):
    offer_language(siena, "ar")
    translate(siena.root_page.specific, "ar")
    assert "Pari Opportunità Lucca" in html(client, "/it/", host="lucca.localhost")
    assert "Pari Opportunità Lucca" not in html(client, "/it/")
    arabic = html(client, "/ar/")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'action="/ar/cerca/"' in arabic and 'action="/it/cerca/"' not in arabic


def test_cached_news_pages_follow_publishing(client, siena):
    index = section(siena, NewsIndexPage)
    html(client, "/it/notizie/")
    news = NewsPageFactory(parent=index, title="Bando aperto", live=False)
    news.save_revision().publish()
    news.refresh_from_db()
    assert "Bando aperto" in html(client, "/it/notizie/")
    news.unpublish()
    assert "Bando aperto" not in html(client, "/it/notizie/")


def test_a_request_reads_the_version_once_and_sees_its_own_changes():
    with navigation.one_version():
        first = navigation.version()
        cache.set(navigation.VERSION_KEY, first + 1)  # another process publishes meanwhile
        assert navigation.version() == first
        navigation.invalidate()  # this request publishes
        assert navigation.version() not in (first, first + 1)
    assert navigation.version() == cache.get(navigation.VERSION_KEY)
