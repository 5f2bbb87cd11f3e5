import pytest
from wagtail.models import Locale

from directory.models import DirectoryEntryPage
from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory, DirectoryOpeningHoursFactory

pytestmark = pytest.mark.django_db


def test_portal_editor_can_open_the_add_and_edit_forms(client, user_in, siena_services):
    DirectoryCategoryFactory(kind="service", name="Ascolto e aiuto")
    DirectoryCategoryFactory(kind="association", name="Teatro e cultura")
    entry = DirectoryEntryPageFactory(parent=siena_services, languages=["it"])
    client.force_login(user_in("siena", "editors"))

    add = client.get(f"/admin/pages/add/directory/directoryentrypage/{siena_services.pk}/", HTTP_HOST="siena.localhost")
    assert add.status_code == 200
    html = add.content.decode()
    assert "Ascolto e aiuto" in html and "Teatro e cultura" not in html
    assert 'name="languages"' in html and 'name="contact_name"' in html

    edit = client.get(f"/admin/pages/{entry.pk}/edit/", HTTP_HOST="siena.localhost")
    assert edit.status_code == 200


def test_lucca_editor_cannot_edit_a_siena_entry(client, user_in, siena_services):
    entry = DirectoryEntryPageFactory(parent=siena_services)
    client.force_login(user_in("lucca", "editors"))
    response = client.get(f"/admin/pages/{entry.pk}/edit/", HTTP_HOST="lucca.localhost")
    assert response.status_code in (302, 403)


def test_translation_copies_synchronised_fields_and_opening_hours(siena_services):
    entry = DirectoryEntryPageFactory(parent=siena_services, languages=["it", "ar"], fiscal_code="12345678903")
    DirectoryOpeningHoursFactory(entry=entry)
    english = entry.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english = DirectoryEntryPage.objects.get(pk=english.pk)
    assert english.languages == ["it", "ar"]
    assert english.fiscal_code == "12345678903"
    assert english.opening_hours.count() == 1
    assert english.get_parent().specific.kind == "service"
