"""The sitemap costs the same few queries for 5 pages or 60, and becomes an index past its page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sites.sitemaps import PortalSitemap
from tests.factories.home import StandardPageFactory

from .test_languages import offer, section, translate

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "siena.localhost"}


def sitemap_queries(client, count, siena, translated=True):
    """Grow "Chi siamo" to ``count`` pages (every third in English too), then fetch the sitemap."""
    parent = section(siena, "chi-siamo")
    for number in range(parent.get_children().count(), count):
        page = StandardPageFactory(parent=parent, title=f"Pagina {number}", slug=f"pagina-{number}")
        if translated and number % 3 == 0:
            translate(page, "en")
    client.get("/sitemap.xml", **HOST)  # warm: settings and language caches are filled once per portal
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml", **HOST)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_sitemap_runs_a_constant_number_of_queries(client, siena):
    offer(siena, "en")
    translate(siena.root_page, "en")
    translate(section(siena, "chi-siamo"), "en")
    few, _xml = sitemap_queries(client, 5, siena)
    many, xml = sitemap_queries(client, 60, siena)
    # The count and the page of URLs (as values: no query per page type); sites, languages,
    # roots and restricted sections come from the caches. None per URL.
    assert many == few, (few, many)
    assert many <= 2
    assert xml.count("<url>") > 60
    assert 'hreflang="en" href="http://siena.localhost:8000/en/chi-siamo/pagina-0/"' in xml


def test_past_its_page_size_the_sitemap_is_an_index(client, siena, monkeypatch):
    monkeypatch.setattr(PortalSitemap, "limit", 10)
    _queries, xml = sitemap_queries(client, 25, siena, translated=False)
    assert "<sitemapindex" in xml
    assert "<loc>http://siena.localhost/sitemap.xml?p=2</loc>" in xml
    second = client.get("/sitemap.xml?p=2", **HOST).content.decode()
    assert "<urlset" in second and second.count("<url>") == 10


def test_drafts_restricted_pages_and_languages_not_offered_are_left_out(client, siena):
    parent = section(siena, "chi-siamo")
    StandardPageFactory(parent=parent, slug="pubblica")
    StandardPageFactory(parent=parent, slug="bozza", live=False)
    private = StandardPageFactory(parent=parent, slug="riservata")
    StandardPageFactory(parent=private, slug="sotto-la-riservata")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    translate(siena.root_page, "fr")  # French is not offered by the portal
    translate(section(siena, "chi-siamo"), "fr")
    xml = client.get("/sitemap.xml", **HOST).content.decode()
    assert "<loc>http://siena.localhost:8000/it/chi-siamo/pubblica/</loc>" in xml
    assert "<loc>http://siena.localhost:8000/it/chi-siamo/</loc><lastmod>" in xml
    for absent in ("bozza", "riservata", "/fr/"):
        assert absent not in xml


def test_the_urls_are_written_as_django_s_sitemap_template_writes_them():
    import datetime

    from django.template.loader import render_to_string
    from django.utils import timezone

    urls = [
        {
            "location": "http://siena.localhost/it/a?b=1&c=<2>",
            "lastmod": timezone.make_aware(datetime.datetime(2026, 3, 7, 23, 30), datetime.UTC),  # 8 March in Rome
            "alternates": [
                {"lang_code": "en", "location": "http://siena.localhost/en/a/"},
                {"lang_code": "it", "location": "http://siena.localhost/it/a/"},
            ],
        },
        {"location": "http://siena.localhost/it/b/", "lastmod": None, "changefreq": "daily", "priority": 0.5},
        {"location": "http://siena.localhost/it/c/", "lastmod": datetime.date(2026, 1, 2)},
    ]
    for urlset in (urls, []):
        ours = render_to_string("sites/sitemap.xml", {"urlset": urlset})
        assert ours == render_to_string("sitemap.xml", {"urlset": urlset})
    assert "<lastmod>2026-03-08</lastmod>" in render_to_string("sites/sitemap.xml", {"urlset": urls})
