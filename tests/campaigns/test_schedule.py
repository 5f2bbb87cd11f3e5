"""A campaign's status comes from its dates: upcoming, running, archived; yearly ones come back every year."""

from datetime import date

import pytest

from campaigns.schedule import ARCHIVED, RUNNING, UPCOMING, campaign_schedule


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2025, 2, 28), UPCOMING),
        (date(2025, 3, 1), RUNNING),
        (date(2025, 4, 30), RUNNING),
        (date(2025, 5, 1), ARCHIVED),
    ],
)
def test_one_off_campaign_status_follows_its_dates(today, status):
    assert campaign_schedule(date(2025, 3, 1), date(2025, 4, 30), False, today).status == status


def test_campaign_without_end_keeps_running():
    # "Con Anna" has run since 2006 and has no end date.
    assert campaign_schedule(date(2006, 1, 1), None, False, date(2026, 11, 22)).status == RUNNING
    assert campaign_schedule(date(2027, 1, 1), None, False, date(2026, 11, 22)).status == UPCOMING


def test_yearly_single_day_campaign_runs_that_day_every_year_and_is_never_archived():
    first = date(2019, 3, 8)  # 8 March
    on_the_day = campaign_schedule(first, None, True, date(2026, 3, 8))
    assert (on_the_day.status, on_the_day.starts) == (RUNNING, date(2026, 3, 8))
    day_after = campaign_schedule(first, None, True, date(2026, 3, 9))
    assert (day_after.status, day_after.starts) == (UPCOMING, date(2027, 3, 8))
    before = campaign_schedule(first, None, True, date(2026, 1, 10))
    assert (before.status, before.starts) == (UPCOMING, date(2026, 3, 8))


def test_yearly_campaign_before_its_first_edition_is_upcoming():
    schedule = campaign_schedule(date(2027, 11, 25), date(2027, 12, 10), True, date(2026, 12, 1))
    assert (schedule.status, schedule.starts, schedule.ends) == (UPCOMING, date(2027, 11, 25), date(2027, 12, 10))


@pytest.mark.parametrize(
    ("today", "status", "starts", "ends"),
    [
        # A window from 20 December to 6 January, first held in 2020.
        (date(2025, 12, 19), UPCOMING, date(2025, 12, 20), date(2026, 1, 6)),
        (date(2025, 12, 20), RUNNING, date(2025, 12, 20), date(2026, 1, 6)),
        (date(2025, 12, 31), RUNNING, date(2025, 12, 20), date(2026, 1, 6)),
        # After New Year the occurrence that began last December is still running.
        (date(2026, 1, 1), RUNNING, date(2025, 12, 20), date(2026, 1, 6)),
        (date(2026, 1, 6), RUNNING, date(2025, 12, 20), date(2026, 1, 6)),
        (date(2026, 1, 7), UPCOMING, date(2026, 12, 20), date(2027, 1, 6)),
        (date(2026, 7, 30), UPCOMING, date(2026, 12, 20), date(2027, 1, 6)),
    ],
)
def test_yearly_campaign_spanning_new_year(today, status, starts, ends):
    schedule = campaign_schedule(date(2020, 12, 20), date(2021, 1, 6), True, today)
    assert (schedule.status, schedule.starts, schedule.ends) == (status, starts, ends)


def test_yearly_campaign_on_29_february_falls_on_28_february_in_common_years():
    schedule = campaign_schedule(date(2024, 2, 29), None, True, date(2025, 2, 28))
    assert (schedule.status, schedule.starts) == (RUNNING, date(2025, 2, 28))
