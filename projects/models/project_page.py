import datetime
import json

from django import forms
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin, page_tabs
from projects import dates
from projects.blocks import ActivityBlock, BeneficiaryBlock, ObjectiveBlock, ProjectDocumentBlock, ResultBlock
from sites import languages
from sites.fields import optional_link
from sites.querysets import PortalPageQuerySet


class Scope(models.TextChoices):
    MUNICIPAL = "municipal", _("Comunale")
    INTERMUNICIPAL = "intermunicipal", _("Intercomunale")
    PROVINCIAL = "provincial", _("Provinciale")
    REGIONAL = "regional", _("Regionale")
    NATIONAL = "national", _("Nazionale")
    EUROPEAN = "european", _("Europeo")


class Status(models.TextChoices):
    PLANNED = "planned", _("In programma")
    ACTIVE = "active", _("Attivo")
    COMPLETED = "completed", _("Concluso")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Capofila")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Finanziatore")
    NETWORK = "network", _("Rete")


# The rendition the index cards show (templates/projects/project_index_page.html).
CARD_IMAGE_FILTER = "fill-600x320"
MONTH_CHOICES = [(number, name) for number, name in MONTHS.items()]
YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


def _beyond(prefix, today, lookup):
    """The partial date ``prefix`` (start/end) lies wholly past ``today`` in the direction of ``lookup``:
    "gt", its first possible day is later; "lt", its last possible day is earlier."""
    year, month, day = f"{prefix}_year", f"{prefix}_month", f"{prefix}_day"
    return (
        Q(**{f"{year}__{lookup}": today.year})
        | Q(**{year: today.year, f"{month}__{lookup}": today.month})
        | Q(**{year: today.year, month: today.month, f"{day}__{lookup}": today.day})
    )


def status_conditions(today):
    """{status: Q} deriving the status from the dates in SQL, the same rule as ``ProjectPage.derived_status``."""
    planned = _beyond("start", today, "gt")
    completed = ~planned & Q(ongoing=False) & _beyond("end", today, "lt")
    has_dates = Q(start_year__isnull=False) | Q(end_year__isnull=False) | Q(ongoing=True)
    derived = {
        Status.PLANNED: planned,
        Status.COMPLETED: completed,
        Status.ACTIVE: has_dates & ~planned & ~completed,
    }
    return {
        status: Q(status_override=status) | (Q(status_override="") & condition) for status, condition in derived.items()
    }


class ProjectPageQuerySet(PortalPageQuerySet):
    def with_status(self, status, today=None):
        conditions = status_conditions(today or timezone.localdate())
        return self.filter(conditions[status]) if status in conditions else self

    def in_years(self, year_from=None, year_to=None):
        """Projects whose duration overlaps the years from–to (either may be missing)."""
        queryset = self
        if year_from:
            queryset = queryset.filter(
                Q(ongoing=True) | Q(end_year__gte=year_from) | Q(end_year__isnull=True, start_year__gte=year_from)
            )
        if year_to:
            queryset = queryset.filter(Q(start_year__lte=year_to) | Q(start_year__isnull=True, end_year__lte=year_to))
        return queryset

    def matching(self, text):
        """A plain-words query over what a citizen would type: title, summary, promoter, places, partners."""
        condition = Q()
        for word in text.split():
            condition &= (
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(promoter__icontains=word)
                | Q(area__icontains=word)
                | Q(funding_programme__icontains=word)
                | Q(partners__name__icontains=word)
                | Q(municipalities__name__icontains=word)
            )
        # A subquery rather than DISTINCT: the joins on partners/municipalities would repeat rows.
        return self.filter(pk__in=self.model.objects.filter(condition).values("pk"))

    def newest_first(self):
        return self.order_by(
            F("start_year").desc(nulls_last=True),
            F("start_month").desc(nulls_last=True),
            F("start_day").desc(nulls_last=True),
            F("first_published_at").desc(nulls_last=True),
            "title",
        )

    def alphabetical(self):
        return self.order_by("title", "pk")

    def for_cards(self):
        """What a card shows, in a fixed number of queries whatever the number of projects."""
        return (
            self.defer_streamfields()
            .select_related("locale")
            .with_card_images()
            .prefetch_related("sectors", "municipalities")
        )


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)


class ProjectPartner(Orderable):
    """One partner of a project, in the order the sheet lists them: a directory entry or just a name."""

    project = ParentalKey("projects.ProjectPage", related_name="partners", on_delete=models.CASCADE)
    organisation = optional_link(
        "wagtailcore.Page",
        _("scheda nell'elenco"),
        help_text=_("Se l'organizzazione è negli elenchi del portale, sceglila: la pagina la collega."),
    )
    name = models.CharField(
        _("nome"), max_length=255, blank=True, help_text=_("Il nome come compare nella scheda del progetto.")
    )
    role = models.CharField(_("ruolo"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER)

    panels = [PageChooserPanel("organisation", "directory.DirectoryEntryPage"), FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partner")

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        if not self.organisation_id and not self.name.strip():
            raise ValidationError({"name": _("Scegli una scheda dell'elenco oppure scrivi il nome.")})

    @property
    def display_name(self):
        if self.name:
            return self.name
        return self.organisation.title if self.organisation_id and self.organisation else ""

    @property
    def linked_organisation(self):
        """The directory entry to link to, when it is published."""
        organisation = self.organisation if self.organisation_id else None
        return organisation if organisation and organisation.live else None


class ProjectMunicipality(Orderable):
    project = ParentalKey("projects.ProjectPage", related_name="municipalities", on_delete=models.CASCADE)
    name = models.CharField(_("comune"), max_length=120)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("comune")
        verbose_name_plural = _("comuni")

    def __str__(self):
        return self.name


class ProjectPage(HeroImageMixin, BasePage):
    """A project sheet ("scheda progetto") as a provincial office publishes it."""

    summary = models.TextField(
        _("sintesi"),
        blank=True,
        help_text=_("Due o tre frasi che presentano il progetto: compaiono nelle schede dell'elenco e nella ricerca."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenuto"), blank=True)

    scope = models.CharField(_("ambito territoriale"), max_length=20, choices=Scope.choices, blank=True)
    area = models.CharField(
        _("territorio"),
        max_length=255,
        blank=True,
        help_text=_("Come la scheda descrive il luogo, es. «Comuni di Orbassano, Rivalta e Piossasco (TO)»."),
    )
    promoter = models.CharField(_("soggetto promotore"), max_length=255, blank=True)
    funding_programme = models.CharField(
        _("programma di finanziamento"),
        max_length=255,
        blank=True,
        help_text=_("Es. «Bando Territori inclusivi» o «POR misura E1». I finanziatori sono tra i partner."),
    )
    sectors = ParentalManyToManyField("projects.Sector", verbose_name=_("settori"), blank=True, related_name="projects")

    objectives = StreamField([("objective", ObjectiveBlock())], verbose_name=_("obiettivi"), blank=True)
    activities = StreamField([("activity", ActivityBlock())], verbose_name=_("attività"), blank=True)
    beneficiaries = StreamField([("beneficiary", BeneficiaryBlock())], verbose_name=_("beneficiari"), blank=True)
    beneficiaries_summary = models.CharField(
        _("beneficiari in sintesi"),
        max_length=255,
        blank=True,
        help_text=_("Un totale dichiarato dalla scheda, es. «Circa 23.000 persone»."),
    )
    results = StreamField([("result", ResultBlock())], verbose_name=_("risultati"), blank=True)

    start_year = models.PositiveSmallIntegerField(
        _("anno di inizio"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    start_month = models.PositiveSmallIntegerField(_("mese di inizio"), null=True, blank=True, choices=MONTH_CHOICES)
    start_day = models.PositiveSmallIntegerField(
        _("giorno di inizio"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    end_year = models.PositiveSmallIntegerField(_("anno di fine"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_month = models.PositiveSmallIntegerField(_("mese di fine"), null=True, blank=True, choices=MONTH_CHOICES)
    end_day = models.PositiveSmallIntegerField(
        _("giorno di fine"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    ongoing = models.BooleanField(
        _("tuttora in corso"), default=False, help_text=_("Il progetto non ha una data di fine.")
    )
    status_override = models.CharField(
        _("stato (se diverso da quello calcolato)"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Lascia vuoto: lo stato si calcola dalle date. Sceglilo solo se le date non bastano."),
    )

    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("telefono"), max_length=40, blank=True)
    website = models.URLField(_("sito web"), blank=True)
    documents = StreamField([("document", ProjectDocumentBlock())], verbose_name=_("documenti"), blank=True)

    # Where an imported page came from, so importing the same sheet again finds it.
    source_filename = models.CharField(_("file importato"), max_length=255, blank=True, editable=False)
    source_hash = models.CharField(
        _("impronta del file importato"), max_length=64, blank=True, db_index=True, editable=False
    )

    objects = ProjectPageManager()
    # The index's cards show this rendition (prefetched with the cards).
    card_image_spec = CARD_IMAGE_FILTER

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
    ]
    who_where_panels = [
        MultiFieldPanel(
            [FieldPanel("scope"), FieldPanel("area"), InlinePanel("municipalities", label=_("Comune"))],
            heading=_("Dove"),
        ),
        FieldPanel("promoter"),
        InlinePanel("partners", heading=_("Partner e finanziatori"), label=_("Partner")),
        FieldPanel("funding_programme"),
    ]
    sheet_panels = [
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        MultiFieldPanel([FieldPanel("beneficiaries"), FieldPanel("beneficiaries_summary")], heading=_("Beneficiari")),
        FieldPanel("results"),
    ]
    duration_panels = [
        FieldRowPanel(
            [FieldPanel("start_year"), FieldPanel("start_month"), FieldPanel("start_day")], heading=_("Inizio")
        ),
        FieldRowPanel([FieldPanel("end_year"), FieldPanel("end_month"), FieldPanel("end_day")], heading=_("Fine")),
        FieldPanel("ongoing"),
        FieldPanel("status_override"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("website")], heading=_("Contatti")
        ),
        FieldPanel("documents"),
    ]
    edit_handler = page_tabs(
        (_("Contenuto"), content_panels),
        (_("Territorio e partner"), who_where_panels),
        (_("Scheda"), sheet_panels),
        (_("Durata e stato"), duration_panels),
        (_("Contatti e documenti"), contact_panels),
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("promoter"),
        index.SearchField("area"),
        index.SearchField("funding_programme"),
        index.SearchField("objectives"),
        index.SearchField("activities"),
        index.SearchField("body"),
        index.RelatedFields("partners", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.FilterField("scope"),
        index.FilterField("start_year"),
        index.FilterField("end_year"),
        index.FilterField("ongoing"),
        index.FilterField("status_override"),
    ]
    translatable_fields = HERO_PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("scope"),
        TranslatableField("area"),
        TranslatableField("promoter"),
        SynchronizedField("partners"),
        SynchronizedField("municipalities"),
        TranslatableField("funding_programme"),
        SynchronizedField("sectors"),
        TranslatableField("objectives"),
        TranslatableField("activities"),
        TranslatableField("beneficiaries"),
        TranslatableField("beneficiaries_summary"),
        TranslatableField("results"),
        SynchronizedField("start_year"),
        SynchronizedField("start_month"),
        SynchronizedField("start_day"),
        SynchronizedField("end_year"),
        SynchronizedField("end_month"),
        SynchronizedField("end_day"),
        SynchronizedField("ongoing"),
        SynchronizedField("status_override"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("website"),
        TranslatableField("documents"),
    ]

    # Search result cards (home.search): the summary under the title; no date (sheets give partial dates).
    search_snippet_fields = ("summary",)

    class Meta:
        verbose_name = _("progetto")
        verbose_name_plural = _("progetti")

    # --- duration and status -------------------------------------------------

    @property
    def start(self):
        return (self.start_year, self.start_month, self.start_day)

    @property
    def end(self):
        return (self.end_year, self.end_month, self.end_day)

    @property
    def duration_label(self):
        return dates.period_label(self.start, self.end, self.ongoing)

    def derived_status(self, today=None):
        """planned / active / completed from the dates alone ("" when the sheet gives none)."""
        today = today or timezone.localdate()
        first = dates.first_day(*self.start)
        last = dates.last_day(*self.end)
        if first and first > today:
            return Status.PLANNED
        if not self.ongoing and last and last < today:
            return Status.COMPLETED
        if first or last or self.ongoing:
            return Status.ACTIVE
        return ""

    @property
    def status(self):
        return self.status_override or self.derived_status()

    @property
    def status_label(self):
        return Status(self.status).label if self.status else ""

    def clean(self):
        super().clean()
        errors = {}
        for prefix in ("start", "end"):
            year, month, day = (getattr(self, f"{prefix}_{part}") for part in ("year", "month", "day"))
            if not dates.is_valid(year, month, day):
                errors[f"{prefix}_day" if day and month else f"{prefix}_month"] = _(
                    "Data incompleta o inesistente: il mese richiede l'anno, il giorno richiede il mese."
                )
        if (
            not errors
            and self.start_year
            and self.end_year
            and dates.last_day(*self.end) < dates.first_day(*self.start)
        ):
            errors["end_year"] = _("La fine del progetto viene prima dell'inizio.")
        if self.ongoing and self.end_year:
            errors["ongoing"] = _("Un progetto tuttora in corso non ha una data di fine: togli l'una o l'altra.")
        if errors:
            raise ValidationError(errors)

    # --- what the page shows ----------------------------------------------------

    @cached_property
    def partner_list(self):
        return list(self.partners.select_related("organisation").order_by("sort_order"))

    @property
    def funders(self):
        return [partner for partner in self.partner_list if partner.role == PartnerRole.FUNDER]

    @property
    def non_funder_partners(self):
        return [partner for partner in self.partner_list if partner.role != PartnerRole.FUNDER]

    @cached_property
    def municipality_names(self):
        return [municipality.name for municipality in self.municipalities.all()]

    @cached_property
    def localized_sectors(self):
        """The project's sectors in the active language (their Italian names when not translated)."""
        sectors = list(self.sectors.all())
        active = languages.active_locale()
        if not sectors or all(sector.locale_id == active.pk for sector in sectors):
            return sectors
        from .sector import Sector

        translated = {
            sector.translation_key: sector
            for sector in Sector.objects.filter(
                translation_key__in=[sector.translation_key for sector in sectors], locale=active
            )
        }
        return [translated.get(sector.translation_key, sector) for sector in sectors]

    @property
    def beneficiaries_total(self):
        """'22.730', '100–150', or '' when no entry has a count."""
        low = high = 0
        counted = approximate = False
        for block in self.beneficiaries:
            count = block.value.get("count")
            if count is None:
                continue
            counted = True
            low += count
            high += block.value.get("count_max") or count
            approximate = approximate or bool(block.value.get("approximate"))
        if not counted:
            return ""
        text = number_format(low, force_grouping=True)
        if high != low:
            text = f"{text}–{number_format(high, force_grouping=True)}"
        return f"{_('circa')} {text}" if approximate else text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = _json_ld_script(self.json_ld(request))
        return context

    def json_ld(self, request=None):
        """schema.org Project: what search engines and aggregators read."""
        data = {
            "@context": "https://schema.org",
            "@type": "Project",
            "name": self.title,
            "url": self.get_full_url(request),
        }
        if self.summary:
            data["description"] = self.summary
        if self.start_year:
            data["foundingDate"] = _iso_partial(*self.start)
        if self.end_year:
            data["dissolutionDate"] = _iso_partial(*self.end)
        funders = [{"@type": "Organization", "name": funder.display_name} for funder in self.funders]
        if funders:
            data["funder"] = funders
        if self.funding_programme:
            data["funding"] = {"@type": "Grant", "name": self.funding_programme}
        members = [{"@type": "Organization", "name": partner.display_name} for partner in self.non_funder_partners]
        if members:
            data["member"] = members
        if self.promoter:
            data["parentOrganization"] = {"@type": "Organization", "name": self.promoter}
        places = [
            {
                "@type": "Place",
                "name": name,
                "address": {"@type": "PostalAddress", "addressLocality": name, "addressCountry": "IT"},
            }
            for name in self.municipality_names
        ]
        if not places and self.area:
            places = [{"@type": "Place", "name": self.area}]
        if places:
            data["location"] = places
        if self.localized_sectors:
            data["keywords"] = ", ".join(sector.name for sector in self.localized_sectors)
        return data


def _json_ld_script(data):
    """JSON for a <script type="application/ld+json">, with <, > and & escaped so it cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308


def _iso_partial(year, month=None, day=None):
    if day:
        return datetime.date(year, month, day).isoformat()
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"
