"""Anonymous visitors get pages from the cache; staff, forms and changed content never get a stale one."""

import pytest
from wagtail.models import Locale, Page

from campaigns.models import NewsIndexPage
from sites.models import PortalSettings
from tests.factories import NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def news_index(site):
    return NewsIndexPage.objects.child_of(site.root_page).get()


def publish_news(site, title):
    """A news item published the way the admin does it (a revision, then publish)."""
    news = NewsPageFactory(parent=news_index(site), title=title, live=False)
    news.save_revision().publish()
    news.refresh_from_db()
    return news


def get(client, path, host="siena.localhost", **extra):
    response = client.get(path, HTTP_HOST=host, **extra)
    assert response.status_code == 200
    return response


def rendered(request):
    """The response, and whether the app rendered it (rather than the page cache answering).

    Not counted in queries: with the page cache off, a warm page may run none (sites.navigation)."""
    response = request()
    return response, bool(response.templates)


def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, siena, django_assert_num_queries):
    first = get(client, "/it/notizie/")
    assert "public" in first["Cache-Control"] and "s-maxage=600" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = get(client, "/it/notizie/")
    assert second.content == first.content and not second.templates
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]
    # The headers every answer gets are added to cached pages too.
    assert second["Content-Security-Policy"] and second["X-Frame-Options"] == "DENY"


def test_logged_in_staff_bypass_the_cache(client, siena, user_in):
    get(client, "/it/notizie/")  # cached for anonymous visitors
    client.force_login(user_in("siena", "editors"))
    response, by_the_app = rendered(lambda: get(client, "/it/notizie/"))
    assert by_the_app
    assert "private" in response["Cache-Control"] and "wagtail-userbar" in response.content.decode()
    # Nor is the page built for them kept for others.
    client.logout()
    assert "wagtail-userbar" not in get(client, "/it/notizie/").content.decode()


def test_post_and_form_pages_are_never_cached(client, siena):
    path = Page.objects.child_of(siena.root_page).get(slug="contatti").get_url_parts()[2]  # a contact form
    first = get(client, path)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "public" not in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    second, by_the_app = rendered(lambda: get(client, path))
    assert by_the_app and "no-cache" in second["Cache-Control"]
    get(client, "/it/notizie/")
    _, by_the_app = rendered(lambda: client.post("/it/notizie/", {}, HTTP_HOST="siena.localhost"))
    assert by_the_app


def test_previews_are_never_served_from_or_stored_in_the_cache(client, siena, user_in):
    news = publish_news(siena, "Sportello aperto")
    client.force_login(user_in("siena", "editors"))
    response = client.get(f"/admin/pages/{news.pk}/edit/preview/", HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_pages_are_kept_per_host(client, siena, lucca):
    assert "Pari Opportunità Siena" in get(client, "/it/").content.decode()
    lucca_home = get(client, "/it/", host="lucca.localhost").content.decode()
    assert "Pari Opportunità Lucca" in lucca_home and "Pari Opportunità Siena" not in lucca_home


def test_pages_are_kept_per_language(client, siena):
    settings = PortalSettings.for_site(siena)
    settings.languages.set(Locale.objects.filter(language_code="en"))
    settings.save()
    english = siena.root_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Equal Opportunities Siena"
    english.save_revision().publish()
    italian = get(client, "/it/").content.decode()
    english_html = get(client, "/en/").content.decode()
    assert '<html lang="it"' in italian and '<html lang="en"' in english_html
    assert "Equal Opportunities Siena" in english_html
    # Both come from the cache now, each in its own language.
    assert '<html lang="en"' in get(client, "/en/").content.decode()
    assert '<html lang="it"' in get(client, "/it/").content.decode()


def test_the_language_redirect_of_the_bare_address_is_not_cached(client, siena):
    response = client.get("/", HTTP_HOST="siena.localhost", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 302
    assert "public" not in response["Cache-Control"]


def test_publishing_a_page_replaces_its_cached_copy(client, siena):
    news = publish_news(siena, "Sportello aperto")
    path = news.get_url_parts()[2]
    assert "Sportello aperto" in get(client, path).content.decode()
    news.title = "Sportello chiuso per ferie"
    news.save_revision().publish()
    assert "Sportello chiuso per ferie" in get(client, path).content.decode()


def test_publishing_an_item_updates_the_index_and_home_pages_that_list_it(client, siena):
    assert "Nuovo bando" not in get(client, "/it/notizie/").content.decode()
    publish_news(siena, "Nuovo bando")
    assert "Nuovo bando" in get(client, "/it/notizie/").content.decode()


def test_unpublishing_or_deleting_an_item_removes_it_from_cached_listings(client, siena):
    gone = publish_news(siena, "Notizia ritirata")
    deleted = publish_news(siena, "Notizia cancellata")
    html = get(client, "/it/notizie/").content.decode()
    assert "Notizia ritirata" in html and "Notizia cancellata" in html
    gone.unpublish()
    deleted.delete()
    html = get(client, "/it/notizie/").content.decode()
    assert "Notizia ritirata" not in html and "Notizia cancellata" not in html


def test_changing_portal_settings_clears_the_portal(client, siena):
    assert "Pari Opportunità Siena" in get(client, "/it/notizie/").content.decode()
    settings = PortalSettings.for_site(siena)
    settings.portal_name = "Ufficio Pari Opportunità di Siena"
    settings.save()
    assert "Ufficio Pari Opportunità di Siena" in get(client, "/it/notizie/").content.decode()


def test_the_cache_can_be_turned_off(client, siena, settings):
    settings.PAGE_CACHE = False
    get(client, "/it/notizie/")
    response, by_the_app = rendered(lambda: get(client, "/it/notizie/"))
    assert by_the_app and "public" not in response.get("Cache-Control", "")
