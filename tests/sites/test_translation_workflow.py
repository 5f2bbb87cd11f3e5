"""Staff translate pages with wagtail-localize: create, change the source, sync."""

import pytest
from wagtail.models import Locale, Page

from sites.translation import source_strings, translate

pytestmark = pytest.mark.django_db


def test_translate_change_source_and_sync(client, siena, django_capture_on_commit_callbacks):
    about = Page.objects.child_of(siena.root_page).get(slug="chi-siamo").specific
    about.intro = "Il centro offre ascolto gratuito."
    about.save_revision().publish()

    assert "Il centro offre ascolto gratuito." in source_strings(about)
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        french_home = translate(
            siena.root_page.specific, "fr", {"Pari Opportunità Siena": "Égalité des chances Sienne"}
        )
        french = translate(
            about,
            "fr",
            {
                "Chi siamo": "Qui sommes-nous",
                "Il centro offre ascolto gratuito.": "Le centre offre une écoute gratuite.",
            },
        )
    french.refresh_from_db()
    french_home.refresh_from_db()
    assert french.locale.language_code == "fr" and french.live
    assert french_home.title == "Égalité des chances Sienne"

    # The source changes: the translation keeps its old text until it is synced and the new string translated.
    about.intro = "Il centro offre ascolto e orientamento gratuiti."
    about.save_revision().publish()
    french.refresh_from_db()
    assert french.intro == "Le centre offre une écoute gratuite."
    with django_capture_on_commit_callbacks(execute=True):
        translate(
            about,
            "fr",
            {"Il centro offre ascolto e orientamento gratuiti.": "Le centre offre écoute et orientation gratuites."},
        )
    french.refresh_from_db()
    assert french.intro == "Le centre offre écoute et orientation gratuites."
    assert french.title == "Qui sommes-nous"

    from sites.models import PortalSettings

    settings = PortalSettings.for_site(siena)
    settings.languages.set(Locale.objects.filter(language_code="fr"))
    settings.save()
    html = client.get(french.url, HTTP_HOST="siena.localhost").content.decode()
    assert "Le centre offre écoute et orientation gratuites." in html and '<html lang="fr" dir="ltr">' in html


def test_po_round_trip_for_an_external_translator(siena, django_capture_on_commit_callbacks):
    """Download the strings as PO, translate them outside, upload: the page is translated."""
    import polib
    from wagtail_localize.models import Translation, TranslationSource

    about = Page.objects.child_of(siena.root_page).get(slug="chi-siamo").specific
    source, _ = TranslationSource.get_or_create_from_instance(about)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="ar"))
    po = translation.export_po()
    for entry in po:
        if entry.msgid == "Chi siamo":
            entry.msgstr = "من نحن"
    translation.import_po(polib.pofile(str(po)))
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert about.get_translation(Locale.objects.get(language_code="ar")).title == "من نحن"
