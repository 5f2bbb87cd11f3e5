"""A self-registration goes live only when the portal's moderators approve it, whatever the route."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from forms.models import ListingRegistration

from .portal_b import submit_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(lucca):
    return submit_registration(lucca, "Donne in Cammino")


@pytest.fixture
def staff(user_in):
    def make(role):
        user = user_in("lucca", role)
        client = Client()
        client.force_login(user)
        return user, client

    return make


def _live(registration):
    return Page.objects.get(pk=registration.entry_id).live


def test_an_editor_cannot_bulk_publish_a_pending_registration(pending, staff):
    _editor, client = staff("editors")
    url = f"/admin/bulk/wagtailcore/page/publish/?id={pending.entry_id}"
    confirm = client.get(url)
    assert confirm.status_code == 200
    client.post(url, {"include_descendants": "on"})
    assert not _live(pending)
    pending.refresh_from_db()
    assert pending.status == ListingRegistration.Status.PENDING


def test_an_editor_cannot_publish_a_pending_registration_through_the_api(pending, staff):
    _editor, client = staff("editors")
    response = client.post(f"/admin/api/main/pages/{pending.entry_id}/action/publish/", content_type="application/json")
    assert response.status_code == 403
    assert not _live(pending)


def test_an_editor_cannot_publish_or_schedule_it_from_the_editor_or_a_revision(pending, staff):
    editor, client = staff("editors")
    entry = pending.entry.specific
    # A generic Page instance answers like the specific one (Wagtail casts when the method is overridden).
    assert not Page.objects.get(pk=entry.pk).permissions_for_user(editor).can_publish()
    assert entry.permissions_for_user(editor).can_edit()
    edit = client.get(f"/admin/pages/{entry.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in edit

    draft = entry.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = draft.save_revision(user=editor)
    with pytest.raises(PermissionDenied):
        revision.publish(user=editor)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None and not _live(pending)


def test_a_proposed_change_to_a_live_listing_also_waits_for_the_moderators(pending, staff):
    editor, _client = staff("editors")
    moderator, _ = staff("moderators")
    entry = pending.entry.specific
    entry.get_latest_revision().publish(user=moderator)
    pending.refresh_from_db()
    assert pending.status == ListingRegistration.Status.PUBLISHED
    # Once approved, the listing is ordinary content its portal's editors keep up to date ...
    assert entry.permissions_for_user(editor).can_publish()
    pending.change_pending = True
    pending.save(update_fields=["change_pending"])
    # ... until the organisation proposes a change.
    assert not Page.objects.get(pk=entry.pk).permissions_for_user(editor).can_publish()


def test_the_moderators_approve_it_through_the_workflow(pending, staff, django_capture_on_commit_callbacks):
    _moderator, client = staff("moderators")
    task_state = WorkflowState.objects.active().get(object_id=str(pending.entry_id)).current_task_state
    url = f"/admin/pages/workflow/action/{pending.entry_id}/approve/{task_state.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    assert _live(pending)
    pending.refresh_from_db()
    assert pending.status == ListingRegistration.Status.PUBLISHED


def test_a_moderator_may_bulk_publish_it(pending, staff):
    _moderator, client = staff("moderators")
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={pending.entry_id}", {"include_descendants": "on"})
    assert _live(pending)
