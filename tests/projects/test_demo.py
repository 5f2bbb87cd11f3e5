"""The demo loader imports the four seed projects on their portals and the network lists them."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

EXPECTED = {
    "siena.localhost": "Rete centri pari opportunità territoriali",
    "torino.localhost": "Comunità e inclusione: Femminili plurali – Fase 2",
    "brindisi.localhost": "Consorzio Elpendù – Patto sociale di genere",
    "milano.localhost": "WOMEN4INTEGRATION: from neighbourhoods to Europe / WIN",
}


def test_demo_publishes_the_four_seed_projects_with_sectors_and_is_idempotent(client):
    call_command("load_demo", stdout=StringIO())
    projects = ProjectPage.objects.live()
    assert sorted(projects.values_list("title", flat=True)) == sorted(EXPECTED.values())
    for project in projects:
        assert project.sectors.exists(), project.title
        assert not project.has_unpublished_changes

    for host, title in EXPECTED.items():
        html = client.get("/it/progetti/", HTTP_HOST=host).content.decode()
        assert re.findall(r'class="card-title h5"><a href="[^"]+">([^<]+)<', html) == [title], host
    network = client.get("/it/progetti/", HTTP_HOST="localhost").content.decode()
    assert sorted(re.findall(r'class="card-title h5"><a href="[^"]+">([^<]+)<', network)) == sorted(EXPECTED.values())

    torino = ProjectPage.objects.get(title=EXPECTED["torino.localhost"])
    assert torino.municipality_names == ["Orbassano", "Rivalta", "Piossasco"]
    assert [block.value["count"] for block in torino.beneficiaries] == [300, 30, 15, 15, 20, 350, 2000, 20000]
    assert [funder.name for funder in torino.funders] == ["Fondazione Compagnia di San Paolo"]

    revisions = {project.pk: project.revisions.count() for project in projects}
    call_command("load_demo", stdout=StringIO())
    assert ProjectPage.objects.count() == 4
    assert {project.pk: project.revisions.count() for project in ProjectPage.objects.all()} == revisions


def test_demo_links_partners_to_the_directory_entries_of_the_same_portal():
    from django.apps import apps

    try:
        apps.get_model("directory", "DirectoryEntryPage")
    except LookupError:
        pytest.skip("the directory app does not provide DirectoryEntryPage yet")
    call_command("load_demo", stdout=StringIO())
    torino = ProjectPage.objects.get(title=EXPECTED["torino.localhost"])
    linked = {partner.name: partner.organisation for partner in torino.partners.all() if partner.organisation_id}
    if not linked:
        pytest.skip("the directory demo has no entry named like a Torino partner")
    for name, entry in linked.items():
        assert entry.title.lower() == name.lower()
        assert entry.live
        assert entry.path.startswith(torino.path[:8])  # an entry of the same portal
