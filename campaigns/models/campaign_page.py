from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import CallToActionBlock
from home.models import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin, page_tabs
from sites.blocks import HelplineBlock
from sites.fields import list_of, optional_link
from sites.querysets import PortalPageQuerySet

from .. import schedule
from ..blocks import CampaignBodyBlock, PartnerBlock, RelatedProjectsBlock, ResourceBlock

STATUS_LABELS = {
    schedule.UPCOMING: _("In programma"),
    schedule.RUNNING: _("In corso"),
    schedule.ARCHIVED: _("Conclusa"),
}


class CampaignPageQuerySet(PortalPageQuerySet):
    def not_archived(self, today=None):
        """Campaigns that are running or upcoming (yearly ones always are); the exact status needs ``schedule``."""
        today = today or timezone.localdate()
        return self.filter(Q(recurs_yearly=True) | Q(end_date__isnull=True) | Q(end_date__gte=today))

    def archived(self, today=None):
        today = today or timezone.localdate()
        return self.filter(recurs_yearly=False, end_date__lt=today)

    def for_listing(self):
        """What a card needs, without the long StreamFields."""
        return self.defer_streamfields()

    def originals(self):
        """Leaves out the portals' copies of a national campaign (the network shows the original once)."""
        return self.filter(copied_from__isnull=True)


CampaignPageManager = PageManager.from_queryset(CampaignPageQuerySet)


class CampaignPage(HeroImageMixin, BasePage):
    """An awareness campaign: its dates, key messages, helplines, materials and partners."""

    tagline = models.CharField(
        _("slogan"), max_length=200, blank=True, help_text=_("Una frase breve che riassume la campagna.")
    )
    intro = models.TextField(
        _("introduzione"), blank=True, help_text=_("Due o tre frasi: a chi si rivolge e cosa propone.")
    )
    start_date = models.DateField(
        _("data di inizio"),
        help_text=_("Per una campagna che si ripete ogni anno: il primo giorno della prima edizione."),
    )
    end_date = models.DateField(
        _("data di fine"),
        null=True,
        blank=True,
        help_text=_(
            "Vuota per una campagna senza scadenza. Per una campagna annuale: l'ultimo giorno della prima edizione."
        ),
    )
    recurs_yearly = models.BooleanField(
        _("si ripete ogni anno"),
        default=False,
        help_text=_("Es. 8 marzo, 25 novembre, 30 luglio: la campagna torna ogni anno negli stessi giorni."),
    )
    key_messages = StreamField(CampaignBodyBlock(), verbose_name=_("messaggi chiave"), blank=True)
    helplines = list_of(
        "helpline",
        HelplineBlock(),
        _("numeri di aiuto"),
        help_text=_("Nell'ordine in cui mostrarli. I numeri restano uguali in tutte le lingue."),
    )
    resources = list_of(
        "resource",
        ResourceBlock(),
        _("materiali"),
        help_text=_("Manifesti, volantini e guide da scaricare, ognuno con la sua lingua."),
    )
    partners = StreamField(PartnerBlock(), verbose_name=_("partner"), blank=True)
    related_projects = StreamField(RelatedProjectsBlock(), verbose_name=_("progetti collegati"), blank=True)
    call_to_action = list_of(
        "call_to_action",
        CallToActionBlock(),
        _("invito all'azione"),
        max_num=1,
        help_text=_("Un pulsante verso un modulo, una pagina o un indirizzo esterno."),
    )
    copied_from = optional_link("self", _("copiata dalla campagna nazionale"), related_name="copies", editable=False)

    objects = CampaignPageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("recurs_yearly")],
            heading=_("Date"),
        ),
        FieldPanel("key_messages"),
        FieldPanel("call_to_action"),
    ]
    help_panels = [FieldPanel("helplines"), FieldPanel("resources")]
    network_panels = [FieldPanel("partners"), FieldPanel("related_projects")]
    edit_handler = page_tabs(
        (_("Contenuto"), content_panels),
        (_("Aiuto e materiali"), help_panels),
        (_("Partner e progetti"), network_panels),
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("title", boost=3),
        index.SearchField("tagline", boost=2),
        index.SearchField("intro", boost=2),
        index.SearchField("key_messages"),
        index.SearchField("partners"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("recurs_yearly"),
    ]
    translatable_fields = HERO_PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("tagline"),
        TranslatableField("intro"),
        TranslatableField("key_messages"),
        # Names, hours and languages are translated; numbers (RegexBlock) stay those of the source.
        TranslatableField("helplines"),
        TranslatableField("resources"),
        TranslatableField("partners"),
        TranslatableField("related_projects"),
        TranslatableField("call_to_action"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("recurs_yearly"),
        SynchronizedField("copied_from"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.EventPage"]

    # Search result cards (home.search): the tagline, the introduction and the day the campaign starts.
    search_snippet_fields = ("tagline", "intro")

    def search_date(self):
        return self.start_date

    class Meta:
        verbose_name = _("campagna")
        verbose_name_plural = _("campagne")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La data di fine non può precedere quella di inizio.")})
        if (
            self.recurs_yearly
            and self.start_date
            and self.end_date
            and self.end_date - self.start_date >= timedelta(days=365)
        ):
            raise ValidationError({"end_date": _("Una campagna annuale deve durare meno di un anno.")})

    def get_schedule(self, today=None):
        return schedule.campaign_schedule(
            self.start_date, self.end_date, self.recurs_yearly, today or timezone.localdate()
        )

    @cached_property
    def schedule(self):
        return self.get_schedule()

    @property
    def status(self):
        return self.schedule.status

    @property
    def status_label(self):
        return STATUS_LABELS[self.schedule.status]

    def get_context(self, request, *args, **kwargs):
        from .event_page import EventPage

        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self).for_listing()
        now = timezone.now()
        context["upcoming_events"] = list(events.upcoming(now).order_by("start"))
        context["past_events"] = list(events.past(now).order_by("-start")[:10])
        context["share_url"] = self.get_full_url(request)
        context["share_title"] = self.tagline or self.title
        return context
