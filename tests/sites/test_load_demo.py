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
    output = _load()  # the test settings have DEBUG off, as in production
    for host in HOSTS:
        assert f"http://{host}:8000/" in output
    assert set(Site.objects.values_list("hostname", flat=True)) == set(HOSTS)
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert get_user_model().objects.filter(username__in=["admin", "siena-editor", "milano-moderator"]).count() == 3
    # With DEBUG off the demo users get random passwords, printed once, never the known demo one.
    assert "demo-password" not in output
    assert not get_user_model().objects.get(username="siena-editor").check_password("demo-password")
    assert "siena-editor" in output

    for host in HOSTS:
        response = client.get("/it/", HTTP_HOST=host)
        assert response.status_code == 200, host
    assert "Val d&#x27;Elsa" in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    # The portals speak their citizens' languages: Siena in Arabic, right to left; Milan in Chinese.
    arabic = client.get("/ar/", HTTP_HOST="siena.localhost")
    assert arabic.status_code == 200 and '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert client.get("/zh-hans/", HTTP_HOST="milano.localhost").status_code == 200
    assert client.get("/zh-hans/", HTTP_HOST="siena.localhost").status_code == 404
    # Con Anna in Arabic, right to left, with its helpline; 25 November on the network site in all nine.
    con_anna = client.get("/ar/campagne/con-anna/", HTTP_HOST="lucca.localhost").content.decode()
    assert '<html lang="ar" dir="rtl">' in con_anna and 'href="tel:800290290"' in con_anna
    assert "الاستغلال" in con_anna  # "exploitation", in the campaign's translated text
    for path in ("/it/campagne/25-novembre/", "/en/campaigns/25-november/", "/zh-hans/campagne/25-novembre/"):
        assert client.get(path, HTTP_HOST="localhost").status_code == 200, path

    counts = (Site.objects.count(), Page.objects.count(), Revision.objects.count(), get_user_model().objects.count())
    _load()
    assert (
        Site.objects.count(),
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
    ) == counts
