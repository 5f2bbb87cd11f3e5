import pytest
from wagtail.models import Site

from sites.models import PortalSettings
from tests.browser.conftest import assert_no_axe_violations, portal_url
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.browser


def test_search_from_the_header_with_suggestions_results_and_accessibility(world, page):
    siena = Site.objects.get(hostname="siena.localhost")
    for place in ("Poggibonsi", "Montepulciano"):
        StandardPageFactory(
            parent=siena.root_page.specific,
            title=f"Centro antiviolenza {place}",
            intro=f"Il centro antiviolenza di {place} offre ascolto e accoglienza.",
        )
    page.goto(portal_url(world, "siena.localhost", "/it/"))

    # Typing in the header's search box suggests page titles (after a short pause).
    box = page.get_by_role("combobox", name="Cerca nel portale")
    box.press_sequentially("antiviol")
    options = page.get_by_role("option")
    options.first.wait_for(state="visible")
    assert sorted(options.all_inner_texts()) == ["Centro antiviolenza Montepulciano", "Centro antiviolenza Poggibonsi"]
    box.press("Escape")

    # Submitting the form opens the search page with results, facets and marked snippets.
    box.fill("centro antiviolenza Poggibonsi")
    box.press("Enter")
    page.wait_for_url("**/it/cerca/?q=centro+antiviolenza+Poggibonsi")
    results = page.locator(".search-result")
    assert results.count() == 1
    assert "Centro antiviolenza Poggibonsi" in results.first.inner_text()
    assert page.locator(".search-result mark").count() >= 2
    assert page.locator(".search-facets", has_text="Pagine standard").count() == 1
    assert_no_axe_violations(page)


def test_no_results_page_with_helplines_is_accessible(world, page):
    settings = PortalSettings.for_site(Site.objects.get(hostname="lucca.localhost"))
    settings.emergency_helplines = [
        ("helpline", {"name": "Numero Verde Antitratta", "number": "800 290 290", "free_of_charge": True})
    ]
    settings.save()

    page.goto(portal_url(world, "lucca.localhost", "/it/cerca/?q=parolachenonesiste&tipo=home.standardpage"))

    assert page.get_by_role("link", name="Togli il filtro per tipo e cerca in tutte le pagine").is_visible()
    assert page.get_by_role("heading", name="Hai bisogno di aiuto subito?").is_visible()
    assert page.locator('a[href="tel:800290290"]').count() >= 1
    assert_no_axe_violations(page)
