from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from home.listing import with_renditions
from sites import navigation
from sites.portal import Portal, get_portal
from sites.utils import portal_site

from . import listing

HOME_CAMPAIGNS = 3
HOME_EVENTS = 3


@hooks.register("portal_home_panels")
def running_campaigns_and_next_events(request, home_page):
    """The home page features the running campaigns and the next events of that portal and language
    (of every portal on the network site). Nothing to show: no panel."""
    from .models import CampaignIndexPage, CampaignPage

    portal = get_portal(request)
    now, today = timezone.now(), timezone.localdate()

    def panel():
        campaigns = listing.campaigns_in(portal).for_listing().with_card_images()
        running, _upcoming = listing.current_campaigns(campaigns, today)
        events = list(listing.events_in(portal).for_listing().upcoming(now).order_by("start")[:HOME_EVENTS])
        index = CampaignIndexPage.objects.live().public().child_of(home_page).first()
        running = with_renditions(running[:HOME_CAMPAIGNS], "hero_image", CampaignPage.card_image_spec)
        return {"running": running, "events": events, "index": index}

    # The same for every visitor of the home page on a given day, until an event is over or something is published.
    found = navigation.cached(
        f"campaigns:home-panel:{home_page.pk}:{portal.language_code}:{today.isoformat()}",
        panel,
        expires=lambda found: listing.first_over(found["events"]),
    )
    if not found["running"] and not found["events"]:
        return None
    return {"template": "campaigns/includes/home_panel.html", **found, "show_portal": portal.is_network}


@hooks.register("register_admin_urls")
def copy_to_portals_url():
    from .views import copy_to_portals

    return [path("campaigns/<int:page_id>/copy-to-portals/", copy_to_portals, name="campaigns_copy_to_portals")]


def _copy_button(page, user, priority):
    from .views import can_copy_to_portals

    if can_copy_to_portals(user, page) and Portal(portal_site(page)).is_network:
        yield Button(
            _("Copia nei portali"),
            reverse("campaigns_copy_to_portals", args=[page.pk]),
            icon_name="copy",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def copy_to_portals_listing_button(page, user, next_url=None):
    yield from _copy_button(page, user, priority=25)


@hooks.register("register_page_header_buttons")
def copy_to_portals_header_button(page, user, view_name=None, next_url=None):
    yield from _copy_button(page, user, priority=35)
