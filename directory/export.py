"""Open data: the public fields of a directory's live entries as CSV and JSON, under CC BY 4.0.

Columns are ``url`` followed by ``PUBLIC_FIELDS`` (see ``directory.models.entry_page``);
private fields (the contact person) are never exported. Lists (categories,
languages, target groups, services) are joined with "; " in CSV and are arrays in
JSON; languages, target groups and legal form are stable codes (see
``directory.choices``); opening hours are "weekday HH:MM-HH:MM" with the weekday
in English (monday … sunday). Text cells that a spreadsheet would run as a formula
get a leading apostrophe in CSV (``sites.spreadsheets``); JSON keeps the values as
they are. The licence is stated in the JSON metadata and, for
both formats, in the ``Link: <…>; rel="license"`` and ``X-License`` headers.
"""

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from sites.spreadsheets import spreadsheet_safe

from .models import PUBLIC_FIELDS

LICENSE_NAME = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
COLUMNS = ("url", *PUBLIC_FIELDS)


def _plain(html):
    return " ".join(strip_tags(html.replace("</p>", "</p> ")).split()) if html else ""


def entry_record(entry, request):
    """One entry's public fields as JSON-ready values (lists stay lists)."""
    record = {"url": entry.get_full_url(request)}
    for name in PUBLIC_FIELDS:
        if name == "description":
            value = _plain(entry.description)
        elif name == "categories":
            value = [category.name for category in entry.categories.all()]
        elif name in ("latitude", "longitude"):
            value = getattr(entry, name)
            value = float(value) if value is not None else None
        elif name == "opening_hours":
            value = [f"{WEEKDAYS[row.weekday]} {row.opens:%H:%M}-{row.closes:%H:%M}" for row in entry.opening_rows()]
        elif name == "services":
            value = entry.services_list
        elif name == "logo":
            value = request.build_absolute_uri(entry.logo.file.url) if entry.logo_id and entry.logo else ""
        elif name == "fiscal_code":
            value = entry.public_fiscal_code
        else:
            value = getattr(entry, name)
        record[name] = value
    return record


def _records(index, request):
    entries = index.entries().with_public_data().order_by("title", "pk")
    return [entry_record(entry, request) for entry in entries]


def _license_headers(response):
    response["Link"] = f'<{LICENSE_URL}>; rel="license"'
    response["X-License"] = LICENSE_NAME
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _filename(index, extension):
    return f"{slugify(index.title) or 'elenco'}.{extension}"


def _csv_cell(value):
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)  # coordinates: a negative number is a number, not a formula
    return spreadsheet_safe(str(value))


def csv_response(index, request):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in _records(index, request):
        writer.writerow([_csv_cell(record[column]) for column in COLUMNS])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{_filename(index, "csv")}"'
    return _license_headers(response)


def json_response(index, request):
    from sites.portal import get_portal

    records = _records(index, request)
    portal = get_portal(request).settings
    data = {
        "title": index.title,
        "kind": index.kind,
        "source": index.get_full_url(request),
        "publisher": portal.portal_name or request.get_host(),
        "license": {"id": LICENSE_NAME, "name": "Creative Commons Attribuzione 4.0 Internazionale", "url": LICENSE_URL},
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "count": len(records),
        "fields": list(COLUMNS),
        "entries": records,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{_filename(index, "json")}"'
    return _license_headers(response)
