"""Whatever is posted to a public form, the answer is a page with a clear message, never a 5xx."""

import pytest

from forms.models import ListingRegistration
from tests.forms.conftest import registration_data

pytestmark = pytest.mark.django_db

HOSTILE = {
    "NUL bytes": "abc\x00def",
    "a very long text": "x" * 100_000,
    "right-to-left and emoji": "\u202eمرحبا 👩‍👩‍👧",
    "markup": "<script>alert(1)</script>",
    "not a number": "NaN",
    "infinity": "inf",
    "negative": "-99999999999999999999",
}
FIELDS = (
    "name",
    "founding_year",
    "latitude",
    "postcode",
    "email",
    "website",
    "legal_form",
    "province",
    "hours-0-opens",
)


@pytest.mark.parametrize("value", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_values_in_the_registration_form(client, lucca_registration, value):
    data = registration_data(**dict.fromkeys(FIELDS, value))
    response = client.post(lucca_registration.url, data, HTTP_HOST="lucca.localhost")
    assert response.status_code in (200, 302, 400, 429)
    assert ListingRegistration.objects.count() <= 1  # at most the one valid-looking registration


def test_bytes_that_are_not_utf8(client, lucca_registration):
    from urllib.parse import urlencode

    body = urlencode(registration_data()).encode() + b"&name=%FF%FE%00&short_description=%C3%28"
    response = client.post(
        lucca_registration.url, body, content_type="application/x-www-form-urlencoded", HTTP_HOST="lucca.localhost"
    )
    assert response.status_code in (200, 302, 400, 429)


@pytest.mark.parametrize(
    "overrides",
    [
        {"hours-TOTAL_FORMS": "99999"},
        {"hours-TOTAL_FORMS": "x"},
        {"hours-TOTAL_FORMS": None, "hours-INITIAL_FORMS": None},
        {"target_groups": ["not-a-group"] * 50, "languages": ["xx"]},
        {"categories": ["999999", "abc"]},
        {"submission_token": "\x00"},
        {"privacy_consent": ["on", "off"]},
    ],
    ids=["too many hours", "bad count", "no management form", "bad choices", "bad categories", "NUL token", "two"],
)
def test_malformed_registration_posts(client, lucca_registration, overrides):
    response = client.post(lucca_registration.url, registration_data(**overrides), HTTP_HOST="lucca.localhost")
    assert response.status_code in (200, 302, 400, 429)


@pytest.mark.parametrize("value", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_values_in_the_contact_form(client, lucca, value):
    from forms.models import FormPage
    from forms.protection import new_token

    page = FormPage.objects.descendant_of(lucca.root_page).get(slug="contatti")
    data = {"nome": value, "email": value, "messaggio": value, "privacy_consent": "on", "submission_token": new_token()}
    response = client.post(page.url, data, HTTP_HOST="lucca.localhost")
    assert response.status_code in (200, 302, 400, 429)
