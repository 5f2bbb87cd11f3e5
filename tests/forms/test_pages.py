"""Where the form page types live, and a registration page only ever feeds its own portal's directory."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from directory.models import DirectoryIndexPage
from forms.models import FormPage, ListingRegistrationPage
from home.models import HomePage

from .conftest import section

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_registration_pages_sit_under_a_portal_home(self):
        self.assertCanCreateAt(HomePage, ListingRegistrationPage)
        self.assertCanNotCreateAt(DirectoryIndexPage, ListingRegistrationPage)
        self.assertAllowedSubpageTypes(ListingRegistrationPage, {})
        self.assertAllowedSubpageTypes(FormPage, {})


def test_the_target_must_be_a_directory_of_the_same_portal(lucca, siena):
    page = section(lucca, "iscrivi-la-tua-organizzazione")
    page.target_index = section(siena, "associazioni")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "stesso portale" in str(error.value)
    page.target_index = section(lucca, "chi-siamo")
    with pytest.raises(ValidationError):
        page.full_clean()
    page.target_index = section(lucca, "imprese-femminili")
    page.full_clean()


def test_a_target_in_another_portal_keeps_the_form_closed(client, lucca, siena):
    page = section(lucca, "iscrivi-la-tua-organizzazione")
    page.target_index = section(siena, "associazioni")
    page.save(clean=False)  # as if it slipped past validation
    assert page.get_target_index() is None
    response = client.get(page.url, HTTP_HOST="lucca.localhost")
    assert "Le iscrizioni non sono ancora aperte" in response.content.decode()


def test_an_unpublished_directory_keeps_the_form_closed(lucca):
    page = section(lucca, "iscrivi-la-tua-organizzazione")
    index = section(lucca, "associazioni")
    page.target_index = index
    page.save()
    assert page.get_target_index() == index
    index.unpublish()
    assert page.get_target_index() is None


def test_a_translated_registration_page_feeds_the_translated_directory(lucca):
    """The target is synchronised across languages: the English page validates and serves the English directory."""
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    page = section(lucca, "iscrivi-la-tua-organizzazione")
    page.target_index = section(lucca, "associazioni")
    page.save_revision().publish()
    index_en = section(lucca, "associazioni").copy_for_translation(english, copy_parents=True)
    index_en.save_revision().publish()
    page_en = page.copy_for_translation(english).specific
    page_en.full_clean()  # another tree root, same portal: valid
    page_en.save_revision().publish()
    assert page_en.get_target_index() == index_en
