"""Partial dates of a project sheet: a year, a month of a year or a full date.

Sheets say "dal 1998" or "Novembre 2023 – Ottobre 2025" as often as they give a
day, so a project stores year, month and day separately (month and day
optional) and these helpers turn them into dates and Italian text.
"""

import calendar
import datetime

from django.utils.dates import MONTHS
from django.utils.translation import gettext


def is_valid(year, month=None, day=None):
    if not year:
        return not month and not day
    if day and not month:
        return False
    if month and not 1 <= month <= 12:
        return False
    if day:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return False
    return True


def first_day(year, month=None, day=None):
    """The first day a partial date can mean (2023-11 → 1 November 2023)."""
    if not year:
        return None
    return datetime.date(year, month or 1, day or 1)


def last_day(year, month=None, day=None):
    """The last day a partial date can mean (2025-10 → 31 October 2025, 1998 → 31 December 1998)."""
    if not year:
        return None
    if not month:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month, day or calendar.monthrange(year, month)[1])


def label(year, month=None, day=None):
    """'1998', 'novembre 2023', '12 novembre 2023' in the active language."""
    if not year:
        return ""
    if not month:
        return str(year)
    month_name = str(MONTHS[month]).lower()
    if not day:
        return f"{month_name} {year}"
    return f"{day} {month_name} {year}"


def period_label(start, end, ongoing):
    """Human text of a duration; ``start`` and ``end`` are (year, month, day) triples."""
    start_text, end_text = label(*start), label(*end)
    if start_text and end_text:
        return f"{start_text} – {end_text}"
    if start_text and ongoing:
        return gettext("dal %(start)s, tuttora in corso") % {"start": start_text}
    if start_text:
        return gettext("dal %(start)s") % {"start": start_text}
    if end_text:
        return gettext("fino a %(end)s") % {"end": end_text}
    if ongoing:
        return gettext("in corso")
    return ""
