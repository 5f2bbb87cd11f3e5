"""The registration lifecycle: create an entry in moderation, propose a change, find duplicates.

Each change happens in one transaction together with the emails it causes (queued, sent by
the task worker): a registration is never stored without its notices, nor notices sent for a
registration that was not stored.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Site, WorkflowState

from directory.models import DirectoryEntryPage, DirectoryIndexPage, DirectoryOpeningHours
from directory.validators import normalize_fiscal_code
from forms.models import ConsentRecord, ListingRegistration

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


# --- creating and changing entries -----------------------------------------------------------


def portal_collection(site):
    return Collection.objects.filter(name=site.site_name, depth=2).first() or Collection.get_first_root_node()


def _save_logo(upload, entry, site):
    Image = get_image_model()
    upload.name = f"logo-{slugify(entry.title)[:60] or 'organizzazione'}.{upload.extension}"
    image = Image(title=f"Logo – {entry.title}"[:255], file=upload, collection=portal_collection(site))
    image.save()
    return image


def apply_form(entry, form, site):
    """Copy the validated form onto an entry (a new page or a revision object); nothing is saved."""
    data = form.cleaned_data
    entry.title = data["name"]
    entry.draft_title = data["name"]
    entry.description = text_to_html(data.get("description", ""))
    for name in COPIED_FIELDS:
        setattr(entry, name, data[name])
    if "categories" in form.fields:
        entry.categories = list(data.get("categories") or [])
    entry.opening_hours = [
        DirectoryOpeningHours(weekday=weekday, opens=opens, closes=closes, sort_order=position)
        for position, (weekday, opens, closes) in enumerate(form.opening_hours())
    ]
    if data.get("logo"):
        entry.logo = _save_logo(data["logo"], entry, site)
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


@transaction.atomic
def create_registration(page, form, request):
    """A new, not live entry under the target directory, in moderation, with its consent and its emails."""
    site = Site.find_for_request(request)
    entry = DirectoryEntryPage(locale_id=form.index.locale_id, live=False, owner=None)
    apply_form(entry, form, site)
    # Looked up before the directory is locked, so that the lock is held for less: a new entry has
    # the directory's workflow.
    workflow = form.index.get_workflow()
    # Registrations into one directory are made one at a time, on a fresh copy of the directory
    # page (its child count decides the new entry's tree position): two organisations with the
    # same name sent at the same moment get distinct slugs and positions instead of a clash. The
    # tree insert updates the directory's row, so the lock lasts until the transaction ends.
    index = DirectoryIndexPage.objects.select_for_update().get(pk=form.index.pk)
    entry.slug = _unique_slug(index, entry.title)
    index.add_child(instance=entry)
    entry.save_revision(user=None, log_action=True)
    registration = ListingRegistration.objects.create(
        site=site,
        entry=entry,
        registration_page=page,
        submitter_name=form.cleaned_data["contact_name"],
        submitter_email=form.cleaned_data["contact_email"],
        language=page.locale.language_code,
        # Found under the lock: a twin sent at the same moment into this directory is named.
        duplicate_notes=describe_duplicates(entry, current=entry),
    )
    _record_consent(registration, page, form, request)
    if workflow is not None:
        # Started by nobody: the public has no account. Wagtail allows a workflow without a requester.
        workflow.start(entry, user=None)
    emails.send_registration_emails(registration, change=False, draft=entry, directory=index, workflow=workflow)
    return registration


@transaction.atomic
def propose_change(registration, page, form, request):
    """A new revision of the entry in moderation; the live version stays as it is until approved."""
    # One change at a time per listing (a double click sends two).
    registration = ListingRegistration.objects.select_for_update().get(pk=registration.pk)
    entry = registration.entry.specific
    draft = entry.get_latest_revision_as_object()
    apply_form(draft, form, registration.site)
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
