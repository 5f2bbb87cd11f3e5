import pytest
from wagtail.models import Locale, Site

from sites.models import PortalSettings
from tests.browser.conftest import assert_no_axe_violations, portal_url

pytestmark = pytest.mark.browser


def _arabic_siena():
    site = Site.objects.get(hostname="siena.localhost")
    settings = PortalSettings.for_site(site)
    settings.languages.set(Locale.objects.filter(language_code__in=["ar", "fr"]))
    settings.save()
    for code, title in (("ar", "تكافؤ الفرص سيينا"), ("fr", "Égalité des chances Sienne")):
        locale = Locale.objects.get(language_code=code)
        if not site.root_page.has_translation(locale):
            home = site.root_page.specific.copy_for_translation(locale, copy_parents=True)
            home.title = title
            home.save_revision().publish()
            for section in site.root_page.get_children().live().specific():
                copy = section.copy_for_translation(locale)
                copy.save_revision().publish()


def test_arabic_page_is_mirrored_and_accessible(world, page):
    _arabic_siena()
    page.goto(portal_url(world, "siena.localhost", "/ar/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"

    # The header mirrors: the menu starts on the right and runs leftwards.
    items = page.locator("#nav-main .navbar-nav .nav-link")
    first, last = items.first.bounding_box(), items.last.bounding_box()
    assert first["x"] > last["x"]
    brand = page.locator("header .it-brand-wrapper").bounding_box()
    assert brand["x"] > page.viewport_size["width"] / 2

    assert_no_axe_violations(page)

    # Switch to French and back without dead links.
    page.locator(".language-switcher a[hreflang=fr]").click()
    page.wait_for_url("**/fr/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.locator(".language-switcher a[hreflang=ar]").click()
    page.wait_for_url("**/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
