"""iCalendar (.ics) files of events, for one event or a portal's upcoming ones."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vUri

# Without an end time an event shows in calendars as lasting this long.
DEFAULT_LENGTH = timedelta(hours=2)


def _event(page, request):
    rome = ZoneInfo(settings.TIME_ZONE)
    url = page.get_full_url(request)
    item = Event()
    # One event in one language: its page id is unique across the install and never changes.
    item.add("uid", f"evento-{page.pk}@{request.get_host().split(':')[0]}")
    item.add("dtstamp", page.last_published_at or timezone.now())
    item.add("dtstart", timezone.localtime(page.start, rome))
    item.add("dtend", timezone.localtime(page.end or page.start + DEFAULT_LENGTH, rome))
    item.add("summary", page.title)
    description = "\n\n".join(part for part in (page.summary, page.organiser, page.accessibility_notes, url) if part)
    item.add("description", description)
    location = page.location_text or page.online_url
    if location:
        item.add("location", location)
    if url:
        item.add("url", vUri(url))
    return item


def calendar_for(events, request, *, name):
    """The bytes of a calendar holding ``events`` (EventPage objects)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Pari Opportunita Portals//campagne//IT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for page in events:
        calendar.add_component(_event(page, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()
