import pytest
from wagtail.models import Locale

from sites.models import PortalSettings
from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory

pytestmark = pytest.mark.django_db


def _translate(page, code, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def test_translated_directory_lists_translations_and_untranslated_entries_once(client, siena, siena_associations):
    settings = PortalSettings.for_site(siena)
    settings.languages.set(Locale.objects.filter(language_code__in=["en"]))
    settings.save()
    category = DirectoryCategoryFactory(kind="association", name="Lavoro", slug="lavoro")
    translated = DirectoryEntryPageFactory(
        parent=siena_associations, title="Donne al lavoro", categories=[category], latitude="43.1", longitude="11.1"
    )
    DirectoryEntryPageFactory(
        parent=siena_associations, title="Solo in italiano", latitude="43.200000", longitude="11.200000"
    )
    english_index = _translate(siena_associations, "en", title="Associations")
    _translate(translated, "en", title="Women at work")
    DirectoryCategoryFactory(
        kind="association",
        name="Work",
        slug="lavoro",
        locale=Locale.objects.get(language_code="en"),
        translation_key=category.translation_key,
    )

    response = client.get("/en/associazioni/", HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    assert [entry.title for entry in response.context["entries"]] == ["Solo in italiano", "Women at work"]
    assert {point["url"] for point in response.context["map_points"]} == {
        "/en/associazioni/donne-al-lavoro/",
        "/it/associazioni/solo-in-italiano/",
    }
    html = response.content.decode()
    assert '<option value="lavoro">Work</option>' in html
    assert [
        e.title
        for e in client.get("/en/associazioni/", {"categoria": "lavoro"}, HTTP_HOST="siena.localhost").context[
            "entries"
        ]
    ] == ["Women at work"]
    assert english_index.source_directory().pk == siena_associations.pk
    # The Italian directory is unchanged.
    italian = client.get("/it/associazioni/", HTTP_HOST="siena.localhost")
    assert [entry.title for entry in italian.context["entries"]] == ["Donne al lavoro", "Solo in italiano"]
