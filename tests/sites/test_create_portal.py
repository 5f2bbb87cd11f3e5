from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Revision,
    Site,
    WorkflowPage,
)

from sites.models import PortalSettings
from sites.sections import PORTAL_SECTIONS

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "sites": list(Site.objects.values_list("pk", "hostname", "port", "root_page_id").order_by("pk")),
        "pages": list(Page.objects.values_list("pk", "path", "title", "live").order_by("pk")),
        "revisions": Revision.objects.count(),
        "collections": list(Collection.objects.values_list("pk", "name").order_by("pk")),
        "groups": list(Group.objects.values_list("pk", "name").order_by("pk")),
        "page_perms": GroupPagePermission.objects.count(),
        "collection_perms": GroupCollectionPermission.objects.count(),
        "site_perms": GroupSitePermission.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "settings": PortalSettings.objects.count(),
    }


def _create(**overrides):
    options = {"name": "Pari Opportunità Pisa", "province": "Pisa", "hostname": "pisa.localhost", "port": 8000}
    options.update(overrides)
    out = StringIO()
    call_command("create_portal", *[f"--{key}={value}" for key, value in options.items()], stdout=out)
    return out.getvalue()


def test_create_portal_builds_site_sections_collection_groups_and_workflow(client):
    output = _create()
    assert "ready at http://pisa.localhost:8000/" in output

    site = Site.objects.get(hostname="pisa.localhost")
    assert site.port == 8000 and site.site_name == "Pari Opportunità Pisa"
    home = site.root_page.specific
    assert type(home).__name__ == "HomePage" and home.locale.language_code == "it"
    assert [p.slug for p in home.get_children()] == [s.slug for s in PORTAL_SECTIONS]
    assert all(p.live for p in home.get_children())

    collection = Collection.objects.get(name="Pari Opportunità Pisa")
    editors = Group.objects.get(name="Pari Opportunità Pisa editors")
    moderators = Group.objects.get(name="Pari Opportunità Pisa moderators")
    for group in (editors, moderators):
        assert {p.page_id for p in GroupPagePermission.objects.filter(group=group)} == {home.pk}
        assert {p.collection_id for p in GroupCollectionPermission.objects.filter(group=group)} == {collection.pk}
        assert {p.site_id for p in GroupSitePermission.objects.filter(group=group)} == {site.pk}
    assert WorkflowPage.objects.get(page=home).workflow.tasks.get().specific.groups.get() == moderators

    settings = PortalSettings.for_site(site)
    assert settings.portal_name == "Pari Opportunità Pisa" and settings.province == "Pisa"
    assert settings.privacy_page.slug == "privacy"

    response = client.get("/it/", HTTP_HOST="pisa.localhost")
    assert response.status_code == 200 and "Pari Opportunità Pisa" in response.content.decode()


def test_running_create_portal_twice_changes_nothing():
    _create()
    before = _snapshot()
    output = _create()
    assert "nothing changed" in output
    assert _snapshot() == before


def test_clashing_hostname_exits_non_zero_and_creates_nothing():
    before = _snapshot()
    with pytest.raises(CommandError) as error:
        _create(name="Pari Opportunità Pisa", hostname="siena.localhost")
    message = str(error.value)
    assert "\n" not in message
    assert "siena.localhost is already used" in message
    assert _snapshot() == before
