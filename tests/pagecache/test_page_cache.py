"""Anonymous visitors get pages from the cache; staff, forms and changed content never get a stale one."""

import gzip
from unittest import mock

import pytest
from django.core.cache import cache
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


def headers_of(response):
    """Every header but the request id, which is each request's own."""
    return {name: value for name, value in response.items() if name != "X-Request-ID"}


@pytest.mark.parametrize("path", ["/it/notizie/", "/sitemap.xml"])
@pytest.mark.parametrize("accept_encoding", ["", "gzip, deflate, br"])
def test_a_page_from_the_cache_is_the_answer_built_afresh(
    client, siena, path, accept_encoding, django_assert_num_queries
):
    built = get(client, path, HTTP_ACCEPT_ENCODING=accept_encoding)
    with django_assert_num_queries(0):
        cached = get(client, path, HTTP_ACCEPT_ENCODING=accept_encoding)
    # Security, CSP, Permissions-Policy, language, Vary, caching, compression: the same headers, the same bytes.
    assert headers_of(cached) == headers_of(built)
    assert cached.content == built.content
    for name in ("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options"):
        assert cached[name]
    assert cached["Cache-Control"] == "public, max-age=60, s-maxage=600"
    assert cached["X-Request-ID"] != built["X-Request-ID"]


def test_one_stored_page_serves_clients_with_and_without_gzip(client, siena, django_assert_num_queries):
    # Stored by a client that does not accept gzip, served compressed to one that does …
    plain = get(client, "/it/notizie/")
    with django_assert_num_queries(0):
        compressed = get(client, "/it/notizie/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert "Content-Encoding" not in plain and compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content)
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    # … and the other way round.
    cache.clear()
    compressed = get(client, "/it/notizie/", HTTP_ACCEPT_ENCODING="gzip")
    with django_assert_num_queries(0):
        plain = get(client, "/it/notizie/", HTTP_ACCEPT_ENCODING="identity")
    assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(compressed.content)
    assert int(plain["Content-Length"]) == len(plain.content)
    assert headers_of(plain) == {
        **{name: value for name, value in headers_of(compressed).items() if name != "Content-Encoding"},
        "Content-Length": str(len(plain.content)),
    }


def test_every_answer_from_the_cache_has_its_own_request_id(client, siena):
    assert len({get(client, "/it/notizie/")["X-Request-ID"] for _ in range(3)}) == 3
    # The proxy's id, when it sends one, as for any other answer.
    assert get(client, "/it/notizie/", HTTP_X_REQUEST_ID="proxy-7")["X-Request-ID"] == "proxy-7"


def test_a_hit_asks_the_cache_once(client, siena):
    get(client, "/it/notizie/")
    spy = mock.Mock(wraps=cache)
    with mock.patch("pagecache.middleware.cache", spy), mock.patch("sites.navigation.cache", spy):
        get(client, "/it/notizie/")
    # The site-wide version and the page together: one round trip to Redis.
    assert [name for name, _, _ in spy.mock_calls] == ["get_many"]


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_session_or_messages_cookie_bypasses_the_cache(client, siena, cookie):
    get(client, "/it/notizie/")
    client.cookies[cookie] = "whatever"
    # Built for this visitor (a copy from the cache would say "public"), and kept for nobody.
    assert get(client, "/it/notizie/")["Cache-Control"] == "private, no-cache"


def test_the_sitemap_is_kept_per_language_of_the_visitor(client, siena):
    # Outside the language prefixes, LocaleMiddleware follows Accept-Language (and says so in Vary).
    italian = get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="it")
    english = get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert (italian["Content-Language"], english["Content-Language"]) == ("it", "en")
    assert "Accept-Language" in english["Vary"]
    assert get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    assert get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="it")["Content-Language"] == "it"


def test_an_unknown_host_is_refused_as_without_the_cache(client, siena):
    # The cache takes the Host header unchecked: the 400 below it is never stored.
    for _ in range(2):
        assert client.get("/it/notizie/", HTTP_HOST="elsewhere.example").status_code == 400
    assert client.get("/it/notizie/", HTTP_HOST="siena.localhost").status_code == 200


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
