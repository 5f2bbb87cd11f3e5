"""Every CSV/XLSX export neutralises cells a spreadsheet would run as formulas (one helper for all)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from sites.spreadsheets import spreadsheet_safe
from tests.directory.conftest import directory_of
from tests.factories import DirectoryEntryPageFactory
from tests.forms.conftest import section

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", FORMULAS)
def test_helper_prefixes_formula_text(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Centro antiviolenza", "", "1522", 3, -3.5, None, "a=b"])
def test_helper_leaves_other_values_alone(value):
    assert spreadsheet_safe(value) == value


@pytest.mark.django_db
def test_open_data_csv_escapes_every_formula_prefix(client, siena):
    index = directory_of(siena)
    for number, formula in enumerate(FORMULAS):
        DirectoryEntryPageFactory(parent=index, title=f"Voce {number}", short_description=formula)
    response = client.get("/it/associazioni/export.csv", HTTP_HOST="siena.localhost")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["short_description"] for row in rows) == sorted("'" + formula for formula in FORMULAS)


@pytest.fixture
def submissions(lucca):
    page = section(lucca, "contatti")
    for formula in FORMULAS:
        FormSubmission.objects.create(
            page=page, form_data={"nome": formula, "email": "a@example.org", "messaggio": "Ciao"}
        )
    return page


def _export(client, page, user, export_format):
    client.force_login(user)
    url = reverse("wagtailforms:list_submissions", args=[page.pk]) + f"?export={export_format}"
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_form_submissions_csv_escapes_formulas(client, submissions, user_in):
    response = _export(client, submissions, user_in("lucca", "editors"), "csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    names = [row[1] for row in rows[1:]]  # submission date, then the fields in order
    assert sorted(names) == sorted("'" + formula for formula in FORMULAS)
    assert all(row[3] == "Ciao" for row in rows[1:])


@pytest.mark.django_db
def test_form_submissions_xlsx_escapes_formulas(client, submissions, user_in):
    response = _export(client, submissions, user_in("lucca", "moderators"), "xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    # XML keeps no bare carriage return: the sheet reads it back as a line feed.
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted("'" + formula.replace("\r", "\n") for formula in FORMULAS)
