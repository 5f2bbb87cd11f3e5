"""The staff view of a form's submissions, whose CSV and XLSX exports are safe to open in a spreadsheet."""

from wagtail.contrib.forms.views import SubmissionsListView

from sites.spreadsheets import spreadsheet_safe


class SpreadsheetSafeSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list; exported cells and headings go through ``spreadsheet_safe``.

    Citizens type the values and editors the field labels: neither may become a
    formula in the office's spreadsheet.
    """

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return spreadsheet_safe(super().get_heading(queryset, field))
