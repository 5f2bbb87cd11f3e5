import pytest

from tests.browser.conftest import assert_no_axe_violations, portal_url

pytestmark = pytest.mark.browser


def test_portal_home_header_skip_link_and_accessibility(world, page):
    page.goto(portal_url(world, "siena.localhost", "/it/"))

    # The Bootstrap Italia header carries the portal's own name.
    brand = page.locator("header.it-header-wrapper .it-brand-title")
    assert brand.inner_text() == "Pari Opportunità Siena"
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("nav[aria-label] .navbar-nav .nav-link", has_text="Progetti").count() == 1

    # The skip link is the first thing the keyboard reaches and moves focus to the content.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Vai al contenuto principale"
    assert page.locator(".skiplinks a").first.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    assert page.url.endswith("#main-content")

    assert_no_axe_violations(page)


def test_mobile_menu_opens_with_the_burger_button(world, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal_url(world, "lucca.localhost", "/it/"))
    menu_link = page.locator("#nav-main .nav-link", has_text="Associazioni")
    assert not menu_link.is_visible()
    page.locator("button.custom-navbar-toggler").click()
    menu_link.wait_for(state="visible")
    assert menu_link.is_visible()


def test_standard_page_from_the_footer_is_accessible(world, page):
    page.goto(portal_url(world, "siena.localhost", "/it/"))
    page.locator("#footer a", has_text="Dichiarazione di accessibilità").click()
    page.wait_for_url("**/it/dichiarazione-di-accessibilita/")
    assert page.locator("h1").inner_text() == "Dichiarazione di accessibilità"
    assert page.locator(".breadcrumb-item a", has_text="Pari Opportunità Siena").count() == 1
    assert_no_axe_violations(page)
