"""The admin's "Copia nei portali" action: the same copy as the command, for superusers."""

import pytest
from django.contrib.auth import get_user_model

from campaigns.models import CampaignIndexPage, CampaignPage
from tests.factories import CampaignPageFactory

from .conftest import section

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(network):
    return CampaignPageFactory(parent=section(network, CampaignIndexPage), title="8 marzo", slug="8-marzo")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")


def test_superuser_sees_the_button_and_copies_into_chosen_portals(client, superuser, national, siena, lucca):
    client.force_login(superuser)
    listing = client.get(f"/admin/pages/{national.get_parent().pk}/").content.decode()
    url = f"/admin/campaigns/{national.pk}/copy-to-portals/"
    assert url in listing

    form = client.get(url).content.decode()
    assert "Pari Opportunità Siena" in form and "Pari Opportunità Lucca" in form

    response = client.post(url, {"portals": [siena.pk]})
    assert response.status_code == 302
    copy = CampaignPage.objects.get(copied_from=national)
    assert copy.get_parent().pk == section(siena, CampaignIndexPage).pk
    assert not copy.live

    # Siena now has its copy: offered no more, and posting it again copies nothing.
    assert "ha già una copia" in client.get(url).content.decode()
    client.post(url, {"portals": [siena.pk, lucca.pk]})
    assert CampaignPage.objects.filter(copied_from=national).count() == 2


def test_portal_staff_cannot_copy_national_campaigns(client, user_in, national, siena):
    client.force_login(user_in("siena", "editors"))
    url = f"/admin/campaigns/{national.pk}/copy-to-portals/"
    # Wagtail's admin turns "permission denied" into a redirect to the dashboard with a message.
    assert client.get(url)["Location"] == "/admin/"
    client.post(url, {"portals": [siena.pk]})
    assert not CampaignPage.objects.filter(copied_from=national).exists()
