"""Moderation in the Wagtail admin: the dashboard panel, duplicate flags, and portal isolation."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import DirectoryEntryPage
from forms.models import ListingRegistration
from tests.factories import DirectoryEntryPageFactory

from .conftest import registration_data, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(client, lucca_registration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lucca_registration.url, registration_data(), HTTP_HOST="lucca.localhost")
    return ListingRegistration.objects.get()


def _task_state(entry):
    return WorkflowState.objects.active().get(object_id=str(entry.pk)).current_task_state


def _denied(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
    )


def test_the_dashboard_lists_the_portals_pending_registrations(client, pending, user_in):
    client.force_login(user_in("lucca", "moderators"))
    html = client.get("/admin/").content.decode()
    assert "Iscrizioni in attesa" in html
    assert "Donne in Cammino" in html
    assert reverse("wagtailadmin_pages:edit", args=[pending.entry_id]) in html


@pytest.mark.parametrize("role", ["moderators", "editors"])
def test_another_portals_staff_see_nothing_of_it(client, pending, user_in, role):
    client.force_login(user_in("siena", role))
    html = client.get("/admin/").content.decode()
    assert "Iscrizioni in attesa" not in html and "Donne in Cammino" not in html
    entry = pending.entry
    assert _denied(client.get(reverse("wagtailadmin_pages:edit", args=[entry.pk])))
    assert _denied(client.get(reverse("wagtailadmin_pages:workflow_history", args=[entry.pk])))
    assert _denied(client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[entry.pk])))
    # The contact person never appears in anything a Siena account can open.
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Donne in Cammino"}).content.decode()
    assert "maria.rossi@example.org" not in search
    assert reverse("wagtailadmin_pages:edit", args=[entry.pk]) not in search


def test_another_portals_moderator_cannot_approve(client, pending, user_in, django_capture_on_commit_callbacks):
    client.force_login(user_in("siena", "moderators"))
    task_state = _task_state(pending.entry)
    url = reverse("wagtailadmin_pages:workflow_action", args=(pending.entry_id, "approve", task_state.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": ""})
    assert _denied(response)
    entry = DirectoryEntryPage.objects.get(pk=pending.entry_id)
    assert not entry.live
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_the_registrations_queryset_is_per_portal(pending, user_in):
    assert list(ListingRegistration.objects.for_user(user_in("lucca", "moderators"))) == [pending]
    assert not ListingRegistration.objects.for_user(user_in("siena", "moderators")).exists()


def test_a_duplicate_fiscal_code_is_flagged_to_the_moderator(
    client, lucca, lucca_registration, user_in, django_capture_on_commit_callbacks
):
    associations = section(lucca, "associazioni")
    DirectoryEntryPageFactory(
        parent=associations, title="Donne Insieme", fiscal_code="92012345671", municipality="Capannori"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lucca_registration.url, registration_data(), HTTP_HOST="lucca.localhost")
    registration = ListingRegistration.objects.get()
    assert "Donne Insieme" in registration.duplicate_notes

    client.force_login(user_in("lucca", "moderators"))
    assert "Possibile doppione" in client.get("/admin/").content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[registration.entry_id])).content.decode()
    assert "Possibile doppione" in edit and "Donne Insieme" in edit


def test_the_same_name_in_the_same_municipality_is_flagged(
    lucca, lucca_registration, client, django_capture_on_commit_callbacks
):
    associations = section(lucca, "associazioni")
    DirectoryEntryPageFactory(parent=associations, title="donne in cammino", fiscal_code="", municipality="LUCCA")
    DirectoryEntryPageFactory(
        parent=associations, title="Donne in Cammino", slug="donne-pisa", fiscal_code="", municipality="Pisa"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lucca_registration.url, registration_data(fiscal_code=""), HTTP_HOST="lucca.localhost")
    notes = ListingRegistration.objects.get().duplicate_notes
    assert "LUCCA" in notes and "Pisa" not in notes


def test_a_pending_registration_duplicates_the_next_one(lucca_registration, client, django_capture_on_commit_callbacks):
    for name in ("Prima", "Seconda"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(lucca_registration.url, registration_data(name=name), HTTP_HOST="lucca.localhost")
    second = ListingRegistration.objects.get(entry__title="Seconda")
    assert "Prima" in second.duplicate_notes and "in attesa" in second.duplicate_notes


def test_nothing_is_flagged_for_other_portals_or_unpublished_drafts(
    siena, lucca, lucca_registration, client, django_capture_on_commit_callbacks
):
    siena_associations = section(siena, "associazioni")
    DirectoryEntryPageFactory(
        parent=siena_associations, title="Donne in Cammino", fiscal_code="92012345671", municipality="Lucca"
    )
    draft = DirectoryEntryPageFactory(parent=section(lucca, "associazioni"), title="Bozza", fiscal_code="92012345671")
    draft.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lucca_registration.url, registration_data(), HTTP_HOST="lucca.localhost")
    assert ListingRegistration.objects.get().duplicate_notes == ""
