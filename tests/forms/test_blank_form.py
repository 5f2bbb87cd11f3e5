"""The blank registration form is built once and filled in with each visitor's own tokens."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forms.models import ListingRegistration
from forms.protection import token_is_valid

from .conftest import registration_data

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "lucca.localhost"}
TOKENS = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def tokens(response):
    return dict(TOKENS.findall(response.content.decode()))


def without_tokens(response):
    return TOKENS.sub("", response.content.decode())


def test_each_visitor_gets_the_shared_page_with_their_own_tokens(lucca_registration):
    first, second = Client(), Client()
    built = first.get(lucca_registration.url, **HOST)
    with CaptureQueriesContext(connection) as queries:
        shared = second.get(lucca_registration.url, **HOST)
    assert built.status_code == shared.status_code == 200
    assert built.templates and not shared.templates  # rendered once, then copied
    assert len(queries) <= 3  # the page itself, found by its path
    assert without_tokens(built) == without_tokens(shared)
    assert 'name="contact_email"' in shared.content.decode()
    mine, theirs = tokens(built), tokens(shared)
    assert mine.keys() == theirs.keys() == {"csrfmiddlewaretoken", "submission_token"}
    assert mine["submission_token"] != theirs["submission_token"]
    assert mine["csrfmiddlewaretoken"] != theirs["csrfmiddlewaretoken"]
    assert token_is_valid(theirs["submission_token"])
    assert "csrftoken" in shared.cookies  # the cookie its CSRF token goes with
    assert "no-cache" in shared["Cache-Control"] and "private" in shared["Cache-Control"]


def test_a_form_from_the_shared_page_is_accepted(lucca_registration, django_capture_on_commit_callbacks):
    Client().get(lucca_registration.url, **HOST)  # someone else built it
    client = Client(enforce_csrf_checks=True)
    page = client.get(lucca_registration.url, **HOST)
    assert not page.templates
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(lucca_registration.url, registration_data(**tokens(page)), **HOST)
    assert response.status_code == 302 and response["Location"].endswith("/grazie/")
    assert ListingRegistration.objects.get().entry.title == "Donne in Cammino"


def test_staff_and_requests_with_a_query_get_their_own_page(lucca_registration, user_in):
    Client().get(lucca_registration.url, **HOST)
    assert Client().get(lucca_registration.url + "?utm_source=newsletter", **HOST).templates
    staff = Client()
    staff.force_login(user_in("lucca", "editors"))
    assert staff.get(lucca_registration.url, **HOST).templates


def test_publishing_the_page_replaces_the_shared_copy(lucca_registration):
    assert "Compila la scheda" in Client().get(lucca_registration.url, **HOST).content.decode()
    lucca_registration.intro = "Le iscrizioni sono aperte fino a marzo."
    lucca_registration.save_revision().publish()
    response = Client().get(lucca_registration.url, **HOST)
    assert response.templates and "Le iscrizioni sono aperte fino a marzo." in response.content.decode()


def test_a_closed_form_is_shared_too(client, lucca):
    from tests.pages import section

    page = section(lucca, "iscrivi-la-tua-organizzazione")
    assert "Le iscrizioni non sono ancora aperte" in client.get(page.url, **HOST).content.decode()
    response = Client().get(page.url, **HOST)
    assert not response.templates and "Le iscrizioni non sono ancora aperte" in response.content.decode()


def test_a_new_category_shows_on_the_next_visit(lucca_registration):
    from tests.factories import DirectoryCategoryFactory

    Client().get(lucca_registration.url, **HOST)
    DirectoryCategoryFactory(kind=lucca_registration.target_index.specific.kind, name="Sportello lavoro")
    response = Client().get(lucca_registration.url, **HOST)
    assert response.templates and "Sportello lavoro" in response.content.decode()
