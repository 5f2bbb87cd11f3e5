import json

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin
from sites.fields import optional_link
from sites.querysets import PortalPageQuerySet

# Characters that would let a value close the <script> element holding JSON-LD.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class EventPageQuerySet(PortalPageQuerySet):
    def upcoming(self, now=None):
        """Events not over yet: those still going on, and those to come."""
        now = now or timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now))

    def for_listing(self):
        return self.defer_streamfields()


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(RoutablePageMixin, HeroImageMixin, BasePage):
    """A meeting, a school session, a public event: when, where, how to take part."""

    summary = models.TextField(_("in breve"), blank=True, help_text=_("Due o tre frasi su cosa succede e per chi."))
    start = models.DateTimeField(_("inizio"), help_text=_("Data e ora, ora italiana."))
    end = models.DateTimeField(_("fine"), null=True, blank=True, help_text=_("Data e ora, ora italiana."))
    place_name = models.CharField(_("luogo"), max_length=200, blank=True, help_text=_("Es. Sala del Consiglio"))
    address = models.CharField(_("indirizzo"), max_length=250, blank=True)
    municipality = models.CharField(_("comune"), max_length=120, blank=True)
    online_url = models.URLField(
        _("collegamento per partecipare online"), blank=True, help_text=_("Per un evento online o in diretta.")
    )
    accessibility_notes = models.TextField(
        _("accessibilità"),
        blank=True,
        help_text=_("Es. sala senza barriere, interpretariato LIS, sottotitoli, spazio bimbi."),
    )
    organiser = models.CharField(_("organizzato da"), max_length=200, blank=True)
    registration_page = optional_link(
        "wagtailcore.Page", _("modulo di iscrizione"), help_text=_("Un modulo del portale per iscriversi.")
    )
    registration_url = models.URLField(
        _("iscrizione su un altro sito"), blank=True, help_text=_("In alternativa al modulo del portale.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenuto"), blank=True)

    objects = EventPageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Quando")),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("municipality"),
                FieldPanel("online_url"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Dove"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                PageChooserPanel("registration_page", page_type="forms.FormPage"),
                FieldPanel("registration_url"),
            ],
            heading=_("Organizzazione e iscrizione"),
        ),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("place_name"),
        index.SearchField("municipality"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    translatable_fields = HERO_PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("place_name"),
        TranslatableField("accessibility_notes"),
        TranslatableField("organiser"),
        TranslatableField("body"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("address"),
        SynchronizedField("municipality"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_page"),
        SynchronizedField("registration_url"),
    ]

    parent_page_types = ["campaigns.CampaignPage", "campaigns.CampaignIndexPage"]
    subpage_types = []

    # Search result cards (home.search): the summary and when the event starts.
    search_snippet_fields = ("summary",)

    def search_date(self):
        return self.start

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventi")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("La fine non può precedere l'inizio.")
        if self.registration_page_id and self.registration_url:
            errors["registration_url"] = _("Scegli un modulo del portale oppure un indirizzo esterno (uno solo).")
        if not (self.place_name or self.address or self.online_url):
            errors["place_name"] = _("Indica il luogo oppure il collegamento per partecipare online.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_in_person(self):
        return bool(self.place_name or self.address)

    @property
    def location_text(self):
        return ", ".join(part for part in (self.place_name, self.address, self.municipality) if part)

    def registration_link(self, request=None):
        if self.registration_page_id and self.registration_page and self.registration_page.live:
            return self.registration_page.localized.get_url(request)
        return self.registration_url

    def json_ld(self, request=None):
        """schema.org Event, ready to sit in a <script type="application/ld+json">."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": timezone.localtime(self.start).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
        }
        if self.end:
            data["endDate"] = timezone.localtime(self.end).isoformat()
        if self.summary:
            data["description"] = self.summary
        locations = []
        if self.is_in_person:
            place = {"@type": "Place", "name": self.place_name or self.address}
            if self.address or self.municipality:
                address = {"streetAddress": self.address, "addressLocality": self.municipality}
                place["address"] = {
                    "@type": "PostalAddress",
                    **{key: value for key, value in address.items() if value},
                    "addressCountry": "IT",
                }
            locations.append(place)
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.is_online and self.is_in_person:
            mode = "MixedEventAttendanceMode"
        elif self.is_online:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        data["eventAttendanceMode"] = f"https://schema.org/{mode}"
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        return json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)

    def get_context(self, request, *args, **kwargs):
        from .campaign_page import CampaignPage

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = self.json_ld(request)
        context["ics_url"] = self.get_url(request) + self.reverse_subpage("ics")
        context["registration_url"] = self.registration_link(request)
        parent = self.get_parent().specific_deferred
        context["campaign"] = parent if isinstance(parent, CampaignPage) else None
        return context

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("ics")]

    @path("ical/", name="ics")
    def ics(self, request):
        from ..ical import calendar_for

        body = calendar_for([self], request, name=self.title)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
