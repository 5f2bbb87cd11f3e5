"""When a campaign runs: fixed dates, or the same days every year."""

from dataclasses import dataclass
from datetime import date, timedelta

UPCOMING = "upcoming"
RUNNING = "running"
ARCHIVED = "archived"


@dataclass(frozen=True)
class Schedule:
    status: str
    # The current occurrence while running, the next one while upcoming, the last one when archived.
    starts: date
    ends: date | None


def _on(year, month, day):
    """That day in ``year``; 29 February falls on 28 February in common years."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def campaign_schedule(start, end, recurs_yearly, today):
    """The status of a campaign on ``today``.

    A one-off campaign is upcoming before ``start``, running until ``end``
    (for ever if there is no end) and archived afterwards. A yearly campaign
    repeats the days from ``start`` to ``end`` every year from ``start`` on
    (a window may span New Year: 20 December – 6 January); between two
    occurrences it is upcoming, and it is never archived.
    """
    if not recurs_yearly:
        if today < start:
            return Schedule(UPCOMING, start, end)
        if end is None or today <= end:
            return Schedule(RUNNING, start, end)
        return Schedule(ARCHIVED, start, end)

    length = (end - start) if end and end >= start else timedelta(0)
    if today < start:
        return Schedule(UPCOMING, start, start + length)
    # The occurrence that began last year may still be running (a window across New Year).
    for year in (today.year - 1, today.year, today.year + 1):
        begins = _on(year, start.month, start.day)
        ends = begins + length
        if begins <= today <= ends:
            return Schedule(RUNNING, begins, ends)
        if begins > today:
            return Schedule(UPCOMING, begins, ends)
    raise AssertionError("unreachable: an occurrence starts within a year")  # pragma: no cover
