"""National campaigns: copied from the network site into the portals as drafts, once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from campaigns.models import CampaignIndexPage, CampaignPage, EventPage
from tests.factories import CampaignPageFactory, EventPageFactory

from .conftest import section

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(network):
    campaign = CampaignPageFactory(
        parent=section(network, CampaignIndexPage),
        title="25 novembre",
        slug="25-novembre",
        recurs_yearly=True,
        helplines=[("helpline", {"name": "1522", "number": "1522", "free_of_charge": True})],
    )
    EventPageFactory(parent=campaign, title="Webinar della rete", slug="webinar")
    return campaign


def _copy(*args):
    out = StringIO()
    call_command("copy_campaign_to_portals", *map(str, args), stdout=out)
    return out.getvalue()


def test_copies_are_drafts_with_their_events_under_each_portal_campaign_index(national, siena, lucca, client):
    output = _copy(national.pk)

    for site in (siena, lucca):
        index = section(site, CampaignIndexPage)
        copy = CampaignPage.objects.child_of(index).get(copied_from=national)
        assert not copy.live and copy.has_unpublished_changes
        assert copy.title == "25 novembre" and copy.recurs_yearly
        assert copy.helplines[0].value["number"] == "1522"
        event = EventPage.objects.child_of(copy).get()
        assert event.title == "Webinar della rete" and not event.live
        assert copy.translation_key != national.translation_key
    assert "2 draft copy(ies) created" in output
    # Drafts: the portals' public pages don't show them yet.
    assert client.get("/it/campagne/25-novembre/", HTTP_HOST="siena.localhost").status_code == 404
    # The source stays live on the network site.
    national.refresh_from_db()
    assert national.live


def test_running_again_does_not_duplicate(national, siena):
    _copy(national.pk)
    output = _copy(national.pk)
    assert CampaignPage.objects.filter(copied_from=national).count() == 2
    assert "already has a copy" in output
    assert "0 draft copy(ies) created, 2 portal(s) already had one" in output


def test_only_the_chosen_portals_and_a_free_slug(national, siena, lucca):
    CampaignPageFactory(parent=section(lucca, CampaignIndexPage), title="Altro", slug="25-novembre")
    _copy(national.pk, "--portals", "lucca.localhost")
    copy = CampaignPage.objects.get(copied_from=national)
    assert copy.get_parent().pk == section(lucca, CampaignIndexPage).pk
    assert copy.slug == "25-novembre-2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["999999"], "no campaign with id 999999"),
        (["{national}", "--portals", "nowhere.localhost"], "no portal with hostname nowhere.localhost"),
        (["{national}", "--portals", "localhost"], "no portal with hostname localhost"),
        (["{portal_campaign}"], "is not on the network site"),
    ],
)
def test_bad_input_is_one_clear_line_and_copies_nothing(national, siena, args, message):
    portal_campaign = CampaignPageFactory(parent=section(siena, CampaignIndexPage))
    args = [arg.format(national=national.pk, portal_campaign=portal_campaign.pk) for arg in args]
    before = CampaignPage.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("copy_campaign_to_portals", *args, stdout=StringIO())
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert CampaignPage.objects.count() == before
