import csv
import datetime
import io
import json

import pytest

from directory.models import PRIVATE_FIELDS, PUBLIC_FIELDS
from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory, DirectoryOpeningHoursFactory

pytestmark = pytest.mark.django_db

PRIVATE_VALUES = ("Giulia Privata", "giulia.privata@example.org", "333 1111111")


@pytest.fixture
def entries(siena_associations, lucca_associations):
    category = DirectoryCategoryFactory(kind="association", name="Città e diritti")
    entry = DirectoryEntryPageFactory(
        parent=siena_associations,
        title="Àncora – Donne ñ 女性",
        short_description='Virgole, "virgolette" e a capo\nnel testo.',
        description="<p>Prima riga.</p><p>Seconda riga.</p>",
        categories=[category],
        languages=["it", "zh"],
        latitude="43.318800",
        longitude="11.330800",
        fiscal_code="12345678903",
        contact_name=PRIVATE_VALUES[0],
        contact_email=PRIVATE_VALUES[1],
        contact_phone=PRIVATE_VALUES[2],
        show_contact_person=True,  # shown on the page if asked, but never exported
    )
    DirectoryOpeningHoursFactory(entry=entry, weekday=2, opens=datetime.time(9), closes=datetime.time(12, 30))
    DirectoryEntryPageFactory(parent=siena_associations, title="Persona fisica", fiscal_code="RSSMRA85T10A562S")
    DirectoryEntryPageFactory(parent=siena_associations, title="Bozza", live=False)
    DirectoryEntryPageFactory(parent=lucca_associations, title="Di Lucca")
    return entry


def _get(client, extension, host="siena.localhost", trailing=""):
    return client.get(f"/it/associazioni/export.{extension}{trailing}", HTTP_HOST=host)


def test_csv_export_has_public_fields_of_live_entries_only(client, entries):
    response = _get(client, "csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["X-License"] == "CC-BY-4.0"
    body = response.content.decode("utf-8")  # strict: fails on anything but UTF-8
    rows = list(csv.DictReader(io.StringIO(body)))
    assert list(rows[0].keys()) == ["url", *PUBLIC_FIELDS]
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {"Àncora – Donne ñ 女性", "Persona fisica"}
    first = by_title["Àncora – Donne ñ 女性"]
    assert first["url"] == f"http://siena.localhost:8000/it/associazioni/{entries.slug}/"
    assert first["short_description"] == 'Virgole, "virgolette" e a capo\nnel testo.'
    assert first["description"] == "Prima riga. Seconda riga."
    assert first["categories"] == "Città e diritti"
    assert first["languages"] == "it; zh"
    assert first["opening_hours"] == "wednesday 09:00-12:30"
    assert first["latitude"] == "43.3188"
    assert first["fiscal_code"] == "12345678903"
    assert by_title["Persona fisica"]["fiscal_code"] == ""  # a person's codice fiscale is never published
    for value in PRIVATE_VALUES:
        assert value not in body
    for name in PRIVATE_FIELDS:
        assert name not in rows[0]


def test_json_export_states_the_licence_and_has_no_private_field(client, entries):
    response = _get(client, "json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "女性" in response.content.decode("utf-8")  # real UTF-8, not \\u escapes
    data = json.loads(response.content)
    assert data["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["license"]["id"] == "CC-BY-4.0"
    assert data["publisher"] == "Pari Opportunità Siena"
    assert data["count"] == 2
    assert data["fields"] == ["url", *PUBLIC_FIELDS]
    first = next(entry for entry in data["entries"] if entry["title"] == entries.title)
    assert set(first) == {"url", *PUBLIC_FIELDS}
    assert first["languages"] == ["it", "zh"]
    assert first["categories"] == ["Città e diritti"]
    assert first["latitude"] == 43.3188
    assert first["opening_hours"] == ["wednesday 09:00-12:30"]
    text = response.content.decode()
    for value in PRIVATE_VALUES:
        assert value not in text
    assert "Di Lucca" not in text and "Bozza" not in text


def test_exports_answer_with_a_trailing_slash_and_per_portal(client, entries):
    assert _get(client, "csv", trailing="/").status_code == 200
    lucca = json.loads(_get(client, "json", host="lucca.localhost").content)
    assert [entry["title"] for entry in lucca["entries"]] == ["Di Lucca"]


def test_index_links_to_the_exports_and_states_the_licence(client, entries):
    html = client.get("/it/associazioni/", HTTP_HOST="siena.localhost").content.decode()
    assert 'href="/it/associazioni/export.csv"' in html
    assert 'href="/it/associazioni/export.json"' in html
    assert "CC BY 4.0" in html


def test_formula_like_cells_are_neutralised_in_csv(client, siena_associations):
    DirectoryEntryPageFactory(parent=siena_associations, title="Formula", short_description="=HYPERLINK(1)")
    body = _get(client, "csv").content.decode()
    assert "'=HYPERLINK(1)" in body
