"""Who hears about a registration, and when (always after the transaction has committed)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask

from forms.emails import send_templated_mail
from forms.models import ListingRegistration

from .services import link_max_age, private_link


def moderator_emails(entry):
    """Active users in the approval groups of the entry's moderation workflow (the portal's moderators)."""
    workflow = entry.get_workflow()
    if workflow is None:
        return []
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow, active=True)
    users = get_user_model().objects.filter(groups__in=tasks.values("groups"), is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_edit_url(registration):
    return registration.site.root_url + reverse("wagtailadmin_pages:edit", args=[registration.entry_id])


def _context(registration, **extra):
    entry = registration.entry.specific
    draft = entry.get_latest_revision_as_object()
    return {
        "registration": registration,
        "entry": draft,
        "live_entry": entry,
        "portal_name": registration.site.site_name,
        "directory": entry.get_parent().specific,
        "private_link": private_link(registration),
        "link_days": link_max_age() // (24 * 60 * 60),
        **extra,
    }


def _load(registration_pk):
    return ListingRegistration.objects.select_related("site", "entry").filter(pk=registration_pk).first()


def send_registration_emails(registration_pk, change=False):
    """A new registration (or a change): the moderators get a review link, the submitter a confirmation."""
    registration = _load(registration_pk)
    if registration is None:
        return
    context = _context(registration, change=change, review_url=admin_edit_url(registration))
    send_templated_mail("moderators_new", context, moderator_emails(registration.entry), settings.LANGUAGE_CODE)
    send_templated_mail("submitter_received", context, [registration.submitter_email], registration.language)


def send_decision_email(registration_pk, approved, comment=""):
    registration = _load(registration_pk)
    if registration is None:
        return
    name = "submitter_approved" if approved else "submitter_rejected"
    context = _context(registration, comment=comment, public_url=registration.entry.specific.get_full_url())
    send_templated_mail(name, context, [registration.submitter_email], registration.language)


def send_new_link_email(registration):
    send_templated_mail(
        "submitter_new_link", _context(registration), [registration.submitter_email], registration.language
    )


def send_renewal_email(registration, grace_days):
    context = _context(registration, grace_days=grace_days, today=timezone.localdate())
    return send_templated_mail("submitter_renewal", context, [registration.submitter_email], registration.language)


def send_expired_email(registration):
    return send_templated_mail(
        "submitter_expired", _context(registration), [registration.submitter_email], registration.language
    )
