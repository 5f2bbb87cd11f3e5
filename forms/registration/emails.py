"""Who hears about a registration, and when: emails queued in the transaction that causes them.

One email per person per event: the submitter gets one, each of the portal's moderators one
(addressed to them alone, with a review link on the portal's own admin host). Wagtail's own
"submitted for moderation" notices are not sent for public submissions (see forms/signals.py).
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask

from forms.emails import send_templated_mail

from .links import link_max_age, private_link


def moderator_emails(entry, workflow=None):
    """Active users in the approval groups of the entry's moderation workflow (the portal's moderators)."""
    workflow = workflow or entry.get_workflow()
    if workflow is None:
        return []
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow, active=True)
    users = get_user_model().objects.filter(groups__in=tasks.values("groups"), is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_edit_url(registration):
    return registration.site.root_url + reverse("wagtailadmin_pages:edit", args=[registration.entry_id])


def _context(registration, draft=None, directory=None, **extra):
    """What every email template gets; ``draft`` and ``directory`` spare their queries when the caller has them."""
    entry = registration.entry.specific
    draft = draft or entry.get_latest_revision_as_object()
    return {
        "registration": registration,
        "entry": draft,
        "live_entry": entry,
        "portal_name": registration.site.site_name,
        "directory": directory or entry.get_parent().specific,
        "private_link": private_link(registration),
        "link_days": link_max_age() // (24 * 60 * 60),
        **extra,
    }


def _to_submitter(name, registration, context):
    return send_templated_mail(
        name, context, [registration.submitter_email], registration.language, site_id=registration.site_id
    )


def send_registration_emails(registration, change=False, draft=None, directory=None, workflow=None):
    """A new registration (or a change): each moderator gets a review link, the submitter a confirmation.

    A new registration passes its entry (``draft``), ``directory`` and ``workflow``, already at hand.
    """
    from django.conf import settings

    context = _context(
        registration, draft=draft, directory=directory, change=change, review_url=admin_edit_url(registration)
    )
    for address in moderator_emails(registration.entry, workflow):
        send_templated_mail("moderators_new", context, [address], settings.LANGUAGE_CODE, site_id=registration.site_id)
    _to_submitter("submitter_received", registration, context)


def send_decision_email(registration, approved, comment=""):
    name = "submitter_approved" if approved else "submitter_rejected"
    context = _context(registration, comment=comment, public_url=registration.entry.specific.get_full_url())
    _to_submitter(name, registration, context)


def send_new_link_email(registration):
    _to_submitter("submitter_new_link", registration, _context(registration))


def send_renewal_email(registration, grace_days):
    context = _context(registration, grace_days=grace_days, today=timezone.localdate())
    return _to_submitter("submitter_renewal", registration, context)


def send_expired_email(registration):
    return _to_submitter("submitter_expired", registration, _context(registration))
