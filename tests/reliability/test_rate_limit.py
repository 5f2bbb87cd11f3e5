"""The rate limit counts the real client, and only what was accepted."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.utils import timezone

from forms.models import ListingRegistration, RateLimitCounter, SubmissionToken
from portal.client_address import client_ip
from tests.forms.conftest import registration_data

pytestmark = pytest.mark.django_db


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        (0, "203.0.113.9", "1.2.3.4", "203.0.113.9"),  # no proxy: the header is the client's own words
        (1, "10.0.0.2", "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # our proxy appended the real address
        (1, "10.0.0.2", "198.51.100.7", "198.51.100.7"),
        (2, "10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "10.0.0.3", "198.51.100.7", "10.0.0.3"),  # did not come through both proxies
    ],
)
def test_client_address_behind_trusted_proxies(proxies, remote, forwarded, client):
    with override_settings(TRUSTED_PROXIES=proxies):
        assert client_ip(request_from(remote, forwarded)) == client


@override_settings(FORMS_RATE_LIMIT="2/hour", TRUSTED_PROXIES=1)
def test_a_forged_forwarded_address_does_not_reset_the_allowance(client, lucca_registration):
    statuses = []
    for number in range(4):
        response = client.post(
            lucca_registration.url,
            registration_data(name=f"Associazione {number}"),
            HTTP_HOST="lucca.localhost",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.7",
        )
        statuses.append(response.status_code)
    assert statuses == [302, 302, 429, 429]
    assert ListingRegistration.objects.count() == 2


@override_settings(FORMS_RATE_LIMIT="2/hour")
def test_invalid_and_repeated_submissions_do_not_use_up_the_allowance(client, lucca_registration):
    data = registration_data()
    for _ in range(3):  # the same form, three clicks
        assert client.post(lucca_registration.url, data, HTTP_HOST="lucca.localhost").status_code == 302
    invalid = client.post(lucca_registration.url, registration_data(name=""), HTTP_HOST="lucca.localhost")
    assert invalid.status_code == 200
    second = client.post(lucca_registration.url, registration_data(name="Altra"), HTTP_HOST="lucca.localhost")
    assert second.status_code == 302
    assert ListingRegistration.objects.count() == 2


def test_the_daily_purge_forgets_expired_tokens_and_old_counts_and_keeps_the_rest(client, lucca_registration):
    assert client.post(lucca_registration.url, registration_data(), HTTP_HOST="lucca.localhost").status_code == 302
    long_ago = timezone.now() - timedelta(days=3)
    SubmissionToken.objects.create(token="an-old-token", used_at=long_ago)
    RateLimitCounter.objects.create(scope="forms", client="an-old-client", window_start=long_ago, count=5)
    out = StringIO()
    call_command("purge_form_records", stdout=out)
    assert "1 expired token(s) and 1 old rate-limit counter(s)" in out.getvalue()
    assert not SubmissionToken.objects.filter(token="an-old-token").exists()
    assert not RateLimitCounter.objects.filter(client="an-old-client").exists()
    # Today's submission keeps its token (a resend is still a duplicate) and its count.
    assert SubmissionToken.objects.count() == 1
    assert RateLimitCounter.objects.count() == 1
