"""Live pages inserted under a parent in bulk, without Wagtail's one-page-at-a-time tree moves.

``add_child`` locks and rewrites the parent for every page; here the tree paths of a whole batch are
computed at once (the next free steps after the parent's last child), the ``wagtailcore_page`` rows
go in with one ``bulk_create`` and the page type's own table with one insert, and the parent's
``numchild`` is raised once. Pages get no revisions: editing one in the admin starts its history.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

BATCH = 500


def next_steps(parent):
    """The tree step number after the parent's last child (1 for a parent without children)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(last[-Page.steplen :], 36) + 1 if last else 1


def _page_row(page):
    return Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields})


@transaction.atomic
def add_live_children(parent, pages):
    """Save ``pages`` (unsaved instances of one page type) as live children of ``parent``, in tree order."""
    if not pages:
        return []
    model = type(pages[0])
    assert list(model._meta.parents) == [Page], "one table below Page"
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    step = next_steps(parent)
    for number, page in enumerate(pages, start=step):
        page.depth = parent.depth + 1
        page.path = parent.path + Page._int2str(number).rjust(Page.steplen, "0")
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        for page, row in zip(batch, Page.objects.bulk_create([_page_row(page) for page in batch]), strict=True):
            page.id = page.page_ptr_id = row.id
        model._base_manager._insert(batch, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages
