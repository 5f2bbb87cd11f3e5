from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.listing import paginate
from home.models import BasePage
from sites.portal import get_portal
from sites.utils import portal_root

from .. import listing

ARCHIVE_PER_PAGE = 12
EVENTS_ON_INDEX = 6


class CampaignIndexPage(RoutablePageMixin, BasePage):
    """The "Campagne" section: running campaigns, upcoming ones, the archive by year and the next events.

    It is also the portal's events index (events may sit directly under it) and
    serves the portal's calendar of upcoming events at ``ical/``. On the
    network site it lists the campaigns and events of every portal.
    """

    intro = models.TextField(_("introduzione"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = BasePage.page_translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage", "campaigns.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("indice delle campagne")
        verbose_name_plural = _("indici delle campagne")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        portal = get_portal(request)
        campaigns = listing.campaigns_in(portal).for_listing().with_card_images()
        today = timezone.localdate()
        context["running"], context["upcoming"] = listing.current_campaigns(campaigns, today)
        archive = campaigns.archived(today).order_by("-start_date", "-pk")
        context["page_obj"] = paginate(request, archive, ARCHIVE_PER_PAGE)
        events = listing.events_in(portal).for_listing().upcoming().order_by("start")
        context["events"] = list(events[:EVENTS_ON_INDEX])
        context["is_network"] = portal.is_network
        context["calendar_url"] = self.get_url(request) + self.reverse_subpage("calendar")
        return context

    def get_cached_paths(self):
        # The calendar lists the same events: a proxy must drop it with the page.
        return ["/", self.reverse_subpage("calendar")]

    @path("ical/", name="calendar")
    def calendar(self, request):
        """The iCal feed of the portal's upcoming events in this language (every portal's on the network)."""
        from ..ical import calendar_for

        portal = get_portal(request)
        # A calendar is one language's channel: no Italian fallback (see PortalPageQuerySet.in_language).
        events = listing.events_in(portal, fallback=False).upcoming().order_by("start")
        root = portal_root(self)
        portal_name = (portal.site.site_name or root.title) if portal.is_network else root.title
        body = calendar_for(events, request, name=f"{portal_name} – {self.title}")
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response
