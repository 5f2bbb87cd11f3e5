"""The "Campagne" section: running first, then upcoming, then the archive by year; the network shows every portal."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail_factories import ImageFactory

from campaigns.models import CampaignIndexPage
from tests.factories import CampaignPageFactory

from .conftest import count_queries, section

pytestmark = pytest.mark.django_db


def _titles_in(html, heading_id):
    """Campaign titles in the <section> opened by the heading with that id, in page order."""
    match = re.search(rf'<h2 id="{heading_id}">.*?</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return re.findall(r'<a href="[^"]*">([^<]+)</a>', match.group(0))


def test_running_then_upcoming_then_archive_by_year(client, campaign_index):
    today = timezone.localdate()
    CampaignPageFactory(parent=campaign_index, title="In corso da poco", start_date=today - timedelta(days=3))
    CampaignPageFactory(
        parent=campaign_index, title="In corso da tempo", start_date=today - timedelta(days=300), end_date=None
    )
    CampaignPageFactory(
        parent=campaign_index,
        title="Tra un mese",
        start_date=today + timedelta(days=30),
        end_date=today + timedelta(days=40),
    )
    CampaignPageFactory(
        parent=campaign_index, title="Domani", start_date=today + timedelta(days=1), end_date=today + timedelta(days=2)
    )
    CampaignPageFactory(
        parent=campaign_index, title="Campagna 2021", start_date=date(2021, 3, 1), end_date=date(2021, 4, 1)
    )
    CampaignPageFactory(
        parent=campaign_index, title="Campagna 2023", start_date=date(2023, 5, 1), end_date=date(2023, 6, 1)
    )
    CampaignPageFactory(
        parent=campaign_index,
        title="Non pubblicata",
        live=False,
        start_date=today - timedelta(days=1),
    )

    response = client.get("/it/campagne/", HTTP_HOST="siena.localhost")
    html = response.content.decode()

    assert response.status_code == 200
    assert _titles_in(html, "running-heading") == ["In corso da poco", "In corso da tempo"]
    assert _titles_in(html, "upcoming-heading") == ["Domani", "Tra un mese"]
    archive = re.search(r'<h2 id="archive-heading">.*?</section>', html, re.S).group(0)
    assert re.findall(r"<h3[^>]*>(\d{4})</h3>", archive) == ["2023", "2021"]
    assert archive.index("Campagna 2023") < archive.index("Campagna 2021")
    assert "Non pubblicata" not in html
    assert html.index("running-heading") < html.index("upcoming-heading") < html.index("archive-heading")


def test_yearly_campaign_is_never_in_the_archive(client, campaign_index):
    CampaignPageFactory(
        parent=campaign_index,
        title="25 novembre",
        start_date=date(2015, 11, 25),
        end_date=date(2015, 11, 25),
        recurs_yearly=True,
    )
    html = client.get("/it/campagne/", HTTP_HOST="siena.localhost").content.decode()
    assert "archive-heading" not in html
    # Django's Italian month names are capitalised.
    assert "ogni anno il 25 novembre" in html.lower()


def test_portal_lists_only_its_own_campaigns_and_the_network_lists_every_portal(client, siena, lucca, network):
    CampaignPageFactory(parent=section(siena, CampaignIndexPage), title="Campagna senese")
    CampaignPageFactory(parent=section(lucca, CampaignIndexPage), title="Con Anna")

    siena_html = client.get("/it/campagne/", HTTP_HOST="siena.localhost").content.decode()
    assert "Campagna senese" in siena_html
    assert "Con Anna" not in siena_html

    network_html = client.get("/it/campagne/", HTTP_HOST="localhost").content.decode()
    assert "Campagna senese" in network_html
    assert "Con Anna" in network_html
    # Each card names its portal and links to the page on that portal's own host.
    assert "Pari Opportunità Lucca" in network_html
    assert "http://lucca.localhost:8000/it/campagne/con-anna/" in network_html


def test_archive_is_paginated(client, campaign_index):
    for year in range(2001, 2016):
        CampaignPageFactory(
            parent=campaign_index, title=f"Edizione {year}", start_date=date(year, 3, 1), end_date=date(year, 3, 8)
        )
    first = client.get("/it/campagne/", HTTP_HOST="siena.localhost").content.decode()
    second = client.get("/it/campagne/?page=2", HTTP_HOST="siena.localhost").content.decode()
    assert "Edizione 2015" in first and "Edizione 2003" not in first
    assert "Edizione 2003" in second and "Edizione 2015" not in second


def _count_queries(client, host="siena.localhost"):
    return count_queries(client, "/it/campagne/", host)


@pytest.mark.parametrize("host", ["siena.localhost", "localhost"])
def test_campaign_index_query_count_does_not_grow_with_campaigns(client, campaign_index, host):
    today = timezone.localdate()

    def build(count):
        for n in range(count):
            kind = n % 3
            if kind == 0:  # running, with a card image
                CampaignPageFactory(parent=campaign_index, hero_image=ImageFactory(), hero_image_alt="Una piazza")
            elif kind == 1:  # upcoming
                CampaignPageFactory(
                    parent=campaign_index, start_date=today + timedelta(days=n + 1), end_date=today + timedelta(days=99)
                )
            else:  # archived
                CampaignPageFactory(parent=campaign_index, start_date=date(2010, 1, 1), end_date=date(2010, 2, 1))

    build(3)
    _count_queries(client, host)  # warm the caches (site root paths, menu, portal directory), make renditions
    few = _count_queries(client, host)
    build(27)
    _count_queries(client, host)  # make the new cards' renditions
    many = _count_queries(client, host)
    # Site and settings lookups, the menu, then a fixed set for the listing: running and upcoming
    # campaigns (one query, deferred StreamFields), their images and renditions (one each),
    # the archive's count and page, the next events, view restrictions. Never one per campaign.
    assert few == many
