import datetime

import pytest
from wagtail.models import Site

from directory.models import DirectoryIndexPage
from tests.browser.conftest import assert_no_axe_violations, portal_url
from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory, DirectoryOpeningHoursFactory

pytestmark = pytest.mark.browser


def _directory_with_entries():
    siena = Site.objects.get(hostname="siena.localhost")
    index = DirectoryIndexPage.objects.child_of(siena.root_page).get(slug="centri-e-servizi")
    category = DirectoryCategoryFactory(kind="service", name="Orientamento al lavoro", slug="orientamento")
    for number, (title, municipality) in enumerate(
        [("Centro Val d'Elsa", "Poggibonsi"), ("Centro Amiata", "Abbadia San Salvatore"), ("Sportello Siena", "Siena")]
    ):
        entry = DirectoryEntryPageFactory(
            parent=index,
            title=title,
            municipality=municipality,
            categories=[category],
            languages=["it", "en"],
            latitude=f"43.{300000 + number * 1000}",
            longitude="11.330800",
            services="Orientamento al lavoro\nAscolto",
            contact_name="Persona Riservata",
        )
        DirectoryOpeningHoursFactory(entry=entry, weekday=number, opens=datetime.time(9), closes=datetime.time(13))
    return index


def test_directory_index_and_entry_are_accessible_and_work_without_javascript(world, page, browser):
    _directory_with_entries()
    url = portal_url(world, "siena.localhost", "/it/centri-e-servizi/")

    page.goto(url)
    cards = page.locator(".directory-cards article")
    assert cards.count() == 3
    # With JavaScript the map section appears (the tiles may not load: the list does not need them).
    page.locator("#directory-map").wait_for(state="visible")
    assert page.locator("#directory-map .leaflet-interactive").count() == 3
    assert_no_axe_violations(page)

    page.select_option("#id_comune", "Poggibonsi")
    page.get_by_role("button", name="Filtra").click()
    page.wait_for_url("**comune=Poggibonsi**")
    assert page.locator(".directory-cards article").count() == 1

    page.get_by_role("link", name="Centro Val d'Elsa").click()
    page.locator("h1", has_text="Centro Val d'Elsa").wait_for()
    assert "Persona Riservata" not in page.content()
    assert page.locator("text=Aperto ora").count() + page.locator("text=Chiuso ora").count() == 1
    assert_no_axe_violations(page)

    # Without JavaScript: the list, the filters and the letters all work; the map stays hidden.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        no_js = context.new_page()
        no_js.goto(url)
        assert no_js.locator(".directory-cards article").count() == 3
        assert not no_js.locator("#directory-map").is_visible()
        no_js.get_by_role("link", name="S", exact=True).click()
        no_js.wait_for_url("**lettera=S**")
        assert no_js.locator(".directory-cards article h3").all_inner_texts() == ["Sportello Siena"]
        no_js.fill("#id_q", "Amiata")
        no_js.get_by_role("button", name="Filtra").click()
        no_js.wait_for_url("**q=Amiata**")
        # The letter S was kept in the form: no entry matches both.
        assert no_js.locator(".directory-cards article").count() == 0
        no_js.get_by_role("link", name="Mostra tutto l'elenco").click()
        assert no_js.locator(".directory-cards article").count() == 3
    finally:
        context.close()
