"""Cells that are safe to open in a spreadsheet, for every CSV/XLSX export the project writes.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``,
``-`` or ``@`` (and, after a tab or carriage return, whatever follows) as a
formula: text typed by a citizen in a public form must never become one. The
open-data export (``directory.export``) and the staff export of form submissions
(``forms.submissions``) both go through ``spreadsheet_safe``.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Return ``value`` with a leading apostrophe if a spreadsheet would read it as a formula.

    Only text is changed: numbers and dates are written as such, so ``-3`` stays
    a number while the text ``"-3+A1"`` becomes ``"'-3+A1"``.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
