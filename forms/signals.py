"""Moderation decisions taken in the Wagtail admin reach the submitter of a registration."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, task_rejected

from forms.models import ListingRegistration


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
    from forms.registration.emails import send_decision_email

    transaction.on_commit(lambda: send_decision_email(registration.pk, approved=True))


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
    from forms.registration.emails import send_decision_email

    comment = registration.moderator_comment
    transaction.on_commit(lambda: send_decision_email(registration.pk, approved=False, comment=comment))
