"""Translators, choosers, reports and the dashboard keep Siena's staff inside Siena."""

import pytest
from django.test import Client
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from sites.models import PortalSettings

from .portal_b import MARK, WORD, build_portal_objects

pytestmark = pytest.mark.django_db


@pytest.fixture
def lucca_objects(lucca):
    return build_portal_objects(lucca)


@pytest.fixture
def login(user_in):
    def make(portal_key, role):
        client = Client()
        client.force_login(user_in(portal_key, role))
        return client

    return make


def _section(site, slug):
    return Page.objects.child_of(site.root_page).get(slug=slug)


def _offer(site, code):
    settings = PortalSettings.for_site(site)
    settings.languages.add(Locale.objects.get(language_code=code))


def _text(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return str(response.json()).lower()  # the choosers answer JSON: no escaped accents
    return response.content.decode().lower()


def _denied(response):
    # Wagtail's admin sends a refusal back to the dashboard with a message (a 403 to XHR requests).
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


# --- translators ---------------------------------------------------------------------------


def test_a_translator_cannot_submit_another_portals_page(login, lucca, lucca_objects):
    _offer(lucca, "fr")
    client = login("siena", "translators")
    page = _section(lucca, "chi-siamo")
    french = Locale.objects.get(language_code="fr")
    url = f"/admin/localize/submit/page/{page.pk}/"
    sources, translations = TranslationSource.objects.count(), Translation.objects.count()

    assert _denied(client.get(url))
    response = client.post(url, {"locales": [french.pk], "include_subtree": "on"})
    assert _denied(response)
    # The whole subtree of Lucca's home cannot be sent either.
    assert _denied(client.post(f"/admin/localize/submit/page/{lucca.root_page_id}/", {"locales": [french.pk]}))
    assert (TranslationSource.objects.count(), Translation.objects.count()) == (sources, translations)
    assert not Page.objects.filter(locale=french).exists()
    # Nor can a Lucca draft's title be read on the form.
    assert MARK not in _text(client.get(f"/admin/localize/submit/page/{lucca_objects.draft.pk}/"))


def test_a_translator_cannot_sync_or_edit_another_portals_translations(login, lucca_objects):
    client = login("siena", "translators")
    source = lucca_objects.translation.source
    before = source.last_updated_at
    assert _denied(client.get(f"/admin/localize/update/{source.pk}/"))
    assert _denied(client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}))
    source.refresh_from_db()
    assert source.last_updated_at == before
    translation = lucca_objects.translation
    assert _denied(client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/"))
    assert _denied(client.post(f"/admin/localize/translate/{translation.pk}/disable/"))
    translation.refresh_from_db()
    assert translation.enabled


def test_a_translator_translates_their_portal_into_its_languages_only(login, siena):
    _offer(siena, "en")
    client = login("siena", "translators")
    home = siena.root_page
    english, spanish = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="es")
    url = f"/admin/localize/submit/page/{home.pk}/"

    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].fields["locales"].queryset.filter(pk=spanish.pk).count() == 0

    # Spanish is not a language of Siena: refused, nothing created.
    assert client.post(url, {"locales": [spanish.pk]}).status_code == 200
    assert not Page.objects.filter(depth=2, translation_key=home.translation_key, locale=spanish).exists()

    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    assert Page.objects.filter(depth=2, translation_key=home.translation_key, locale=english).exists()


# --- choosers and the admin API --------------------------------------------------------------


@pytest.mark.parametrize("role", ["editors", "moderators", "translators"])
def test_the_page_chooser_shows_only_the_users_portal(login, siena, lucca, lucca_objects, role):
    client = login("siena", role)
    root = _text(client.get("/admin/choose-page/"))
    assert "pari opportunità siena" in root and "pari opportunità lucca" not in root
    assert _denied(client.get(f"/admin/choose-page/{lucca.root_page_id}/"))
    for query in (WORD, "Donne", "Lucca"):
        results = _text(client.get("/admin/choose-page/search/", {"q": query}))
        assert MARK not in results and "pari opportunità lucca" not in results
    ids = "&".join(f"id={page.pk}" for page in lucca_objects.pages)
    assert _denied(client.get(f"/admin/choose-page/chosen-multiple/?{ids}"))


def test_image_and_document_choosers_and_api_show_only_the_users_portal(login, lucca_objects):
    client = login("siena", "editors")
    for url in (
        "/admin/images/chooser/",
        "/admin/images/chooser/results/",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/",
        "/admin/api/main/images/",
        "/admin/api/main/documents/",
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/?child_of={lucca_objects.draft.get_parent().pk}",
    ):
        response = client.get(url)
        assert MARK not in _text(response), url
    assert _denied(client.get(f"/admin/images/chooser/chosen/{lucca_objects.logo.pk}/"))
    assert _denied(client.get(f"/admin/documents/chooser/chosen/{lucca_objects.document.pk}/"))
    for url in (f"/admin/api/main/images/{lucca_objects.logo.pk}/", f"/admin/api/main/pages/{lucca_objects.draft.pk}/"):
        response = client.get(url, follow=True)
        assert response.status_code == 404 and MARK not in _text(response)

    # Lucca's own staff still find their files.
    lucca_client = login("lucca", "editors")
    assert MARK in _text(lucca_client.get("/admin/images/chooser/results/"))
    assert MARK in _text(lucca_client.get("/admin/api/main/documents/"))


# --- reports and dashboard -----------------------------------------------------------------


def test_reports_show_only_the_users_portal(login, lucca, lucca_objects):
    client = login("siena", "moderators")
    lucca_root = Page.objects.get(pk=lucca.root_page_id)
    report = client.get("/admin/reports/page-types-usage/", {"site": lucca_root.path})
    assert report.status_code == 200 and MARK not in _text(report)
    assert "pari opportunità lucca" not in _text(client.get("/admin/reports/page-types-usage/"))
    assert MARK not in _text(client.get("/admin/localize/reports/translations/"))
    assert MARK not in _text(client.get("/admin/localize/reports/translations/results/"))

    lucca_client = login("lucca", "moderators")
    assert MARK in _text(lucca_client.get("/admin/localize/reports/translations/"))


def test_the_dashboard_counts_only_the_users_portal(login, siena, lucca_objects):
    client = login("siena", "editors")
    response = client.get("/admin/")
    siena_pages = Page.objects.filter(path__startswith=Page.objects.get(pk=siena.root_page_id).path).count()
    assert Page.objects.count() - 1 > siena_pages
    items = response.context["site_summary"].summary_items
    pages_item = next(item for item in items if isinstance(item, PagesSummaryItem))
    assert pages_item.get_context_data({})["total_pages"] == siena_pages
    assert MARK not in _text(response)
