"""The registration lifecycle: receive a registration, create its entry in moderation, propose a change,
find duplicates.

A new registration is stored at once (``receive_registration``) and its entry created by the task
worker (``create_entry``). Each entry created or changed is saved in one transaction together with
the emails it causes (queued, sent by the task worker): an entry is never created without its
notices, nor notices sent for an entry that was not stored.
"""

import json
from datetime import time

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState

from directory.models import DirectoryCategory, DirectoryEntryPage, DirectoryIndexPage, DirectoryOpeningHours
from directory.validators import normalize_fiscal_code
from forms.models import ConsentRecord, ListingRegistration
from portal.queue import enqueue
from sites.languages import locale_code
from sites.portal import get_portal

from . import emails
from .forms import COPIED_FIELDS, text_to_html

# --- duplicates ------------------------------------------------------------------------------


def find_duplicates(entry, current=None):
    """Other entries of the same portal with the same fiscal code, or the same name in the same municipality.

    Only entries that are live or waiting in moderation count. The entry's latest revision is compared,
    so a pending change is checked too. ``current`` (that revision as an object) spares its query
    when the caller has it.
    """
    current = current or entry.get_latest_revision_as_object()
    # Every language copy of the portal's tree.
    scope = DirectoryEntryPage.objects.in_portal(entry)
    match = Q()
    fiscal_code = normalize_fiscal_code(current.fiscal_code)
    if fiscal_code:
        match |= Q(fiscal_code=fiscal_code)
    if current.municipality:
        match |= Q(title__iexact=current.title.strip(), municipality__iexact=current.municipality.strip())
    if not match:
        return []
    matched = list(scope.exclude(pk=entry.pk).filter(match).order_by("title"))
    if not matched:
        return []
    pending = set(
        WorkflowState.objects.active()
        .filter(base_content_type_id=entry.get_base_content_type().pk, object_id__in=[str(p.pk) for p in matched])
        .values_list("object_id", flat=True)
    )
    return [other for other in matched if other.live or str(other.pk) in pending]


def describe_duplicates(entry, **known):
    return "\n".join(
        f"{other.title} – {other.municipality} ({'pubblicata' if other.live else 'in attesa'}, id {other.pk})"
        for other in find_duplicates(entry, **known)
    )


# --- from the form to the entry -------------------------------------------------------------


def portal_collection(site):
    return Collection.objects.filter(name=site.site_name, depth=2).first() or Collection.get_first_root_node()


def _save_logo(upload, name, site):
    Image = get_image_model()
    upload.name = f"logo-{slugify(name)[:60] or 'organizzazione'}.{upload.extension}"
    image = Image(title=f"Logo – {name}"[:255], file=upload, collection=portal_collection(site))
    image.save()
    return image


def submitted_data(form, site):
    """The validated form as plain JSON data, which ``apply_data`` copies onto an entry.

    An uploaded logo is stored now, as an image of the portal's collection, and named by its id.
    """
    data = form.cleaned_data
    values = {"name": data["name"], "description": text_to_html(data.get("description", ""))}
    values.update({name: data[name] for name in COPIED_FIELDS})
    if "categories" in form.fields:
        values["categories"] = [category.pk for category in data.get("categories") or []]
    values["opening_hours"] = [list(row) for row in form.opening_hours()]
    if data.get("logo"):
        values["logo"] = _save_logo(data["logo"], data["name"], site).pk
    # As the database gives it back (decimals and times as text): one form of the data for every caller.
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def apply_data(entry, values):
    """Copy ``submitted_data`` onto an entry (a new page or a revision object); nothing is saved."""
    entry.title = values["name"]
    entry.draft_title = values["name"]
    entry.description = values["description"]
    for name in COPIED_FIELDS:
        setattr(entry, name, DirectoryEntryPage._meta.get_field(name).to_python(values[name]))
    if "categories" in values:
        # A category deleted since the form was sent is left out.
        entry.categories = list(DirectoryCategory.objects.filter(pk__in=values["categories"]))
    entry.opening_hours = [
        DirectoryOpeningHours(
            weekday=weekday, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes), sort_order=position
        )
        for position, (weekday, opens, closes) in enumerate(values["opening_hours"])
    ]
    if values.get("logo") and get_image_model().objects.filter(pk=values["logo"]).exists():
        entry.logo_id = values["logo"]
    return entry


def _unique_slug(index, title):
    base = slugify(title, allow_unicode=True)[:60] or "organizzazione"
    # Only the slugs that could clash: a directory may hold thousands of entries.
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _submit_to_moderation(entry, workflow):
    """Start the portal's moderation workflow on the entry's latest revision (a fresh start after a change)."""
    for state in WorkflowState.objects.active().filter(
        base_content_type_id=entry.get_base_content_type().pk, object_id=str(entry.pk)
    ):
        state.cancel(user=None)
    if workflow is not None:
        # Started by nobody: the public has no account. Wagtail allows a workflow without a requester.
        workflow.start(entry, user=None)


def _record_consent(registration, page, form, request):
    ConsentRecord.objects.create(registration=registration, **page.consent_record_kwargs(form, request))


# --- a new registration: stored at once, its entry created by the task worker ----------------


class EntryNotCreated(Exception):
    """The entry of a received registration cannot be created (its directory is gone)."""


@transaction.atomic(savepoint=False)
def receive_registration(page, form, request):
    """Store a new registration with its consent, and queue the creation of its entry (``create_entry``).

    This is all a submission waits for: the entry, its moderation and the emails follow in the task
    worker, which retries with backoff when that fails (``forms.registration.tasks``).
    """
    from .tasks import create_listing_entry

    site = get_portal(request).site
    registration = ListingRegistration.objects.create(
        site=site,
        registration_page=page,
        directory=form.index,
        status=ListingRegistration.Status.RECEIVED,
        submitted_data=submitted_data(form, site),
        submitter_name=form.cleaned_data["contact_name"],
        submitter_email=form.cleaned_data["contact_email"],
        language=locale_code(page.locale_id),
        next_attempt_at=timezone.now(),
    )
    _record_consent(registration, page, form, request)
    enqueue(create_listing_entry, registration.pk)
    return registration


def _directory_of(registration):
    """The directory the form was sent to; if it was deleted since, the one its registration page names now."""
    if registration.directory is not None:
        return registration.directory
    page = registration.registration_page
    directory = page.get_target_index() if page is not None else None
    if directory is None:
        raise EntryNotCreated("its directory was deleted and the registration page names no other")
    return directory


@transaction.atomic
def create_entry(registration_id):
    """A received registration's entry: new, not live, under its directory, in moderation, with its emails.

    Run by the task worker; returns the registration. A registration whose entry exists already
    (a task run twice) is left as it is, so each registration gets one entry and one set of emails.
    """
    registration = (
        ListingRegistration.objects.select_for_update(of=("self",))
        .select_related("site", "directory")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.entry_id is not None:
        return registration
    directory = _directory_of(registration)
    entry = DirectoryEntryPage(locale_id=directory.locale_id, live=False, owner=None)
    apply_data(entry, registration.submitted_data)
    # Looked up before the directory is locked, so that the lock is held for less: a new entry has
    # the directory's workflow.
    workflow = directory.get_workflow()
    # Entries are added to one directory one at a time, on a fresh copy of the directory page (its
    # child count decides the new entry's tree position): two organisations with the same name sent
    # at the same moment get distinct slugs and positions instead of a clash. The tree insert
    # updates the directory's row, so the lock lasts until the transaction ends.
    index = DirectoryIndexPage.objects.select_for_update().get(pk=directory.pk)
    entry.slug = _unique_slug(index, entry.title)
    index.add_child(instance=entry)
    entry.save_revision(user=None, log_action=True)
    registration.entry = entry
    registration.directory = index
    registration.status = ListingRegistration.Status.PENDING
    # The entry holds the data now: no second copy of it is kept.
    registration.submitted_data = {}
    registration.last_error = ""
    registration.next_attempt_at = None
    # Found under the lock: a twin sent at the same moment into this directory is named.
    registration.duplicate_notes = describe_duplicates(entry, current=entry)
    # Saved before the workflow starts: its notices look the registration up to know it is a public one.
    registration.save()
    if workflow is not None:
        # Started by nobody: the public has no account. Wagtail allows a workflow without a requester.
        workflow.start(entry, user=None)
    emails.send_registration_emails(registration, change=False, draft=entry, directory=index, workflow=workflow)
    return registration


# --- changes through the private link --------------------------------------------------------


@transaction.atomic
def propose_change(registration, page, form, request):
    """A new revision of the entry in moderation; the live version stays as it is until approved."""
    # One change at a time per listing (a double click sends two).
    registration = ListingRegistration.objects.select_for_update().get(pk=registration.pk)
    entry = registration.entry.specific
    draft = entry.get_latest_revision_as_object()
    apply_data(draft, submitted_data(form, registration.site))
    draft.save_revision(user=None, log_action=True)
    _record_consent(registration, page, form, request)
    registration.submitter_name = form.cleaned_data["contact_name"]
    registration.submitter_email = form.cleaned_data["contact_email"]
    registration.moderator_comment = ""
    registration.confirmed_at = timezone.now()
    registration.renewal_sent_at = None
    if entry.live:
        registration.change_pending = True
    else:
        registration.status = ListingRegistration.Status.PENDING
    _submit_to_moderation(entry, entry.get_workflow())
    registration.duplicate_notes = describe_duplicates(entry)
    registration.save()
    emails.send_registration_emails(registration, change=True)
    return registration


def send_new_link(registration):
    """A fresh private link, for a submitter whose link expired."""
    emails.send_new_link_email(registration)


def confirm_listing(registration):
    """The organisation says its data is still right: the yearly renewal is done."""
    registration.confirmed_at = timezone.now()
    registration.renewal_sent_at = None
    registration.save(update_fields=["confirmed_at", "renewal_sent_at", "updated_at"])


def in_moderation(entry):
    return (
        WorkflowState.objects.active()
        .filter(base_content_type_id=entry.get_base_content_type().pk, object_id=str(entry.pk))
        .exists()
    )
