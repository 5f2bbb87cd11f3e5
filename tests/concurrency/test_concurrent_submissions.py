"""Many citizens (or one impatient one) sending at the same moment: no 5xx, nothing lost, nothing doubled.

These tests commit for real (threads need to see each other's rows), so they run after the
others, like the browser tests, on a world built for them. They need PostgreSQL's row locks;
SQLite serialises every writer and is not what serves a portal.
"""

import threading

import pytest
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import Page, Site

from forms.models import ListingRegistration
from forms.protection import new_token
from tests.forms.conftest import registration_data
from tests.world import build_world

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is tested on PostgreSQL"),
]
HOST = "lucca.localhost"


@pytest.fixture
def registration_page(transactional_db):
    build_world()
    root = Site.objects.get(hostname=HOST).root_page
    page = Page.objects.child_of(root).get(slug="iscrivi-la-tua-organizzazione").specific
    page.target_index = Page.objects.child_of(root).get(slug="associazioni")
    page.save_revision().publish()
    return page


def post_all(url, payloads, headers=None):
    """POST each payload from its own thread (own client, own database connection), all at once."""
    barrier = threading.Barrier(len(payloads))
    results = [None] * len(payloads)

    def send(number, payload):
        client = Client(raise_request_exception=False)
        try:
            barrier.wait(timeout=30)
            response = client.post(url, payload, HTTP_HOST=HOST, **(headers[number] if headers else {}))
            results[number] = (response.status_code, response.get("Location", ""), response.content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n, payload)) for n, payload in enumerate(payloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(result is not None for result in results), "a request did not finish"
    return results


def test_a_form_sent_eight_times_at_once_is_stored_once(registration_page):
    payload = registration_data()  # one token: the same form, eight clicks
    results = post_all(registration_page.url, [payload] * 8)
    assert not [status for status, _location, _body in results if status >= 500], results
    assert all(status == 302 and location.endswith("/grazie/") for status, location, _body in results)
    assert ListingRegistration.objects.count() == 1


@override_settings(TRUSTED_PROXIES=1)
def test_ten_organisations_with_the_same_name_at_once_get_distinct_listings(registration_page):
    payloads = [registration_data(submission_token=new_token()) for _ in range(10)]
    # Ten different people (ten addresses), so nothing but the directory itself orders them.
    headers = [{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"} for n in range(10)]
    results = post_all(registration_page.url, payloads, headers)
    assert [status for status, _location, _body in results] == [302] * 10, results
    slugs = list(ListingRegistration.objects.values_list("entry__slug", flat=True))
    assert len(slugs) == 10 and len(set(slugs)) == 10


@override_settings(FORMS_RATE_LIMIT="5/hour", TRUSTED_PROXIES=1)
def test_twenty_posts_from_one_address_at_once_get_at_most_five_through(registration_page):
    payloads = [registration_data(name=f"Associazione {n}", submission_token=new_token()) for n in range(20)]
    # Each request claims another first address; the proxy's own entry (the real client) is the same.
    headers = [{"HTTP_X_FORWARDED_FOR": f"192.0.2.{n}, 198.51.100.7"} for n in range(20)]
    results = post_all(registration_page.url, payloads, headers)
    statuses = [status for status, _location, _body in results]
    assert not [status for status in statuses if status >= 500], statuses
    accepted = statuses.count(302)
    assert accepted <= 5 and accepted == ListingRegistration.objects.count()
    assert set(statuses) <= {302, 429}
