"""The demo loader: every portal with its seed content, and a second run that changes nothing.

Loading the demo is the slowest thing the suite does, so this module loads it once (in a
transaction rolled back when the module ends) and every test reads that one demo; each test
still runs in its own savepoint, rolled back after it.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision, Site

from campaigns.models import CampaignPage, EventPage, NewsPage
from directory.models import DirectoryCategory, DirectoryEntryPage
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

HOSTS = [
    "localhost",
    "siena.localhost",
    "lucca.localhost",
    "torino.localhost",
    "brindisi.localhost",
    "milano.localhost",
]
SIENA_CENTRES = [
    "Centro pari opportunità Amiata",
    "Centro pari opportunità Crete Senesi",
    "Centro pari opportunità Siena città",
    "Centro pari opportunità Val d'Elsa",
    "Centro pari opportunità Val di Chiana",
    "Centro pari opportunità Val di Merse",
]
PROJECTS = {
    "siena.localhost": "Rete centri pari opportunità territoriali",
    "torino.localhost": "Comunità e inclusione: Femminili plurali – Fase 2",
    "brindisi.localhost": "Consorzio Elpendù – Patto sociale di genere",
    "milano.localhost": "WOMEN4INTEGRATION: from neighbourhoods to Europe / WIN",
}
CARD_TITLE = re.compile(r'class="card-title h5"><a href="[^"]+">([^<]+)<')


def _load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module and rolled back after it (with the caches it filled)."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            yield _load()  # the test settings have DEBUG off, as in production
            transaction.set_rollback(True)
        cache.clear()


def _titles(host, slug):
    index = Site.objects.get(hostname=host).root_page.get_children().get(slug=slug)
    return sorted(DirectoryEntryPage.objects.live().child_of(index).values_list("title", flat=True))


def test_demo_builds_the_six_sites_and_their_users(demo_output, client):
    for host in HOSTS:
        assert f"http://{host}:8000/" in demo_output
    assert set(Site.objects.values_list("hostname", flat=True)) == set(HOSTS)
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert get_user_model().objects.filter(username__in=["admin", "siena-editor", "milano-moderator"]).count() == 3
    # With DEBUG off the demo users get random passwords, printed once, never the known demo one.
    assert "demo-password" not in demo_output
    assert not get_user_model().objects.get(username="siena-editor").check_password("demo-password")
    assert "siena-editor" in demo_output

    for host in HOSTS:
        response = client.get("/it/", HTTP_HOST=host)
        assert response.status_code == 200, host
    assert "Val d&#x27;Elsa" in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    # The portals speak their citizens' languages: Siena in Arabic, right to left; Milan in Chinese.
    arabic = client.get("/ar/", HTTP_HOST="siena.localhost")
    assert arabic.status_code == 200 and '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert client.get("/zh-hans/", HTTP_HOST="milano.localhost").status_code == 200
    assert client.get("/zh-hans/", HTTP_HOST="siena.localhost").status_code == 404
    # Con Anna in Arabic, right to left, with its helpline; 25 November on the network site in all nine.
    con_anna = client.get("/ar/campagne/con-anna/", HTTP_HOST="lucca.localhost").content.decode()
    assert '<html lang="ar" dir="rtl">' in con_anna and 'href="tel:800290290"' in con_anna
    assert "الاستغلال" in con_anna  # "exploitation", in the campaign's translated text
    for path in ("/it/campagne/25-novembre/", "/en/campaigns/25-november/", "/zh-hans/campagne/25-novembre/"):
        assert client.get(path, HTTP_HOST="localhost").status_code == 200, path


def test_demo_fills_the_directories(demo_output, client):
    assert _titles("siena.localhost", "centri-e-servizi") == SIENA_CENTRES
    lucca_associations = _titles("lucca.localhost", "associazioni")
    assert "CeIS – Gruppo Giovani e Comunità di Lucca" in lucca_associations
    assert len(_titles("lucca.localhost", "imprese-femminili")) >= 3
    assert "Consorzio So&Co" in _titles("lucca.localhost", "centri-e-servizi")
    assert {"Cooperativa Orso", "CIDIS – Consorzio Intercomunale di Servizi"} <= set(
        _titles("torino.localhost", "centri-e-servizi")
    )
    assert "Renken Onlus" in _titles("torino.localhost", "associazioni")
    assert "Soleterre" in _titles("milano.localhost", "associazioni")
    assert {"Politecnico di Milano", "Piano C", "Telaio delle Arti"} <= set(
        _titles("milano.localhost", "centri-e-servizi")
    )
    assert _titles("brindisi.localhost", "associazioni")

    # Real organisations get no invented phone numbers or fiscal codes.
    for title in ("Soleterre", "Renken Onlus", "CeIS – Gruppo Giovani e Comunità di Lucca", "Consorzio So&Co"):
        entry = DirectoryEntryPage.objects.get(title=title)
        assert not entry.phone and not entry.fiscal_code

    html = client.get("/it/centri-e-servizi/", HTTP_HOST="siena.localhost").content.decode()
    assert "Centro pari opportunità Val d&#x27;Elsa" in html
    assert "directory-map-points" in html


def test_demo_publishes_the_four_seed_projects_with_sectors(demo_output, client):
    projects = ProjectPage.objects.live()
    assert sorted(projects.values_list("title", flat=True)) == sorted(PROJECTS.values())
    for project in projects:
        assert project.sectors.exists(), project.title
        assert not project.has_unpublished_changes

    for host, title in PROJECTS.items():
        html = client.get("/it/progetti/", HTTP_HOST=host).content.decode()
        assert CARD_TITLE.findall(html) == [title], host
    network = client.get("/it/progetti/", HTTP_HOST="localhost").content.decode()
    assert sorted(CARD_TITLE.findall(network)) == sorted(PROJECTS.values())

    torino = ProjectPage.objects.get(title=PROJECTS["torino.localhost"])
    assert torino.municipality_names == ["Orbassano", "Rivalta", "Piossasco"]
    assert [block.value["count"] for block in torino.beneficiaries] == [300, 30, 15, 15, 20, 350, 2000, 20000]
    assert [funder.name for funder in torino.funders] == ["Fondazione Compagnia di San Paolo"]


def test_demo_links_partners_to_the_directory_entries_of_the_same_portal(demo_output):
    torino = ProjectPage.objects.get(title=PROJECTS["torino.localhost"])
    linked = {partner.name: partner.organisation for partner in torino.partners.all() if partner.organisation_id}
    assert linked, "the Torino project links its partners to the directory"
    for name, entry in linked.items():
        assert entry.title.lower() == name.lower()
        assert entry.live
        assert entry.path.startswith(torino.path[:8])  # an entry of the same portal


def test_demo_campaigns_events_and_news(demo_output, client):
    html = client.get("/it/campagne/con-anna/", HTTP_HOST="lucca.localhost").content.decode()
    assert 'href="tel:800290290"' in html
    for partner in ("Questura di Lucca", "Comune di Capannori", "Azienda USL 12 Versilia", "CeIS"):
        assert partner in html
    assert "2006" in html

    national = CampaignPage.objects.get(slug="25-novembre", copied_from__isnull=True, locale__language_code="it")
    assert national.recurs_yearly
    for site in Site.objects.filter(is_default_site=False):
        home = site.root_page
        copy = CampaignPage.objects.descendant_of(home).get(copied_from=national)
        assert copy.live
        assert EventPage.objects.child_of(copy).live().count() == 1
        assert EventPage.objects.descendant_of(home).filter(slug="8-marzo").live().count() == 1
        assert NewsPage.objects.descendant_of(home).live().count() == 2
        assert client.get("/it/campagne/", HTTP_HOST=site.hostname).status_code == 200
        assert client.get("/it/notizie/rss/", HTTP_HOST=site.hostname).status_code == 200

    network = client.get("/it/campagne/", HTTP_HOST="localhost").content.decode()
    assert "Con Anna" in network and "25 novembre" in network
    # The national campaign is listed once on the network, not once per portal copy.
    assert network.count(">25 novembre – Giornata") == 1


def test_loading_the_demo_again_changes_nothing(demo_output):
    def counts():
        return {
            "sites": Site.objects.count(),
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "users": get_user_model().objects.count(),
            "entries": DirectoryEntryPage.objects.count(),
            "categories": DirectoryCategory.objects.count(),
            "project revisions": {project.pk: project.revisions.count() for project in ProjectPage.objects.all()},
        }

    before = counts()
    _load()
    assert counts() == before
    assert ProjectPage.objects.count() == 4
