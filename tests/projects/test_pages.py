"""Project pages and the project index: what citizens see on a portal and on the network site."""

import datetime
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_factories import ImageFactory

from projects.models import ProjectIndexPage, ProjectPage, ProjectPartner, Status
from sites import navigation
from tests.factories import ProjectMunicipalityFactory, ProjectPageFactory, ProjectPartnerFactory, SectorFactory

pytestmark = pytest.mark.django_db


def index_of(site):
    return ProjectIndexPage.objects.descendant_of(site.root_page).get(locale=Locale.get_default())


def project(site, **kwargs):
    sectors = kwargs.pop("sectors", [])
    municipalities = kwargs.pop("municipalities", [])
    page = ProjectPageFactory(parent=index_of(site), **kwargs)
    if sectors:
        page.sectors.set(sectors)
        page.save()
    for name in municipalities:
        ProjectMunicipalityFactory(project=page, name=name)
    return page


def get(client, site, path="/it/progetti/", **params):
    response = client.get(path, params, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def titles(html):
    return re.findall(r'<h2 class="card-title h5"><a href="[^"]+">([^<]+)</a>', html)


# --- the page tree ------------------------------------------------------------------------


def test_every_portal_and_the_network_get_a_project_index(network, siena, lucca):
    for site in (network, siena, lucca):
        assert isinstance(index_of(site), ProjectIndexPage)
    assert ProjectPage.can_create_at(index_of(siena))
    assert not ProjectPage.can_create_at(siena.root_page.specific)
    assert ProjectPage.allowed_subpage_models() == []


def test_portal_lists_its_own_published_projects_only(client, siena, lucca):
    project(siena, title="Sportello donna Siena")
    project(siena, title="Bozza di Siena", live=False)
    project(lucca, title="Con Anna")

    assert titles(get(client, siena)) == ["Sportello donna Siena"]
    assert titles(get(client, lucca)) == ["Con Anna"]


def test_network_site_aggregates_every_portal_with_canonical_links(client, network, siena, lucca):
    siena_project = project(siena, title="Rete dei centri", start_year=2020)
    lucca_project = project(lucca, title="Con Anna", start_year=2006)
    project(lucca, title="Bozza di Lucca", live=False)

    html = get(client, network)
    assert titles(html) == ["Rete dei centri", "Con Anna"]  # newest first
    assert f'href="{siena_project.get_full_url()}">Rete dei centri</a>' in html
    assert f'href="{lucca_project.get_full_url()}">Con Anna</a>' in html
    assert siena_project.get_full_url().startswith("http://siena.localhost:8000/it/progetti/")
    assert "Pari Opportunità Siena</p>" in html
    assert "Pari Opportunità Lucca</p>" in html


def test_the_detail_page_is_served_on_its_portal_only(client, siena, lucca):
    page = project(siena, title="Sportello lavoro", slug="sportello-lavoro")
    assert client.get("/it/progetti/sportello-lavoro/", HTTP_HOST="siena.localhost").status_code == 200
    assert client.get("/it/progetti/sportello-lavoro/", HTTP_HOST="lucca.localhost").status_code == 404
    page.unpublish()
    assert client.get("/it/progetti/sportello-lavoro/", HTTP_HOST="siena.localhost").status_code == 404


# --- filters, sorting, pagination -------------------------------------------------------------

TODAY = datetime.date.today()


def test_filters_combine_and_stay_in_the_url(client, siena):
    violence = SectorFactory(name="Contrasto alla violenza", slug="contrasto-alla-violenza")
    work = SectorFactory(name="Lavoro e orientamento", slug="lavoro-e-orientamento")
    project(
        siena,
        title="Centro antiviolenza",
        start_year=2015,
        ongoing=True,
        scope="provincial",
        sectors=[violence],
        municipalities=["Siena", "Poggibonsi"],
    )
    project(siena, title="Sportello lavoro", start_year=2019, end_year=2020, scope="municipal", sectors=[work])
    project(siena, title="Orientamento futuro", start_year=TODAY.year + 2, scope="municipal", sectors=[work])
    project(siena, title="Lavoro e cura", start_year=2010, end_year=2012, scope="regional", sectors=[violence, work])

    assert titles(get(client, siena, status="active")) == ["Centro antiviolenza"]
    assert titles(get(client, siena, status="planned")) == ["Orientamento futuro"]
    assert titles(get(client, siena, status="completed")) == ["Sportello lavoro", "Lavoro e cura"]
    assert titles(get(client, siena, sector="lavoro-e-orientamento", sort="title")) == [
        "Lavoro e cura",
        "Orientamento futuro",
        "Sportello lavoro",
    ]
    assert titles(get(client, siena, scope="municipal", status="completed")) == ["Sportello lavoro"]
    assert titles(get(client, siena, municipality="Poggibonsi")) == ["Centro antiviolenza"]
    assert titles(get(client, siena, year_from=2011, year_to=2016)) == ["Centro antiviolenza", "Lavoro e cura"]
    assert titles(get(client, siena, q="lavoro")) == ["Sportello lavoro", "Lavoro e cura"]
    assert titles(get(client, siena, q="poggibonsi antiviolenza")) == ["Centro antiviolenza"]

    html = get(client, siena, sector="contrasto-alla-violenza", status="completed")
    assert titles(html) == ["Lavoro e cura"]
    # The form shows the chosen filters, so the URL can be shared and the form still says what it shows.
    assert '<option value="contrasto-alla-violenza" selected>' in html
    assert '<option value="completed" selected>' in html
    assert '<option value="Poggibonsi">Poggibonsi</option>' in html
    assert "1 progetto" in html


def test_invalid_filter_values_are_ignored(client, siena):
    project(siena, title="Sportello donna")
    assert titles(get(client, siena, status="bogus", year_from="abc", page="x")) == ["Sportello donna"]


def test_empty_result_says_so_and_offers_to_clear_the_filters(client, siena):
    project(siena, title="Sportello donna", scope="provincial")
    html = get(client, siena, scope="european")
    assert titles(html) == []
    assert "Nessun progetto corrisponde ai filtri scelti." in html
    assert '<a class="btn btn-primary" href="/it/progetti/">Azzera i filtri</a>' in html


def test_twenty_per_page_and_pagination_keeps_the_filters(client, siena):
    for number in range(25):
        project(siena, title=f"Progetto {number:02d}", scope="provincial")
    project(siena, title="Altro ambito", scope="regional")

    first = get(client, siena, scope="provincial", sort="title")
    assert titles(first) == [f"Progetto {number:02d}" for number in range(20)]
    assert "25 progetti" in first
    assert 'href="?scope=provincial&amp;sort=title&amp;page=2"' in first
    second = get(client, siena, scope="provincial", sort="title", page=2)
    assert titles(second) == [f"Progetto {number:02d}" for number in range(20, 25)]


def test_newest_first_sorts_by_start_date(client, siena):
    project(siena, title="B vecchio", start_year=2001)
    project(siena, title="A recente", start_year=2024, start_month=3)
    project(siena, title="C stesso anno prima", start_year=2024, start_month=1)
    assert titles(get(client, siena)) == ["A recente", "C stesso anno prima", "B vecchio"]
    assert titles(get(client, siena, sort="title")) == ["A recente", "B vecchio", "C stesso anno prima"]


# --- status and dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"start_year": 2030}, Status.PLANNED),
        ({"start_year": 2026, "start_month": 12}, Status.PLANNED),
        ({"start_year": 2026, "start_month": 6, "start_day": 16}, Status.PLANNED),
        ({"start_year": 2026, "start_month": 6, "start_day": 15}, Status.ACTIVE),
        ({"start_year": 2026}, Status.ACTIVE),
        ({"start_year": 2023, "start_month": 11, "end_year": 2025, "end_month": 10}, Status.COMPLETED),
        ({"start_year": 2023, "end_year": 2026, "end_month": 6}, Status.ACTIVE),
        ({"start_year": 2023, "end_year": 2026, "end_month": 6, "end_day": 14}, Status.COMPLETED),
        ({"start_year": 1998, "ongoing": True}, Status.ACTIVE),
        ({"start_year": 1998, "end_year": 2000, "status_override": "active"}, Status.ACTIVE),
        ({"start_year": 2030, "status_override": "completed"}, Status.COMPLETED),
        ({"start_year": None}, ""),
    ],
)
def test_status_is_derived_from_partial_dates_the_same_way_in_python_and_sql(siena, fields, expected):
    today = datetime.date(2026, 6, 15)
    page = project(siena, **fields)
    assert (page.status_override or page.derived_status(today)) == expected
    for status in Status:
        in_sql = ProjectPage.objects.filter(pk=page.pk).with_status(status, today=today).exists()
        assert in_sql == (status == expected), status


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"start_year": 1998, "ongoing": True}, "dal 1998, tuttora in corso"),
        ({"start_year": 1998}, "dal 1998"),
        ({"start_year": 2023, "start_month": 11, "end_year": 2025, "end_month": 10}, "novembre 2023 – ottobre 2025"),
        ({"start_year": 2020, "start_month": 3, "start_day": 1, "end_year": 2021}, "1 marzo 2020 – 2021"),
        ({"start_year": None, "end_year": 2024, "end_month": 12}, "fino a dicembre 2024"),
    ],
)
def test_duration_reads_as_italian(siena, fields, label):
    assert project(siena, **fields).duration_label == label


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"start_year": 2020, "start_day": 3}, "start_month"),
        ({"start_year": 2021, "start_month": 2, "start_day": 30}, "start_day"),
        ({"start_year": 2022, "end_year": 2020}, "end_year"),
        ({"start_year": 2022, "end_year": 2024, "ongoing": True}, "ongoing"),
    ],
)
def test_impossible_durations_are_refused(siena, fields, field):
    page = ProjectPage(title="Prova", slug="prova", **fields)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict


# --- the detail page --------------------------------------------------------------------------------


def test_detail_page_has_fact_box_lists_and_json_ld(client, siena):
    sector = SectorFactory(name="Inclusione sociale", slug="inclusione-sociale")
    page = project(
        siena,
        title="Femminili plurali",
        summary="Inclusione delle donne con background migratorio.",
        promoter="Comune di Orbassano",
        scope="intermunicipal",
        area="Comuni di Orbassano, Rivalta e Piossasco",
        start_year=2023,
        start_month=11,
        end_year=2025,
        end_month=10,
        funding_programme="Bando Territori inclusivi",
        sectors=[sector],
        municipalities=["Orbassano", "Rivalta", "Piossasco"],
        objectives=[("objective", "Valorizzare il ruolo delle donne")],
        activities=[("activity", "Portinerie di comunità")],
        beneficiaries=[
            ("beneficiary", {"count": 300, "description": "300 persone in condizione di fragilità"}),
            ("beneficiary", {"count": 350, "approximate": True, "description": "circa 350 cittadini/e"}),
            ("beneficiary", {"description": "le associazioni della rete"}),
        ],
        results=[("result", {"text": "Tre portinerie aperte", "status": "expected"})],
    )
    ProjectPartnerFactory(project=page, name="Renken Onlus", role="lead")
    ProjectPartnerFactory(project=page, name="Fondazione Compagnia di San Paolo", role="funder")

    html = get(client, siena, page.get_url())
    facts = html.split('id="project-facts-title"', 1)[1].split("</aside>", 1)[0]
    for text in (
        "novembre 2023 – ottobre 2025",
        "Concluso",
        "Intercomunale",
        "Orbassano, Rivalta, Piossasco",
        "Comune di Orbassano",
        "Renken Onlus <small>(capofila)</small>",
        "Fondazione Compagnia di San Paolo",
        "Bando Territori inclusivi",
        "circa 650",
        "Inclusione sociale",
    ):
        assert text in facts, text
    body = html.split("</aside>", 1)[1]
    assert body.index("Obiettivi") < body.index("Attività") < body.index("Beneficiari") < body.index("Risultati")
    assert "Tre portinerie aperte" in body and "atteso" in body

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Project"
    assert data["name"] == "Femminili plurali"
    assert data["funder"] == [{"@type": "Organization", "name": "Fondazione Compagnia di San Paolo"}]
    assert [place["name"] for place in data["location"]] == ["Orbassano", "Rivalta", "Piossasco"]
    assert data["foundingDate"] == "2023-11"
    assert data["url"] == page.get_full_url()


def test_json_ld_cannot_close_its_script_tag(client, siena):
    page = project(siena, title="</script><script>alert(1)</script>", slug="tentativo")
    html = get(client, siena, page.get_url())
    assert "<script>alert(1)" not in html


def test_partner_links_to_its_directory_entry_when_the_directory_has_it(client, siena):
    try:
        apps.get_model("directory", "DirectoryEntryPage")
    except LookupError:
        pytest.skip("the directory app does not provide DirectoryEntryPage yet")
    from tests.factories import DirectoryEntryPageFactory, DirectoryIndexPageFactory

    directory = DirectoryIndexPageFactory(parent=siena.root_page, slug="elenco-prova")
    entry = DirectoryEntryPageFactory(parent=directory, title="Renken Onlus", slug="renken-onlus")
    page = project(siena, title="Con link")
    ProjectPartner.objects.create(project=page, organisation=entry, role="partner")
    ProjectPartner.objects.create(project=page, name="Cooperativa Orso", role="partner")

    html = get(client, siena, page.get_url())
    assert f'<a href="{entry.get_url(current_site=siena)}">Renken Onlus</a>' in html
    assert "<li>Cooperativa Orso</li>" in html


def test_editors_see_the_tabbed_editing_form(client, siena):
    admin = get_user_model().objects.create_superuser("capo", "capo@example.org", "pw")
    client.force_login(admin)
    page = project(siena, title="Da modificare")
    response = client.get(f"/admin/pages/{page.pk}/edit/", HTTP_HOST="localhost")
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Territorio e partner", "Scheda", "Durata e stato", "Contatti e documenti"):
        assert tab in html


# --- query counts -----------------------------------------------------------------------------------


def _count_queries(client, site, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST=site.hostname).status_code == 200
    return len(queries)


def test_index_query_count_does_not_grow_with_the_projects(client, siena, network):
    sector = SectorFactory(name="Lavoro", slug="lavoro")

    def add(count):
        for _ in range(count):
            image = ImageFactory(file__width=20, file__height=10)
            project(siena, sectors=[sector], municipalities=["Siena"], hero_image=image, hero_image_alt="Un incontro")

    def after_a_publish(site):
        # Nothing cached, as after publishing the projects: the listing's own queries are counted.
        navigation.invalidate()
        return _count_queries(client, site, "/it/progetti/")

    add(5)
    # The first views make the card renditions.
    after_a_publish(siena), after_a_publish(network)
    # Site and page routing, portal settings, the menu, then for the listing: the sectors and
    # municipalities of the filter form, the count and the page of projects, and one prefetch each for
    # their hero images (with the card renditions), sectors and municipalities: the same whether the
    # page shows 5 or 20 projects.
    five, five_network = after_a_publish(siena), after_a_publish(network)
    add(45)
    after_a_publish(siena), after_a_publish(network)
    assert "card-img-top" in client.get("/it/progetti/", HTTP_HOST=siena.hostname).content.decode()
    assert after_a_publish(siena) == five
    assert after_a_publish(network) == five_network
    # Then the choices, the count and the pages of the whole list are kept until the next publish.
    _count_queries(client, siena, "/it/progetti/")
    assert _count_queries(client, siena, "/it/progetti/") == 0


def test_the_cached_list_follows_publishing_and_sector_changes(client, siena):
    sector = SectorFactory(name="Lavoro", slug="lavoro")
    first = project(siena, title="Sportello lavoro", sectors=[sector])
    html = get(client, siena)
    assert titles(html) == ["Sportello lavoro"] and "Lavoro" in html
    sector.name = "Lavoro e impresa"
    sector.save()
    assert "Lavoro e impresa" in get(client, siena)
    first.title = "Sportello lavoro e impresa"
    first.save_revision().publish()
    assert titles(get(client, siena)) == ["Sportello lavoro e impresa"]
    first.unpublish()
    assert titles(get(client, siena)) == []


def test_detail_query_count_does_not_grow_with_the_partners(client, siena):
    page = project(siena, title="Con partner", slug="con-partner")
    sector = SectorFactory(name="Rete", slug="rete")
    page.sectors.set([sector])
    page.save()

    def add(count):
        for _ in range(count):
            ProjectPartnerFactory(project=page)

    add(2)
    _count_queries(client, siena, "/it/progetti/con-partner/")
    # Routing and settings, then the partners with their directory entries (one joined query),
    # the municipalities and the sectors: one query each, however many partners.
    two = _count_queries(client, siena, "/it/progetti/con-partner/")
    add(18)
    assert Page.objects.get(pk=page.pk).specific.partners.count() == 20
    assert _count_queries(client, siena, "/it/progetti/con-partner/") == two


# --- languages ------------------------------------------------------------------------------------


def test_other_languages_list_translations_and_untranslated_italian_originals(client, siena):
    from sites.models import PortalSettings

    settings = PortalSettings.for_site(siena)
    settings.languages.set(Locale.objects.filter(language_code__in=["it", "en"]))
    settings.save()
    english = Locale.objects.get(language_code="en")
    for page in (siena.root_page, index_of(siena)):
        copy = page.specific.copy_for_translation(english)
        copy.save_revision().publish()
    translated = project(siena, title="Sportello donna", slug="sportello-donna", start_year=2024)
    copy = translated.copy_for_translation(english)
    copy.title = "Women's desk"
    copy.save_revision().publish()
    project(siena, title="Rete dei centri", slug="rete-dei-centri", start_year=2020)

    html = get(client, siena, "/en/progetti/")
    assert titles(html) == ["Women&#x27;s desk", "Rete dei centri"]
    # The Italian original stands in for the missing translation, marked as Italian.
    assert '<article class="card card-bg h-100 project-card" lang="it">' in html
    assert titles(get(client, siena, "/it/progetti/")) == ["Sportello donna", "Rete dei centri"]
