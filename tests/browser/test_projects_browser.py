import pytest
from wagtail.models import Locale

from projects.models import ProjectIndexPage, ProjectPartner
from tests.browser.conftest import assert_no_axe_violations, portal_url
from tests.factories import ProjectMunicipalityFactory, ProjectPageFactory, SectorFactory

pytestmark = pytest.mark.browser


def _siena_index():
    return ProjectIndexPage.objects.get(url_path="/siena/progetti/", locale=Locale.get_default())


def test_filtering_the_index_through_the_form_then_reading_a_project(world, page):
    index = _siena_index()
    violence = SectorFactory(name="Contrasto alla violenza", slug="contrasto-alla-violenza")
    work = SectorFactory(name="Lavoro e orientamento", slug="lavoro-e-orientamento")
    centre = ProjectPageFactory(
        parent=index,
        title="Centro antiviolenza della Val d'Elsa",
        slug="centro-antiviolenza",
        start_year=1998,
        ongoing=True,
        scope="provincial",
        beneficiaries=[("beneficiary", {"count": 120, "description": "120 donne accolte ogni anno"})],
        objectives=[("objective", "Ascolto e accompagnamento delle donne che subiscono violenza")],
    )
    centre.sectors.set([violence])
    centre.save()
    ProjectMunicipalityFactory(project=centre, name="Poggibonsi")
    ProjectPartner.objects.create(project=centre, name="Comune di Poggibonsi", role="lead")
    other = ProjectPageFactory(parent=index, title="Sportello lavoro", start_year=2019, end_year=2020)
    other.sectors.set([work])
    other.save()

    page.goto(portal_url(world, "siena.localhost", "/it/progetti/"))
    assert page.locator(".project-card").count() == 2
    assert_no_axe_violations(page)

    page.get_by_label("Settore").select_option("contrasto-alla-violenza")
    page.get_by_label("Stato").select_option("active")
    page.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_url("**/it/progetti/?*")
    assert "sector=contrasto-alla-violenza" in page.url and "status=active" in page.url
    assert page.locator(".project-card").count() == 1
    assert page.get_by_label("Settore").input_value() == "contrasto-alla-violenza"

    page.get_by_label("Stato").select_option("completed")
    page.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_url("**status=completed*")
    assert page.locator(".project-card").count() == 0
    assert page.get_by_text("Nessun progetto corrisponde ai filtri scelti.").is_visible()
    page.locator(".project-empty").get_by_role("link", name="Azzera i filtri").click()
    page.wait_for_url("**/it/progetti/")
    assert page.locator(".project-card").count() == 2

    page.get_by_role("link", name="Centro antiviolenza della Val d'Elsa").click()
    page.wait_for_url("**/it/progetti/centro-antiviolenza/")
    facts = page.locator(".project-facts")
    assert "dal 1998, tuttora in corso" in facts.inner_text()
    assert "Comune di Poggibonsi" in facts.inner_text()
    assert page.locator("h1").inner_text() == "Centro antiviolenza della Val d'Elsa"
    assert_no_axe_violations(page)
