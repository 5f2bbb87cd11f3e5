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


def test_arabic_campaign_and_form_are_accessible_with_arabic_errors(world, page):
    from datetime import date

    from django.core.management import call_command
    from wagtail.models import Page

    from campaigns.models import CampaignIndexPage
    from tests.factories import CampaignPageFactory

    call_command("compile_translations", verbosity=0)
    lucca = Site.objects.get(hostname="lucca.localhost")
    arabic = Locale.objects.get(language_code="ar")
    settings = PortalSettings.for_site(lucca)
    settings.languages.set([arabic])
    settings.save()
    index = CampaignIndexPage.objects.child_of(lucca.root_page).get()
    campaign = CampaignPageFactory(
        parent=index,
        title="Con Anna",
        slug="con-anna",
        tagline="Da una situazione di sfruttamento si può uscire.",
        start_date=date(2006, 1, 1),
        helplines=[("helpline", {"name": "Numero Verde Antitratta", "number": "800 290 290", "free_of_charge": True})],
    )
    registration = Page.objects.child_of(lucca.root_page).get(slug="iscrivi-la-tua-organizzazione").specific
    registration.target_index = Page.objects.child_of(lucca.root_page).get(slug="associazioni")
    registration.save_revision().publish()
    home = lucca.root_page.specific.copy_for_translation(arabic)
    home.save_revision().publish()
    for section in Page.objects.child_of(lucca.root_page).live().specific():
        section.copy_for_translation(arabic).save_revision().publish()
    arabic_campaign = campaign.copy_for_translation(arabic)
    arabic_campaign.title = "مع آنا"
    arabic_campaign.tagline = "يمكن الخروج من الاستغلال."
    arabic_campaign.save_revision().publish()

    page.goto(portal_url(world, "lucca.localhost", "/ar/campagne/con-anna/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").first.inner_text() == "مع آنا"
    assert page.locator('a[href="tel:800290290"]').count() >= 1
    assert_no_axe_violations(page)

    page.goto(portal_url(world, "lucca.localhost", "/ar/iscrivi-la-tua-organizzazione/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_axe_violations(page)
    # Sending the form empty: the browser's own checks are bypassed to see the server's Arabic errors.
    page.locator("main form").last.evaluate("form => form.setAttribute('novalidate', '')")
    page.locator("main form").last.locator("button[type=submit], input[type=submit]").last.click()
    page.wait_for_load_state()
    assert "هذا الحقل مطلوب." in page.content()
    assert_no_axe_violations(page)
