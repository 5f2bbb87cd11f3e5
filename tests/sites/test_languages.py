"""Each portal is served in the languages it offers, with a switcher that never links to a 404."""

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from sites.models import PortalSettings

pytestmark = pytest.mark.django_db


def offer(site, *codes):
    settings = PortalSettings.for_site(site)
    settings.languages.set(Locale.objects.filter(language_code__in=codes))
    settings.save()  # clears the cached language sets


def translate(page, code):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    translation.title = f"{page.title} [{code}]"
    translation.save_revision().publish()
    return translation


def section(site, slug):
    return Page.objects.child_of(site.root_page).get(slug=slug)


def test_a_language_the_portal_does_not_offer_is_a_404(client, siena):
    offer(siena, "en", "fr", "ar")
    translate(siena.root_page, "es")
    assert client.get("/es/", HTTP_HOST="siena.localhost").status_code == 404
    assert client.get("/es/progetti/", HTTP_HOST="siena.localhost").status_code == 404


def test_an_offered_language_serves_the_translated_home(client, siena):
    offer(siena, "en")
    translate(siena.root_page, "en")
    response = client.get("/en/", HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Pari Opportunità Siena [en]" in html


def test_bare_root_follows_accept_language_among_the_portal_languages(siena):
    offer(siena, "fr", "ar")
    client = Client()
    assert client.get("/", HTTP_HOST="siena.localhost", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_HOST="siena.localhost", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/ar/"
    # Spanish is not offered by Siena: Italian.
    assert client.get("/", HTTP_HOST="siena.localhost", HTTP_ACCEPT_LANGUAGE="es-ES,de;q=0.5")["Location"] == "/it/"
    # Lucca offers only Italian.
    assert client.get("/", HTTP_HOST="lucca.localhost", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/it/"


def _translated_home(client, site, code):
    """Offer ``code`` on ``site``, publish its home page in it and return that page's HTML."""
    offer(site, code)
    translate(site.root_page, code)
    return client.get(f"/{code}/", HTTP_HOST=site.hostname).content.decode()


def test_arabic_pages_are_right_to_left_with_the_rtl_stylesheet(client, siena):
    html = _translated_home(client, siena, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "bootstrap-italia.rtl.min.css" in html
    assert "bootstrap-italia.zh-hans.min.css" not in html


def _switcher(html):
    return html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]


def test_switcher_links_to_live_translations_else_to_the_language_home(client, siena):
    offer(siena, "en", "fr", "ar")
    translate(siena.root_page, "en")
    translate(siena.root_page, "fr")
    about = section(siena, "chi-siamo")
    translate(about, "en")
    draft = about.copy_for_translation(Locale.objects.get(language_code="fr"))  # a draft: not linked
    assert not draft.live

    html = client.get("/it/chi-siamo/", HTTP_HOST="siena.localhost").content.decode()
    switcher = _switcher(html)
    assert 'href="/en/chi-siamo/" lang="en" hreflang="en"' in switcher
    assert 'href="/fr/" lang="fr" hreflang="fr"' in switcher  # French "Chi siamo" is only a draft
    assert 'lang="ar"' not in switcher  # no Arabic home yet: no link at all
    assert 'href="/it/chi-siamo/" lang="it" hreflang="it" aria-current="true"' in switcher
    for href in ("/en/chi-siamo/", "/fr/", "/it/chi-siamo/"):
        assert client.get(href, HTTP_HOST="siena.localhost").status_code == 200


def test_hreflang_alternates_list_live_translations_and_x_default(client, siena):
    html = _translated_home(client, siena, "en")
    assert '<link rel="alternate" hreflang="en" href="http://siena.localhost:8000/en/">' in html
    assert '<link rel="alternate" hreflang="it" href="http://siena.localhost:8000/it/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://siena.localhost:8000/it/">' in html


def test_sitemap_lists_every_live_translation_of_the_portal_only(client, siena):
    offer(siena, "en")
    translate(siena.root_page, "en")
    translate(section(siena, "chi-siamo"), "en")
    xml = client.get("/sitemap.xml", HTTP_HOST="siena.localhost").content.decode()
    assert "<loc>http://siena.localhost:8000/en/chi-siamo/</loc>" in xml
    assert "<loc>http://siena.localhost:8000/it/chi-siamo/</loc>" in xml
    assert 'hreflang="en" href="http://siena.localhost:8000/en/chi-siamo/"' in xml
    assert "lucca.localhost" not in xml


def test_translated_portal_root_gets_the_portal_staff_permissions(client, siena, lucca, user_in):
    english_home = translate(siena.root_page, "en")
    translator = user_in("siena", "translators")
    client.force_login(translator)
    assert client.get(f"/admin/pages/{english_home.pk}/edit/").status_code == 200
    lucca_about = section(lucca, "chi-siamo")
    response = client.get(f"/admin/pages/{lucca_about.pk}/edit/")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"


def test_footer_and_helpline_names_follow_the_language(client, siena):
    offer(siena, "ar")
    translate(siena.root_page, "ar")
    settings = PortalSettings.for_site(siena)
    settings.footer_text = "Il centro pari opportunità della provincia."
    settings.show_help_strip = True
    settings.emergency_helplines = [
        ("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True}),
        ("helpline", {"name": "Numero Verde Antitratta", "number": "800 290 290", "free_of_charge": True}),
    ]
    settings.translations = [
        (
            "language",
            {
                "language": "ar",
                "footer_text": "مركز تكافؤ الفرص في المقاطعة.",
                "helpline_names": ["1522 – مكافحة العنف"],
            },
        )
    ]
    settings.save()

    arabic = client.get("/ar/", HTTP_HOST="siena.localhost").content.decode()
    assert '1522 – مكافحة العنف: <span dir="ltr">1522</span>' in arabic
    assert 'Numero Verde Antitratta: <span dir="ltr">800 290 290</span>' in arabic  # not translated: Italian
    assert "مركز تكافؤ الفرص في المقاطعة." in arabic
    italian = client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    assert "1522 – antiviolenza e stalking" in italian and "Il centro pari opportunità della provincia." in italian


def test_changing_only_the_languages_takes_effect_at_once(client, siena):
    translate(siena.root_page, "fr")
    assert client.get("/fr/", HTTP_HOST="siena.localhost").status_code == 404  # caches Siena's languages
    # The admin form saves the settings row first and the languages after it.
    PortalSettings.for_site(siena).languages.add(Locale.objects.get(language_code="fr"))
    assert client.get("/fr/", HTTP_HOST="siena.localhost").status_code == 200
