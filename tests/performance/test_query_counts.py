"""Every public page runs at most 12 SQL queries once its caches are warm, with 5 listed items or many.

Each page is requested twice by host name and language (the second request is counted: menus,
settings, languages and sites are cached by then), with the full-page cache off. Then the page
gets many more of everything it lists (more than one page of a paginated list) and must run
exactly as many queries as before.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_factories import ImageFactory

from campaigns.models import CampaignIndexPage, NewsIndexPage
from forms.models import FormPage, ListingRegistrationPage
from projects.models import ProjectIndexPage
from sites import navigation
from sites.models import PortalSettings
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    FormFieldFactory,
    NewsPageFactory,
    ProjectMunicipalityFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
    SectorFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

MOST = 12
# More than one page of every paginated listing (20 projects, 12 archived campaigns, 10 news).
FEW, MANY = 5, 21


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def queries(client, host, url):
    """SQL run by the second of two requests for ``url`` (the first fills the caches)."""
    assert client.get(url, HTTP_HOST=host).status_code in (200, 404)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    return response, [query["sql"] for query in captured]


def assert_flat(client, host, url, grow, status=200):
    """At most MOST queries with FEW items and the same number after ``grow`` adds MANY more."""
    grow(FEW)
    navigation.invalidate()  # as publishing the new items would
    response, few = queries(client, host, url)
    assert response.status_code == status
    grow(MANY)
    navigation.invalidate()
    response, many = queries(client, host, url)
    assert response.status_code == status
    listing = "\n".join(many)
    assert len(few) <= MOST, f"{url}: {len(few)} queries\n" + "\n".join(few)
    assert len(many) == len(few), f"{url}: {len(few)} queries with {FEW}, {len(many)} with more\n{listing}"
    return response.content.decode()


def child(site, model):
    return model.objects.child_of(site.root_page).get()


def offer(site, *codes):
    settings = PortalSettings.for_site(site)
    settings.languages.set(Locale.objects.filter(language_code__in=codes))
    settings.save()


def translate(page, code):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    translation.save_revision().publish()
    return translation


def image():
    """One of four small images in turn (making image files is what slows these tests down)."""
    pool = list(get_image_model().objects.order_by("-pk")[:4])
    if len(pool) < 4:
        return ImageFactory(file__width=40, file__height=20)
    return pool[Page.objects.count() % 4]


def campaigns_and_events(site):
    """Running, upcoming and archived campaigns with images and events: what home and index pages list."""
    index = child(site, CampaignIndexPage)
    today = timezone.localdate()

    def grow(count):
        for number in range(count):
            campaign = CampaignPageFactory(parent=index, hero_image=image(), hero_image_alt="Una piazza")
            EventPageFactory(parent=campaign, hero_image=image(), hero_image_alt="Una sala")
            CampaignPageFactory(
                parent=index,
                start_date=today - datetime.timedelta(days=400 + number),
                end_date=today - datetime.timedelta(days=300),
            )
            start = today + datetime.timedelta(days=10 + number)
            CampaignPageFactory(parent=index, start_date=start, end_date=start + datetime.timedelta(days=30))

    return grow


# --- home pages ---------------------------------------------------------------------------


def test_network_home(client, network, siena):
    assert_flat(client, "localhost", "/it/", campaigns_and_events(siena))


@pytest.mark.parametrize("code", ["it", "en", "ar"])
def test_portal_home_in_each_language(client, siena, code):
    offer(siena, "en", "ar")
    if code != "it":
        translate(siena.root_page, code)
    html = assert_flat(client, "siena.localhost", f"/{code}/", campaigns_and_events(siena))
    assert f'<html lang="{code}"' in html


# --- standard, form and registration pages -----------------------------------------------


def test_standard_page_with_many_menu_entries(client, siena):
    about = Page.objects.child_of(siena.root_page).get(slug="chi-siamo")

    def grow(count):
        for _number in range(count):
            StandardPageFactory(parent=siena.root_page, show_in_menus=True)
            StandardPageFactory(parent=about)

    assert_flat(client, "siena.localhost", "/it/chi-siamo/", grow)


def test_contact_form_page(client, siena):
    form_page = child(siena, FormPage)

    def grow(count):
        for _number in range(count):
            FormFieldFactory(page=form_page)

    html = assert_flat(client, "siena.localhost", "/it/contatti/", grow)
    assert "<form" in html


def test_registration_page(client, siena):
    page = child(siena, ListingRegistrationPage)
    page.target_index = Page.objects.child_of(siena.root_page).get(slug="associazioni")
    page.save_revision().publish()

    def grow(count):
        for _number in range(count):
            StandardPageFactory(parent=siena.root_page, show_in_menus=True)

    html = assert_flat(client, "siena.localhost", "/it/iscrivi-la-tua-organizzazione/", grow)
    assert "<form" in html


def test_not_found_page(client, siena):
    def grow(count):
        for _number in range(count):
            StandardPageFactory(parent=siena.root_page, show_in_menus=True)

    assert_flat(client, "siena.localhost", "/it/non-esiste/", grow, status=404)


# --- projects ---------------------------------------------------------------------------------


def projects(site):
    index = child(site, ProjectIndexPage)
    sectors = [SectorFactory() for _number in range(3)]

    def grow(count):
        sectors.extend(SectorFactory() for _number in range(count // 5))
        for number in range(count):
            project = ProjectPageFactory(parent=index, hero_image=image(), hero_image_alt="Un incontro")
            project.sectors.set(sectors[number % len(sectors) :][:2])
            project.save()
            ProjectMunicipalityFactory(project=project, name=f"Comune {number}")
            ProjectPartnerFactory(project=project)

    return grow


@pytest.mark.parametrize(
    "host, query",
    [("siena.localhost", ""), ("siena.localhost", "?status=ongoing&scope=provincial&sort=title"), ("localhost", "")],
)
def test_project_index(client, siena, host, query):
    html = assert_flat(client, host, f"/it/progetti/{query}", projects(siena))
    assert "card-img-top" in html or query


def test_project_page_with_many_partners(client, siena):
    project = ProjectPageFactory(
        parent=child(siena, ProjectIndexPage), slug="rete", hero_image=image(), hero_image_alt="Un incontro"
    )
    sectors = []

    def grow(count):
        sectors.extend(SectorFactory() for _number in range(count // 5))
        project.sectors.set(sectors)
        project.save()
        for number in range(count):
            ProjectPartnerFactory(project=project)
            ProjectMunicipalityFactory(project=project, name=f"Comune {number}")

    assert_flat(client, "siena.localhost", "/it/progetti/rete/", grow)


# --- campaigns, events, news ----------------------------------------------------------------------


@pytest.mark.parametrize("host", ["siena.localhost", "localhost"])
def test_campaign_index(client, siena, host):
    assert_flat(client, host, "/it/campagne/", campaigns_and_events(siena))


def test_campaign_and_event_pages(client, siena):
    campaign = CampaignPageFactory(
        parent=child(siena, CampaignIndexPage), slug="insieme", hero_image=image(), hero_image_alt="Un corteo"
    )
    now = timezone.localtime()
    event = EventPageFactory(parent=campaign, slug="incontro", hero_image=image(), hero_image_alt="Una sala")

    def grow(count):
        for number in range(count):
            EventPageFactory(parent=campaign, hero_image=image(), hero_image_alt="Una sala")
            start = now - datetime.timedelta(days=number + 1)
            EventPageFactory(parent=campaign, start=start, end=start + datetime.timedelta(hours=1))

    assert_flat(client, "siena.localhost", "/it/campagne/insieme/", grow)
    assert event.live
    assert_flat(client, "siena.localhost", "/it/campagne/insieme/incontro/", grow)


def news(site):
    index = child(site, NewsIndexPage)

    def grow(count):
        for _number in range(count):
            NewsPageFactory(parent=index, hero_image=image(), hero_image_alt="Una conferenza")

    return grow


def test_news_index(client, siena):
    assert_flat(client, "siena.localhost", "/it/notizie/", news(siena))


def test_news_page(client, siena):
    project = ProjectPageFactory(parent=child(siena, ProjectIndexPage))
    NewsPageFactory(
        parent=child(siena, NewsIndexPage),
        slug="comunicato",
        related_page=project,
        hero_image=image(),
        hero_image_alt="Una conferenza",
    )
    assert_flat(client, "siena.localhost", "/it/notizie/comunicato/", news(siena))


@pytest.mark.parametrize("url", ["/it/notizie/rss/", "/it/notizie/atom/"])
def test_news_feeds(client, siena, url):
    assert_flat(client, "siena.localhost", url, news(siena))


def test_calendar(client, siena):
    assert_flat(client, "siena.localhost", "/it/campagne/ical/", campaigns_and_events(siena))
