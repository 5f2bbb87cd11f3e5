"""Varnish with the repository's VCL in front of the live test server: hits, purges on publish, staff
bypass, and the last copy of a page served while every app server is down (grace).

Needs Debian's varnish package (``.ci/run`` installs it); skipped, saying so, only outside CI.
"""

import os
import select
import socket
import socketserver
import threading
import time
import urllib.request
from urllib.error import HTTPError

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from wagtail.models import Site

from bench import varnish
from campaigns.models import NewsIndexPage
from tests.factories import NewsPageFactory
from tests.world import build_world

HOST = "siena.localhost:8000"  # as the test sites are configured: what purges name and clients send


class Forwarder(socketserver.ThreadingTCPServer):
    """A loopback port that passes connections on to the live server, until it is closed: the app
    server as Varnish sees it, which a test can take down."""

    daemon_threads = True

    def __init__(self, target_port):
        self.target_port = target_port
        super().__init__(("127.0.0.1", 0), Pipe)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]

    def close(self):
        self.shutdown()
        self.server_close()


class Pipe(socketserver.BaseRequestHandler):
    def handle(self):
        with socket.create_connection(("127.0.0.1", self.server.target_port)) as upstream:
            sockets = [self.request, upstream]
            while True:
                readable, _, _ = select.select(sockets, [], [], 30)
                if not readable:
                    return
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is self.request else self.request).sendall(data)


@pytest.fixture
def app_server(transactional_db, live_server):
    server = Forwarder(int(live_server.url.rsplit(":", 1)[1]))
    yield server
    server.close()


@pytest.fixture
def proxy(app_server, settings, tmp_path):
    """varnishd on a free loopback port in front of the live server (health-probed, as in production),
    with its own working folder."""
    if varnish.varnishd() is None:
        if os.environ.get("CI"):
            pytest.fail("varnishd is missing: .ci/run installs Debian's varnish package")
        pytest.skip("no varnishd: install Debian's varnish package to run the Varnish test")
    build_world()
    try:
        process, port = varnish.start(tmp_path, app_server.port, probe_at=(HOST, "/it/"))
    except varnish.VarnishError as error:
        pytest.fail(str(error))
    url = f"http://127.0.0.1:{port}"
    settings.PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "pagecache.frontend.VarnishBackend", "LOCATION": url}}
    cache.clear()
    yield url
    varnish.stop(process)


def fetch(proxy, path, cookie=None, host=HOST):
    """(X-Cache, page) of a GET through Varnish: HIT, MISS or PASS (not cacheable, sent to the app)."""
    headers = {"Host": host, **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(proxy + path, headers=headers)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.headers["X-Cache"], response.read().decode()
    except HTTPError as error:
        pytest.fail(f"{path} answered {error.code} through Varnish")


def publish_news(title):
    siena = Site.objects.get(hostname="siena.localhost")
    index = NewsIndexPage.objects.child_of(siena.root_page).get()
    news = NewsPageFactory(parent=index, title=title, live=False)
    news.save_revision().publish()  # the purge goes through the task queue once this commits
    news.refresh_from_db()
    return news


def test_second_request_is_a_hit_and_a_logged_in_request_bypasses_the_cache(proxy):
    assert fetch(proxy, "/it/notizie/")[0] == "MISS"
    status, html = fetch(proxy, "/it/notizie/")
    assert status == "HIT" and "Pari Opportunità Siena" in html
    # Another host is another page.
    status, html = fetch(proxy, "/it/notizie/", host="lucca.localhost:8000")
    assert status == "MISS" and "Pari Opportunità Lucca" in html

    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("capo", "capo@example.org", "x" * 12))
    cookie = f"csrftoken=abc; sessionid={staff.cookies['sessionid'].value}"
    for _ in range(2):
        status, html = fetch(proxy, "/it/notizie/", cookie=cookie)
        assert status == "PASS"
        assert "wagtail-userbar" in html  # built for this user, not the anonymous copy
    # Nor was the page built for staff kept for anonymous visitors (whose other cookies do not matter).
    status, html = fetch(proxy, "/it/notizie/", cookie="csrftoken=abc")
    assert status == "HIT" and "wagtail-userbar" not in html


def test_publishing_purges_the_page_and_the_index_listing_it(proxy):
    news = publish_news("Sportello aperto")
    path = news.get_url_parts()[2]
    for page in (path, "/it/notizie/", "/it/notizie/?page=1"):
        fetch(proxy, page)
        assert fetch(proxy, page)[0] == "HIT"

    news.title = "Sportello chiuso per ferie"
    news.save_revision().publish()

    status, html = fetch(proxy, path)
    assert status == "MISS" and "Sportello chiuso per ferie" in html
    status, html = fetch(proxy, "/it/notizie/")
    assert status == "MISS" and "Sportello chiuso per ferie" in html
    # Every variant of the index's address went with it.
    assert fetch(proxy, "/it/notizie/?page=1")[0] == "MISS"

    # A new item appears on the cached index at once.
    assert fetch(proxy, "/it/notizie/")[0] == "HIT"
    publish_news("Bando nuovo")
    status, html = fetch(proxy, "/it/notizie/")
    assert status == "MISS" and "Bando nuovo" in html


def test_publishing_purges_the_feeds_and_the_sitemap_that_list_the_page(proxy):
    publish_news("Sportello aperto")
    listings = ("/it/notizie/rss/", "/it/notizie/atom/", "/sitemap.xml")
    for path in listings:
        fetch(proxy, path)
        assert fetch(proxy, path)[0] == "HIT", path

    news = publish_news("Bando nuovo")

    for path in listings[:2]:
        status, feed = fetch(proxy, path)
        assert status == "MISS" and "Bando nuovo" in feed, path
    status, sitemap = fetch(proxy, "/sitemap.xml")
    assert status == "MISS" and news.get_url_parts()[2] in sitemap


def test_pages_stay_readable_while_every_app_server_is_down(proxy, app_server, settings):
    settings.PAGE_CACHE_SECONDS = 1  # expires at once: from then on only grace can serve it
    status, html = fetch(proxy, "/it/notizie/")
    assert status == "MISS" and "Pari Opportunità Siena" in html

    app_server.close()
    # Past the 10 s a stale page is served for while the servers are healthy: only the long grace
    # of a portal whose servers are all down (the probe has marked them sick) can answer now.
    time.sleep(13)

    status, html = fetch(proxy, "/it/notizie/")
    assert status == "HIT" and "Pari Opportunità Siena" in html
    # A page never fetched before cannot be invented.
    request = urllib.request.Request(proxy + "/it/progetti/", headers={"Host": HOST})  # noqa: S310 (loopback)
    with pytest.raises(HTTPError) as error:
        urllib.request.urlopen(request, timeout=30)  # noqa: S310 (loopback)
    assert error.value.code == 503
