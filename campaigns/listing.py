"""Which campaigns and events a portal (or the network) shows: the listing logic, out of templates."""

from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page

from . import schedule


def campaigns_in(portal, fallback=True):
    """Live, public campaigns of a portal in its active language, or of every portal on the network site."""
    from .models import CampaignPage

    campaigns = CampaignPage.objects.live().public().in_scope(portal).in_language(portal.locale, fallback=fallback)
    # The network shows a national campaign once, not once more for each portal's copy.
    return campaigns.originals() if portal.is_network else campaigns


def events_in(portal, fallback=True):
    """Live, public events of a portal in its active language, or of every portal on the network site
    (each national event once)."""
    from .models import CampaignPage, EventPage

    events = EventPage.objects.live().public().in_scope(portal).in_language(portal.locale, fallback=fallback)
    if portal.is_network:
        # Events inside the portals' copies of a national campaign repeat the network's own.
        copies = CampaignPage.objects.filter(copied_from__isnull=False).values("path")
        return events.annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen)).exclude(
            parent_path__in=copies
        )
    return events


def current_campaigns(queryset, today=None):
    """(running, upcoming): running ones by start (newest first), upcoming ones by next start."""
    today = today or timezone.localdate()
    running, upcoming = [], []
    for campaign in queryset.not_archived(today):
        campaign.schedule = campaign.get_schedule(today)
        if campaign.schedule.status == schedule.RUNNING:
            running.append(campaign)
        elif campaign.schedule.status == schedule.UPCOMING:
            upcoming.append(campaign)
    running.sort(key=lambda c: (c.schedule.starts, c.pk), reverse=True)
    upcoming.sort(key=lambda c: (c.schedule.starts, c.pk))
    return running, upcoming


def first_over(events):
    """When the first of these events not over yet is over (its end, or its start when it has none), or None:
    a list of them stays the same until then, or until something is published (see sites.navigation)."""
    return min((event.end or event.start for event in events), default=None)
