from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

pytestmark = pytest.mark.django_db

HOSTS = [
    "localhost",
    "siena.localhost",
    "lucca.localhost",
    "torino.localhost",
    "brindisi.localhost",
    "milano.localhost",
]


def _load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_builds_the_six_sites_and_is_idempotent(client):
    output = _load()
    for host in HOSTS:
        assert f"http://{host}:8000/" in output
    assert set(Site.objects.values_list("hostname", flat=True)) == set(HOSTS)
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert get_user_model().objects.filter(username__in=["admin", "siena-editor", "milano-moderator"]).count() == 3

    for host in HOSTS:
        response = client.get("/it/", HTTP_HOST=host)
        assert response.status_code == 200, host
    assert "Val d&#x27;Elsa" in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()

    counts = (Site.objects.count(), Page.objects.count(), Revision.objects.count(), get_user_model().objects.count())
    _load()
    assert (
        Site.objects.count(),
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
    ) == counts


def test_demo_passwords_are_random_when_debug_is_off(settings):
    settings.DEBUG = False
    output = _load()
    assert "demo-password" not in output
    user = get_user_model().objects.get(username="siena-editor")
    assert not user.check_password("demo-password")
