"""Images that do not fully decode are refused with a field error, on the public form and in the admin."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Collection

from forms.models import ListingRegistration
from forms.uploads import NOT_AN_IMAGE
from tests.forms.conftest import registration_data

from .conftest import BAD_IMAGES, no_new_rows

pytestmark = pytest.mark.django_db
Image = get_image_model()


@pytest.mark.parametrize("kind", BAD_IMAGES)
def test_the_public_form_refuses_a_broken_logo_and_stores_nothing(client, lucca_registration, kind):
    data = registration_data(logo=BAD_IMAGES[kind](), logo_alt="Il logo")
    with no_new_rows(ListingRegistration, Image):
        response = client.post(lucca_registration.url, data, HTTP_HOST="lucca.localhost")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["logo"], errors
    # The page keeps what was typed.
    assert 'value="Donne in Cammino"' in response.content.decode()


def test_the_error_is_in_the_page_language(client, arabic_registration):
    data = registration_data(logo=BAD_IMAGES["truncated JPEG"](), logo_alt="الشعار")
    with no_new_rows(ListingRegistration, Image):
        response = client.post(arabic_registration.url, data, HTTP_HOST="lucca.localhost")
    assert response.status_code == 200
    with translation.override("ar"):
        arabic = str(NOT_AN_IMAGE)
    with translation.override("it"):
        assert arabic != str(NOT_AN_IMAGE)  # the catalogue has it
    assert response.context["form"].errors["logo"] == [arabic]


@pytest.fixture
def lucca_staff(client, lucca, user_in):
    client.force_login(user_in("lucca", "editors"))
    return Collection.objects.get(name=lucca.site_name)


@pytest.mark.parametrize("kind", BAD_IMAGES)
def test_the_admin_refuses_a_broken_image_with_a_message(client, lucca_staff, kind):
    with no_new_rows(Image):
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "Locandina", "collection": lucca_staff.pk, "file": BAD_IMAGES[kind]()},
        )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors


@pytest.mark.parametrize("kind", BAD_IMAGES)
def test_the_admin_multiple_upload_refuses_a_broken_image(client, lucca_staff, kind):
    with no_new_rows(Image):
        response = client.post(
            reverse("wagtailimages:add_multiple"), {"collection": lucca_staff.pk, "files[]": BAD_IMAGES[kind]()}
        )
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["success"] is False and body["error_message"]
