"""A representative object of each kind in Lucca, every one marked with ``MARK`` in its title,
file name or data, so a response that shows any of them to Siena's staff is easy to spot."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.test import Client, TestCase
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from forms.models import ListingRegistration
from sites.translation import translate
from tests.factories import StandardPageFactory
from tests.forms.conftest import image_upload, registration_data

MARK = "zafferano"
WORD = "Lucchesia"  # in every title too: what a search asks for (a query for MARK would echo it back)


@dataclass
class PortalObjects:
    draft: Page
    private: Page
    entry: Page  # a pending self-registration, in the moderators' workflow
    registration: ListingRegistration
    logo: object
    document: object
    form_page: Page
    submission: FormSubmission
    translation: Translation
    segment: StringSegment
    workflow_state: WorkflowState
    collection: Collection

    @property
    def pages(self):
        return [self.draft, self.private, self.entry]


def _section(site, slug):
    return Page.objects.child_of(site.root_page).get(slug=slug).specific


def submit_registration(site, name, **fields):
    """A self-registration sent through the public form: a draft entry in the moderators' workflow."""
    registration_page = _section(site, "iscrivi-la-tua-organizzazione")
    registration_page.target_index = _section(site, "associazioni")
    registration_page.save_revision().publish()
    data = registration_data(name=name, contact_email=f"{MARK}@example.org", logo_alt=f"Logo {MARK}", **fields)
    # Run on commit, as the task creating the entry runs.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = Client().post(registration_page.url, data, HTTP_HOST=site.hostname)
    assert response.status_code in (200, 302), response.content.decode()[:500]
    return ListingRegistration.objects.select_related("entry").get(entry__title=name)


def build_portal_objects(site):
    home = site.root_page.specific
    collection = Collection.objects.get(depth=2, name=site.site_name)

    draft = StandardPageFactory(parent=home, title=f"Bozza {WORD} {MARK}", slug=f"bozza-{MARK}", live=False)
    draft.save_revision()
    private = StandardPageFactory(parent=home, title=f"Riservata {WORD} {MARK}", slug=f"riservata-{MARK}")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="pw")

    registration = submit_registration(site, f"Donne {WORD} {MARK}", logo=image_upload(f"{MARK}.png"))
    entry = registration.entry.specific

    document = get_document_model().objects.create(
        title=f"Verbale {WORD} {MARK}",
        file=ContentFile(b"verbale riservato", name=f"verbale-{MARK}.txt"),
        collection=collection,
    )
    form_page = _section(site, "contatti")
    submission = FormSubmission.objects.create(page=form_page, form_data={"messaggio": f"Messaggio {WORD} {MARK}"})

    # A translation of the draft into English (the portal's home first: a child needs its parent translated).
    translate(home, "en", {}, publish=True)
    translate(draft, "en", {f"Bozza {WORD} {MARK}": f"Draft {MARK}"}, publish=False)
    translation = Translation.objects.get(source__object__translation_key=draft.translation_key)

    return PortalObjects(
        draft=draft,
        private=private,
        entry=entry,
        registration=registration,
        logo=entry.logo,
        document=document,
        form_page=form_page,
        submission=submission,
        translation=translation,
        segment=StringSegment.objects.filter(source=translation.source).first(),
        workflow_state=WorkflowState.objects.active().get(object_id=str(entry.pk)),
        collection=collection,
    )
