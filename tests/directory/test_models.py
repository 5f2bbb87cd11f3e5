import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from directory.models import PRIVATE_FIELDS, PUBLIC_FIELDS, DirectoryEntryPage, DirectoryIndexPage
from home.models import HomePage
from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory, DirectoryOpeningHoursFactory

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


def test_the_world_has_the_three_directories_with_their_kind(siena):
    kinds = dict(DirectoryIndexPage.objects.descendant_of(siena.root_page).values_list("slug", "kind"))
    assert kinds == {"associazioni": "association", "imprese-femminili": "business", "centri-e-servizi": "service"}


def test_page_tree_rules():
    assert DirectoryEntryPage.can_create_at(DirectoryIndexPage())
    assert not DirectoryEntryPage.can_create_at(HomePage())
    assert DirectoryIndexPage.can_create_at(HomePage())
    assert not DirectoryIndexPage.can_create_at(DirectoryIndexPage())


def test_public_and_private_fields_are_model_fields_and_disjoint():
    names = {field.name for field in DirectoryEntryPage._meta.get_fields()}
    assert set(PUBLIC_FIELDS) <= names
    assert set(PRIVATE_FIELDS) <= names
    assert not set(PUBLIC_FIELDS) & set(PRIVATE_FIELDS)


def test_is_open_at_uses_rome_time_and_several_slots(siena_services):
    entry = DirectoryEntryPageFactory(parent=siena_services)
    DirectoryOpeningHoursFactory(entry=entry, weekday=0, opens=datetime.time(9), closes=datetime.time(13))
    DirectoryOpeningHoursFactory(entry=entry, weekday=0, opens=datetime.time(15), closes=datetime.time(18))
    entry = DirectoryEntryPage.objects.get(pk=entry.pk)
    monday = datetime.date(2026, 11, 23)  # a Monday (winter time, UTC+1)
    assert entry.is_open_at(datetime.datetime.combine(monday, datetime.time(9), tzinfo=ROME))
    assert entry.is_open_at(datetime.datetime.combine(monday, datetime.time(12, 59), tzinfo=ROME))
    assert not entry.is_open_at(datetime.datetime.combine(monday, datetime.time(13), tzinfo=ROME))
    assert entry.is_open_at(datetime.datetime.combine(monday, datetime.time(16), tzinfo=ROME))
    # 08:30 UTC is 09:30 in Rome: open.
    assert entry.is_open_at(datetime.datetime(2026, 11, 23, 8, 30, tzinfo=datetime.UTC))
    # Summer time: 07:30 UTC is 09:30 in Rome (UTC+2) on a Monday.
    assert entry.is_open_at(datetime.datetime(2026, 6, 1, 7, 30, tzinfo=datetime.UTC))
    assert not entry.is_open_at(
        datetime.datetime.combine(monday + datetime.timedelta(days=1), datetime.time(10), tzinfo=ROME)
    )
    assert [(day, len(rows)) for day, rows in entry.opening_days()] == [("lunedì", 2)]


def test_clean_requires_logo_alt_and_both_coordinates(siena_associations):
    entry = DirectoryEntryPage(title="X", short_description="Y", latitude="43.1")
    with pytest.raises(ValidationError) as raised:
        entry.clean()
    assert "longitude" in raised.value.message_dict


def test_opening_hours_must_close_after_they_open():
    from directory.models import DirectoryOpeningHours

    row = DirectoryOpeningHours(weekday=1, opens=datetime.time(14), closes=datetime.time(9))
    with pytest.raises(ValidationError):
        row.clean()


def test_invalid_fiscal_code_is_refused_when_saving(siena_associations):
    with pytest.raises(ValidationError) as raised:
        DirectoryEntryPageFactory(parent=siena_associations, fiscal_code="12345678901")
    assert "fiscal_code" in raised.value.message_dict


def test_languages_and_target_groups_round_trip_through_db_and_revisions(siena_associations):
    entry = DirectoryEntryPageFactory(parent=siena_associations, languages=["it", "ar"], target_groups=["women"])
    revision = entry.save_revision()
    entry = DirectoryEntryPage.objects.get(pk=entry.pk)
    assert entry.languages == ["it", "ar"]
    assert revision.as_object().languages == ["it", "ar"]
    assert entry.language_labels() == ["italiano", "arabo"]
    assert list(DirectoryEntryPage.objects.speaking("ar")) == [entry]
    assert not DirectoryEntryPage.objects.speaking("en").exists()


def test_personal_fiscal_code_is_kept_but_never_public(siena_associations):
    person = DirectoryEntryPageFactory(parent=siena_associations, fiscal_code="rssmra85t10a562s")
    organisation = DirectoryEntryPageFactory(parent=siena_associations, fiscal_code="12345678903")
    assert person.fiscal_code == "RSSMRA85T10A562S"
    assert person.public_fiscal_code == ""
    assert organisation.public_fiscal_code == "12345678903"


def test_admin_form_offers_only_the_categories_of_the_directory_kind(siena_services):
    service = DirectoryCategoryFactory(kind="service", name="Ascolto")
    DirectoryCategoryFactory(kind="association", name="Cultura")
    form_class = DirectoryEntryPage.get_edit_handler().get_form_class()
    form = form_class(
        instance=DirectoryEntryPage(locale=siena_services.locale), parent_page=siena_services, for_user=None
    )
    assert list(form.fields["categories"].queryset) == [service]


def test_entries_are_children_of_one_directory(siena_associations, siena_services):
    entry = DirectoryEntryPageFactory(parent=siena_associations)
    assert list(siena_associations.entries()) == [entry]
    assert not siena_services.entries().exists()
    assert Page.objects.get(pk=entry.pk).get_parent().specific.kind == "association"
