import io

import pytest
from django.core.management import call_command

from directory.models import DirectoryEntryPage, DirectoryIndexPage
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def grow(**sizes):
    out = io.StringIO()
    call_command("grow", portal="siena.localhost", stdout=out, **sizes)
    return out.getvalue()


@pytest.fixture
def siena_associations(siena):
    return DirectoryIndexPage.objects.child_of(siena.root_page).get(slug="associazioni")


def examples(model, language="it"):
    return model.objects.live().filter(slug__startswith="esempio-", locale__language_code=language)


def test_grow_adds_live_example_pages_that_the_portal_lists(client, siena_associations, settings):
    settings.PAGE_CACHE = False
    output = grow(projects=3, entries=12, languages=2)
    assert "entries: 12/12" in output and "projects: 3/3" in output

    entries = examples(DirectoryEntryPage)
    assert entries.count() == 12
    assert all(entry.get_parent().pk == siena_associations.pk for entry in entries)
    response = client.get("/it/associazioni/", HTTP_HOST="siena.localhost")
    listed = {entry.title for entry in response.context["entries"]}
    assert {entry.title for entry in entries} <= listed
    first = entries.order_by("path").first()
    page = client.get(f"/it/associazioni/{first.slug}/", HTTP_HOST="siena.localhost")
    assert page.status_code == 200 and first.short_description in page.content.decode()

    projects = examples(ProjectPage)
    assert projects.count() == 3
    project = projects.first()
    sheet = client.get(f"/it/{project.get_parent().slug}/{project.slug}/", HTTP_HOST="siena.localhost")
    assert sheet.status_code == 200 and project.summary in sheet.content.decode()

    # Every tenth item is translated: entries 0 and 10, project 0, listed in English.
    english = client.get("/en/associazioni/", HTTP_HOST="siena.localhost")
    assert english.status_code == 200
    assert "Example entry: an organisation in" in english.content.decode()
    assert examples(DirectoryEntryPage, "en").count() == 2
    assert examples(ProjectPage, "en").count() == 1


def test_grow_again_tops_up_to_the_requested_counts(siena_associations):
    grow(projects=3, entries=12, languages=1)
    grow(projects=3, entries=12, languages=1)
    assert examples(DirectoryEntryPage).count() == 12
    assert examples(ProjectPage).count() == 3
    assert "adding 2" in grow(projects=3, entries=14, languages=1)
    assert examples(DirectoryEntryPage).count() == 14
    assert examples(ProjectPage).count() == 3
    # Tree paths stay consistent: the directory counts its children.
    siena_associations.refresh_from_db()
    assert siena_associations.numchild == siena_associations.get_children().count()
