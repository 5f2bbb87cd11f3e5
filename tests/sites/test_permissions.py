"""Staff of one portal never see or touch another portal's pages, media or settings."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page

pytestmark = pytest.mark.django_db

ROLES = ["editors", "moderators"]


def _section(site, slug):
    return Page.objects.child_of(site.root_page).get(slug=slug)


def _denied(response):
    # Wagtail answers a permission failure with a redirect to the dashboard (and a message) or a 403.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
    )


@pytest.fixture
def staff_client(client, user_in):
    def make(portal_key, role):
        client.force_login(user_in(portal_key, role))
        return client

    return make


@pytest.mark.parametrize("role", ROLES)
def test_staff_can_edit_their_own_portal_pages(staff_client, siena, role):
    client = staff_client("siena", role)
    page = _section(siena, "chi-siamo")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{siena.root_page_id}/").status_code == 200
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Chi siamo davvero",
            "slug": "chi-siamo",
            "intro": "",
            "body-count": "0",
            "featured_sections-TOTAL_FORMS": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Page.objects.get(pk=page.pk).title == "Chi siamo davvero"


@pytest.mark.parametrize("role", ROLES)
def test_staff_are_denied_another_portals_pages(staff_client, lucca, role):
    client = staff_client("siena", role)
    page = _section(lucca, "chi-siamo")
    assert _denied(client.get(f"/admin/pages/{page.pk}/edit/"))
    assert _denied(client.get(f"/admin/pages/{page.pk}/delete/"))
    # The explorer does not list Lucca: it sends the user back to their own portal's tree.
    explorer = client.get(f"/admin/pages/{lucca.root_page_id}/")
    siena_root = Page.objects.get(depth=2, slug="siena").pk
    assert explorer.status_code == 302 and explorer["Location"] == f"/admin/pages/{siena_root}/"
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Preso", "slug": "chi-siamo", "body-count": "0", "action-publish": "publish"},
    )
    assert _denied(response)
    assert _denied(client.post(f"/admin/pages/{page.pk}/delete/"))
    page.refresh_from_db()
    assert page.title == "Chi siamo" and page.live


@pytest.mark.parametrize("role", ROLES)
def test_explorer_never_lists_another_portals_pages(staff_client, siena, lucca, role):
    client = staff_client("siena", role)
    html = client.get(f"/admin/pages/{siena.root_page_id}/").content.decode()
    assert "Progetti" in html
    search = client.get("/admin/pages/search/", {"q": "Lucca"}).content.decode()
    assert "Pari Opportunità Lucca" not in search


@pytest.mark.parametrize("role", ROLES)
def test_staff_are_denied_another_portals_collection(staff_client, role):
    client = staff_client("siena", role)
    lucca_collection = Collection.objects.get(name="Pari Opportunità Lucca")
    siena_collection = Collection.objects.get(name="Pari Opportunità Siena")
    lucca_image = Image.objects.create(title="Locandina Lucca", file=get_test_image_file(), collection=lucca_collection)
    siena_image = Image.objects.create(title="Locandina Siena", file=get_test_image_file(), collection=siena_collection)

    assert client.get(f"/admin/images/{siena_image.pk}/").status_code == 200
    assert _denied(client.get(f"/admin/images/{lucca_image.pk}/"))
    listing = client.get("/admin/images/").content.decode()
    assert "Locandina Siena" in listing and "Locandina Lucca" not in listing

    # Uploading into Lucca's collection is refused; nothing is stored.
    upload = SimpleUploadedFile("a.png", get_test_image_file().file.getvalue(), content_type="image/png")
    client.post("/admin/images/add/", {"title": "Intrusa", "file": upload, "collection": lucca_collection.pk})
    assert not Image.objects.filter(title="Intrusa", collection=lucca_collection).exists()


@pytest.mark.parametrize("role", ROLES)
def test_staff_edit_only_their_own_portal_settings(staff_client, siena, lucca, role):
    client = staff_client("siena", role)
    assert client.get(f"/admin/settings/sites/portalsettings/{siena.pk}/").status_code == 200
    assert _denied(client.get(f"/admin/settings/sites/portalsettings/{lucca.pk}/"))
    client.post(f"/admin/settings/sites/portalsettings/{lucca.pk}/", {"portal_name": "Presa"})
    from sites.models import PortalSettings

    assert PortalSettings.for_site(lucca).portal_name == "Pari Opportunità Lucca"
