"""Moderation of registrations: decisions reach the submitter; Wagtail's generic notices stay out of the way.

Decision emails are queued in the transaction that publishes or rejects the entry.
"""

from django.dispatch import receiver
from wagtail.admin import signal_handlers as wagtail_notifications
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_rejected, task_submitted, workflow_submitted

from forms.models import ListingRegistration
from forms.registration.emails import send_decision_email


@receiver(page_published, dispatch_uid="forms_registration_published")
def registration_published(sender, instance, **kwargs):
    """A registration (or a proposed change) went live: approved through the workflow, or published directly."""
    registration = ListingRegistration.objects.filter(entry_id=instance.pk).first()
    if registration is None:
        return
    if registration.status == ListingRegistration.Status.PUBLISHED and not registration.change_pending:
        return  # an editor's own republishing: nothing new for the submitter
    registration.status = ListingRegistration.Status.PUBLISHED
    registration.change_pending = False
    registration.moderator_comment = ""
    registration.save(update_fields=["status", "change_pending", "moderator_comment", "updated_at"])
    send_decision_email(registration, approved=True)


@receiver(task_rejected, dispatch_uid="forms_registration_rejected")
def registration_rejected(sender, instance, user=None, **kwargs):
    """A moderator rejected the entry (or its change) with a comment: nothing is published."""
    content_object = instance.workflow_state.content_object
    registration = ListingRegistration.objects.filter(entry_id=content_object.pk).first() if content_object else None
    if registration is None:
        return
    # A rejected change leaves the live listing as it was; a rejected first registration stays unpublished.
    if not registration.entry.live:
        registration.status = ListingRegistration.Status.REJECTED
    registration.change_pending = False
    registration.moderator_comment = instance.comment or ""
    registration.save(update_fields=["status", "change_pending", "moderator_comment", "updated_at"])
    send_decision_email(registration, approved=False, comment=registration.moderator_comment)


# --- Wagtail's "submitted for moderation" emails --------------------------------------------
# Wagtail emails every moderator and superuser when something enters a workflow, with a link
# to the admin of WAGTAILADMIN_BASE_URL (the network's host). For a registration sent by the
# public the moderators already get our own notice, on their portal's host: Wagtail's is
# skipped there, and kept for everything submitted by staff.


def _is_public_registration(workflow_state):
    return workflow_state.requested_by_id is None and (
        ListingRegistration.objects.filter(entry_id=workflow_state.object_id).exists()
    )


def _task_submitted(sender, instance, **kwargs):
    if _is_public_registration(instance.workflow_state):
        return False
    return wagtail_notifications.task_submission_email_notifier(sender=sender, instance=instance, **kwargs)


def _workflow_submitted(sender, instance, **kwargs):
    if _is_public_registration(instance):
        return False
    return wagtail_notifications.workflow_submission_email_notifier(sender=sender, instance=instance, **kwargs)


# The same dispatch_uid as Wagtail's receivers: whichever app connects first, only ours runs.
_REPLACED = (
    (task_submitted, _task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, _workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
)


def replace_wagtail_submission_notices():
    for signal, receiver_function, sender, uid in _REPLACED:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(receiver_function, sender=sender, dispatch_uid=uid, weak=False)
