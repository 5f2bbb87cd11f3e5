"""The registration lifecycle: create an entry in moderation, propose a change, find duplicates, private links."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, WorkflowState

from directory.models import DirectoryEntryPage, DirectoryOpeningHours
from directory.validators import normalize_fiscal_code
from forms.models import ConsentRecord, ListingRegistration

from .forms import COPIED_FIELDS, text_to_html

LINK_SALT = "forms.listing-registration"


# --- private links ---------------------------------------------------------------------------


def link_max_age():
    """Seconds a private link stays valid (``FORMS_PRIVATE_LINK_MAX_AGE_DAYS``, default 60 days)."""
    return getattr(settings, "FORMS_PRIVATE_LINK_MAX_AGE_DAYS", 60) * 24 * 60 * 60


def make_token(registration):
    signed = signing.TimestampSigner(salt=LINK_SALT).sign(f"{registration.pk}.{registration.link_key}")
    # Wagtail routes only path segments of letters, digits, "_" and "-": the signed value is base64-encoded.
    return urlsafe_base64_encode(signed.encode())


class LinkExpired(Exception):
    """The link was genuine but is too old; ``registration`` says whose it was (or None)."""

    def __init__(self, registration):
        super().__init__("expired")
        self.registration = registration


class LinkInvalid(Exception):
    """The link was altered, or its registration no longer exists."""


def _registration_from_value(value):
    pk, _sep, key = value.partition(".")
    registration = (
        ListingRegistration.objects.select_related("entry", "site").filter(pk=pk).first() if pk.isdigit() else None
    )
    if registration is None or not key or registration.link_key != key:
        return None
    return registration


def registration_from_token(token):
    """The registration a private link stands for; raises LinkExpired or LinkInvalid."""
    signer = signing.TimestampSigner(salt=LINK_SALT)
    try:
        token = urlsafe_base64_decode(token).decode()
    except (ValueError, UnicodeDecodeError):
        raise LinkInvalid from None
    try:
        value = signer.unsign(token, max_age=link_max_age())
    except signing.SignatureExpired:
        raise LinkExpired(_registration_from_value(signer.unsign(token))) from None
    except signing.BadSignature:
        raise LinkInvalid from None
    registration = _registration_from_value(value)
    if registration is None:
        raise LinkInvalid
    return registration


def registration_page_for(registration):
    """The registration page to build the private link on, in the submitter's language when translated."""
    page = registration.registration_page
    if page is None:
        return None
    locale = Locale.objects.filter(language_code=registration.language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated if translated is not None and translated.live else page


def private_link(registration):
    page = registration_page_for(registration)
    if page is None:
        return ""
    return page.get_full_url() + page.reverse_subpage("private_link", kwargs={"token": make_token(registration)})


# --- duplicates ------------------------------------------------------------------------------


def find_duplicates(entry):
    """Other entries of the same portal with the same fiscal code, or the same name in the same municipality.

    Only entries that are live or waiting in moderation count. The entry's latest revision is compared,
    so a pending change is checked too.
    """
    current = entry.get_latest_revision_as_object()
    portal_root = entry.get_ancestors().filter(depth=2).first()
    scope = Q()
    # Every language copy of the portal's tree.
    for root in Page.objects.filter(depth=2, translation_key=portal_root.translation_key):
        scope |= Q(path__startswith=root.path)
    match = Q()
    fiscal_code = normalize_fiscal_code(current.fiscal_code)
    if fiscal_code:
        match |= Q(fiscal_code=fiscal_code)
    if current.municipality:
        match |= Q(title__iexact=current.title.strip(), municipality__iexact=current.municipality.strip())
    if not match:
        return []
    matched = list(DirectoryEntryPage.objects.exclude(pk=entry.pk).filter(scope).filter(match).order_by("title"))
    pending = set(
        WorkflowState.objects.active()
        .filter(base_content_type_id=entry.get_base_content_type().pk, object_id__in=[str(p.pk) for p in matched])
        .values_list("object_id", flat=True)
    )
    return [other for other in matched if other.live or str(other.pk) in pending]


def describe_duplicates(entry):
    return "\n".join(
        f"{other.title} – {other.municipality} ({'pubblicata' if other.live else 'in attesa'}, id {other.pk})"
        for other in find_duplicates(entry)
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
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _submit_to_moderation(entry):
    """Start the portal's moderation workflow on the entry's latest revision (a fresh start after a change)."""
    for state in WorkflowState.objects.active().filter(
        base_content_type_id=entry.get_base_content_type().pk, object_id=str(entry.pk)
    ):
        state.cancel(user=None)
    workflow = entry.get_workflow()
    if workflow is not None:
        # Started by nobody: the public has no account. Wagtail allows a workflow without a requester.
        workflow.start(entry, user=None)


def _record_consent(registration, page, form, request):
    ConsentRecord.objects.create(registration=registration, **page.consent_record_kwargs(form, request))


@transaction.atomic
def create_registration(page, form, request):
    """A new, not live entry under the target directory, in moderation, with its consent. Emails after commit."""
    from .emails import send_registration_emails

    index = page.get_target_index()
    site = Site.find_for_request(request)
    entry = DirectoryEntryPage(locale_id=index.locale_id, live=False, owner=None)
    apply_form(entry, form, site)
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
    )
    _record_consent(registration, page, form, request)
    _submit_to_moderation(entry)
    registration.duplicate_notes = describe_duplicates(entry)
    registration.save(update_fields=["duplicate_notes"])
    transaction.on_commit(lambda: send_registration_emails(registration.pk, change=False))
    return registration


@transaction.atomic
def propose_change(registration, page, form, request):
    """A new revision of the entry in moderation; the live version stays as it is until approved."""
    from .emails import send_registration_emails

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
    _submit_to_moderation(entry)
    registration.duplicate_notes = describe_duplicates(entry)
    registration.save()
    transaction.on_commit(lambda: send_registration_emails(registration.pk, change=True))
    return registration


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
