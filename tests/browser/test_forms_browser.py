import pytest
from wagtail.models import Page, Site

from directory.models import DirectoryEntryPage
from forms.models import ListingRegistration
from tests.browser.conftest import assert_no_axe_violations, portal_url

pytestmark = pytest.mark.browser


@pytest.fixture
def lucca_registration(world):
    lucca = Site.objects.get(hostname="lucca.localhost")
    children = Page.objects.child_of(lucca.root_page)
    page = children.get(slug="iscrivi-la-tua-organizzazione").specific
    page.target_index = children.get(slug="associazioni")
    page.save_revision().publish()
    return page


def test_registering_an_association_in_the_browser(world, page, lucca_registration):
    page.goto(portal_url(world, "lucca.localhost", "/it/iscrivi-la-tua-organizzazione/"))
    assert_no_axe_violations(page)

    # Sending it empty: the errors are announced and tied to their fields.
    page.get_by_role("button", name="Invia la scheda").click()
    assert page.locator("#form-errors").is_visible()
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)

    page.get_by_label("Nome dell'organizzazione").fill("Filo d'Argento")
    page.get_by_label("Descrizione breve").fill("Volontarie che accompagnano le donne anziane sole.")
    page.get_by_label("Comune").fill("Capannori")
    page.get_by_label("Provincia", exact=False).first.fill("LU")
    page.get_by_label("Nome della persona di riferimento").fill("Anna Neri")
    page.get_by_label("Email della persona di riferimento").fill("anna.neri@example.org")
    page.locator("label[for=id_languages_0]").click()
    # The consent label holds the privacy link: tick the box itself (Bootstrap Italia draws it over the input).
    page.locator("#id_privacy_consent").check(force=True)
    page.get_by_role("button", name="Invia la scheda").click()

    page.wait_for_url("**/iscrivi-la-tua-organizzazione/grazie/")
    assert page.locator("h1").inner_text() == "Grazie, abbiamo ricevuto la scheda"
    entry = DirectoryEntryPage.objects.get(title="Filo d'Argento")
    assert not entry.live and entry.languages == ["it"]
    assert ListingRegistration.objects.get(entry=entry).submitter_email == "anna.neri@example.org"


def test_contact_form_accessibility(world, page):
    page.goto(portal_url(world, "siena.localhost", "/it/contatti/"))
    assert page.locator("form input[name=email]").count() == 1
    assert_no_axe_violations(page)
