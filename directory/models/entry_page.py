"""One organisation, business or centre listed in a directory.

Public fields (shown on the page, in the cards and in the open-data export,
see ``PUBLIC_FIELDS``): title (name), short_description, description,
categories, street_address, postcode, municipality, province, latitude,
longitude, phone, email, website, facebook_url, instagram_url, linkedin_url,
youtube_url, opening_hours (inline rows: weekday, opens, closes),
opening_hours_note, services, target_groups, languages, logo, logo_alt,
legal_form, fiscal_code (only when it is the 11-digit code of an
organisation; a person's 16-character codice fiscale is never published),
runts_number, founding_year.

Private fields (``PRIVATE_FIELDS``: admin, moderators and the submitter only;
never in templates or exports): contact_name, contact_email, contact_phone,
unless ``show_contact_person`` is ticked, in which case the contact person's
name, email and phone are shown on the page (never exported).
"""

import datetime
import json
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.choices import LEGAL_FORMS, SCHEMA_DAYS, SPOKEN_LANGUAGES, TARGET_GROUPS, DirectoryKind, Weekday
from directory.fields import ChoiceListField
from directory.validators import (
    entry_errors,
    is_organisation_code,
    normalize_fiscal_code,
    opening_hours_errors,
    validate_fiscal_code,
    validate_founding_year,
    validate_phone,
    validate_postcode,
    validate_province,
    validate_runts_number,
)
from home.models import BasePage, page_tabs
from sites.fields import alt_text, optional_link
from sites.moderation import ApproversOnlyPublishTester
from sites.querysets import PortalPageQuerySet

from .index_page import DirectoryIndexPage

ROME = ZoneInfo("Europe/Rome")

# Field names published on the page and in the open-data export, in export column order.
PUBLIC_FIELDS = (
    "title",
    "short_description",
    "description",
    "categories",
    "street_address",
    "postcode",
    "municipality",
    "province",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "facebook_url",
    "instagram_url",
    "linkedin_url",
    "youtube_url",
    "opening_hours",
    "opening_hours_note",
    "services",
    "target_groups",
    "languages",
    "logo",
    "logo_alt",
    "legal_form",
    "fiscal_code",
    "runts_number",
    "founding_year",
)
# Never exported; shown on the page only when show_contact_person is True.
PRIVATE_FIELDS = ("contact_name", "contact_email", "contact_phone", "show_contact_person")


class DirectoryEntryQuerySet(PortalPageQuerySet):
    def speaking(self, language_code):
        """Entries whose desk speaks this language (codes are stored as ",it,en,")."""
        return self.filter(languages__contains=f",{language_code},")

    def in_category(self, slug):
        return self.filter(
            pk__in=DirectoryEntryPage.categories.through.objects.filter(directorycategory__slug=slug).values(
                "directoryentrypage_id"
            )
        )

    def open_at(self, moment):
        """Entries with an opening-hours row covering ``moment`` (compared in Europe/Rome)."""
        local = moment.astimezone(ROME)
        rows = DirectoryOpeningHours.objects.filter(
            weekday=local.weekday(), opens__lte=local.time(), closes__gt=local.time()
        )
        return self.filter(pk__in=rows.values("entry_id"))

    def with_public_data(self, *rendition_specs):
        """Logo (with these renditions), categories and opening hours in a fixed number of queries."""
        images = get_image_model().objects.all()
        if rendition_specs:
            images = images.prefetch_renditions(*rendition_specs)
        return self.prefetch_related(Prefetch("logo", queryset=images), "categories", "opening_hours")


DirectoryEntryPageManager = PageManager.from_queryset(DirectoryEntryQuerySet)


class DirectoryEntryPageForm(WagtailAdminPageForm):
    """Offers only the categories of the parent directory's kind."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if "categories" in self.fields:
            kind = None
            parent = parent_page or (self.instance.get_parent() if self.instance.pk else None)
            if parent is not None:
                kind = getattr(parent.specific, "kind", None)
            queryset = self.fields["categories"].queryset
            if kind:
                queryset = queryset.filter(kind=kind)
            locale = getattr(self.instance, "locale", None) or getattr(parent, "locale", None)
            if locale is not None and getattr(locale, "pk", None):
                queryset = queryset.filter(locale=locale)
            self.fields["categories"].queryset = queryset


def _coordinate(verbose_name, limit, help_text):
    """An optional latitude or longitude in degrees, from -limit to limit, to the micro-degree."""
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
        help_text=help_text,
    )


class DirectoryEntryPage(BasePage):
    short_description = models.CharField(
        _("descrizione breve"),
        max_length=300,
        help_text=_("Una o due frasi: compaiono nelle schede dell'elenco e nei risultati di ricerca."),
    )
    description = RichTextField(_("descrizione completa"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    categories = ParentalManyToManyField(
        "directory.DirectoryCategory", verbose_name=_("categorie"), blank=True, related_name="entries"
    )

    # Address
    street_address = models.CharField(_("indirizzo"), max_length=200, blank=True, help_text=_("Via e numero civico."))
    postcode = models.CharField(_("CAP"), max_length=5, blank=True, validators=[validate_postcode])
    municipality = models.CharField(_("comune"), max_length=100, blank=True)
    province = models.CharField(
        _("provincia"), max_length=2, blank=True, validators=[validate_province], help_text=_("Sigla, es. SI.")
    )
    latitude = _coordinate(_("latitudine"), 90, _("Facoltativa: serve a mostrare la sede sulla mappa (es. 43.318809)."))
    longitude = _coordinate(_("longitudine"), 180, _("Facoltativa, insieme alla latitudine (es. 11.330557)."))

    # Contacts
    phone = models.CharField(_("telefono"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("sito web"), blank=True)
    facebook_url = models.URLField(_("pagina Facebook"), blank=True)
    instagram_url = models.URLField(_("profilo Instagram"), blank=True)
    linkedin_url = models.URLField(_("pagina LinkedIn"), blank=True)
    youtube_url = models.URLField(_("canale YouTube"), blank=True)

    # What and for whom
    opening_hours_note = models.CharField(
        _("note sugli orari"),
        max_length=250,
        blank=True,
        help_text=_("Es. «su appuntamento», «chiuso ad agosto»."),
    )
    services = models.TextField(
        _("servizi offerti"), blank=True, help_text=_("Un servizio per riga, es. «Orientamento al lavoro».")
    )
    target_groups = ChoiceListField(_("a chi si rivolge"), item_choices=TARGET_GROUPS)
    languages = ChoiceListField(
        _("lingue parlate allo sportello"),
        item_choices=SPOKEN_LANGUAGES,
        help_text=_("Le lingue in cui si può essere accolte e accolti."),
    )
    logo = optional_link("wagtailimages.Image", _("logo"))
    logo_alt = alt_text(
        _("testo alternativo del logo"),
        _("Obbligatorio se carichi un logo, es. «Logo dell'associazione Donne in rete»."),
    )

    # Legal data
    legal_form = models.CharField(_("forma giuridica"), max_length=30, blank=True, choices=LEGAL_FORMS)
    fiscal_code = models.CharField(
        _("codice fiscale o partita IVA"),
        max_length=16,
        blank=True,
        validators=[validate_fiscal_code],
        help_text=_(
            "11 cifre per organizzazioni e imprese (pubblicato); 16 caratteri per le imprese individuali "
            "(non pubblicato)."
        ),
    )
    runts_number = models.CharField(
        _("numero RUNTS"),
        max_length=30,
        blank=True,
        validators=[validate_runts_number],
        help_text=_("Numero di iscrizione al Registro unico nazionale del Terzo settore, per le associazioni."),
    )
    founding_year = models.PositiveSmallIntegerField(
        _("anno di fondazione"), null=True, blank=True, validators=[validate_founding_year]
    )

    # Contact person: private unless show_contact_person is ticked.
    contact_name = models.CharField(_("nome della persona di riferimento"), max_length=150, blank=True)
    contact_email = models.EmailField(_("email della persona di riferimento"), blank=True)
    contact_phone = models.CharField(
        _("telefono della persona di riferimento"), max_length=30, blank=True, validators=[validate_phone]
    )
    show_contact_person = models.BooleanField(
        _("mostra la persona di riferimento sulla pagina pubblica"),
        default=False,
        help_text=_("Solo se l'organizzazione lo ha chiesto: altrimenti nome, email e telefono restano riservati."),
    )

    objects = DirectoryEntryPageManager()

    base_form_class = DirectoryEntryPageForm
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("logo_alt"),
            ],
            heading=_("Logo"),
        ),
        FieldPanel("services"),
        FieldPanel("target_groups"),
        FieldPanel("languages"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality"), FieldPanel("province")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Indirizzo"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("facebook_url"), FieldPanel("instagram_url")]),
                FieldRowPanel([FieldPanel("linkedin_url"), FieldPanel("youtube_url")]),
            ],
            heading=_("Contatti"),
        ),
        InlinePanel("opening_hours", heading=_("Orari di apertura"), label=_("Fascia oraria")),
        FieldPanel("opening_hours_note"),
    ]
    legal_panels = [
        FieldPanel("legal_form"),
        FieldPanel("fiscal_code"),
        FieldPanel("runts_number"),
        FieldPanel("founding_year"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("show_contact_person"),
            ],
            heading=_("Persona di riferimento (riservata)"),
        ),
    ]
    edit_handler = page_tabs(
        (_("Contenuto"), content_panels),
        (_("Indirizzo, contatti e orari"), contact_panels),
        (_("Dati legali e referente"), legal_panels),
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("short_description", boost=2),
        index.SearchField("description"),
        index.SearchField("services"),
        index.SearchField("municipality"),
        index.FilterField("municipality"),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]
    translatable_fields = BasePage.page_translatable_fields + [
        TranslatableField("short_description"),
        TranslatableField("description"),
        SynchronizedField("categories"),
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
        SynchronizedField("municipality"),
        SynchronizedField("province"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("facebook_url"),
        SynchronizedField("instagram_url"),
        SynchronizedField("linkedin_url"),
        SynchronizedField("youtube_url"),
        SynchronizedField("opening_hours"),
        TranslatableField("opening_hours_note"),
        TranslatableField("services"),
        SynchronizedField("target_groups"),
        SynchronizedField("languages"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
        SynchronizedField("legal_form"),
        SynchronizedField("fiscal_code"),
        SynchronizedField("runts_number"),
        SynchronizedField("founding_year"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("show_contact_person"),
    ]

    # Search result cards (home.search): the short description, then the full one.
    search_snippet_fields = ("short_description", "description")

    class Meta:
        verbose_name = _("scheda dell'elenco")
        verbose_name_plural = _("schede degli elenchi")

    def clean(self):
        super().clean()
        errors = entry_errors(
            has_logo=bool(self.logo_id), logo_alt=self.logo_alt, latitude=self.latitude, longitude=self.longitude
        )
        if self.fiscal_code:
            self.fiscal_code = normalize_fiscal_code(self.fiscal_code)
        if self.province:
            self.province = self.province.upper()
        if errors:
            raise ValidationError(errors)

    # --- moderation -------------------------------------------------------------------------

    def permissions_for_user(self, user):
        # An entry the public registered goes live only when the portal's moderators approve it.
        return ApproversOnlyPublishTester(user, self, self.awaits_moderators)

    def awaits_moderators(self):
        """Registered by an organisation (``forms.ListingRegistration``, reached through its reverse
        one-to-one) and not approved yet, refused, withdrawn, or with a proposed change pending."""
        registration = getattr(self, "listing_registration", None)
        if registration is None:
            return False
        return registration.status != type(registration).Status.PUBLISHED or registration.change_pending

    # --- what templates and the export read -------------------------------------------------

    @property
    def kind(self):
        parent = self.get_parent()
        return getattr(parent.specific, "kind", "") if parent else ""

    @property
    def services_list(self):
        return [line.strip(" -–•\t") for line in self.services.splitlines() if line.strip(" -–•\t")]

    @property
    def public_fiscal_code(self):
        """The fiscal code only when it identifies an organisation (never a person's codice fiscale)."""
        return self.fiscal_code if self.fiscal_code and is_organisation_code(self.fiscal_code) else ""

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def address_line(self):
        place = " ".join(part for part in (self.postcode, self.municipality) if part)
        if self.province:
            place = f"{place} ({self.province})" if place else self.province
        return ", ".join(part for part in (self.street_address, place) if part)

    def language_labels(self):
        return type(self)._meta.get_field("languages").labels(self.languages)

    def target_group_labels(self):
        return type(self)._meta.get_field("target_groups").labels(self.target_groups)

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]

    def opening_rows(self):
        """Opening-hours rows ordered by day and time (uses the prefetched rows when present)."""
        return sorted(self.opening_hours.all(), key=lambda row: (row.weekday, row.opens))

    def opening_days(self):
        """[(weekday label, [rows])] for the days with at least one opening-hours row."""
        days = {}
        for row in self.opening_rows():
            days.setdefault(row.weekday, []).append(row)
        return [(Weekday(day).label, rows) for day, rows in days.items()]

    def is_open_at(self, moment):
        """Whether one of the opening-hours rows covers ``moment`` (an aware datetime), in Europe/Rome time."""
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=ROME)
        local = moment.astimezone(ROME)
        weekday, time = local.weekday(), local.time()
        return any(row.weekday == weekday and row.opens <= time < row.closes for row in self.opening_hours.all())

    def is_open_now(self):
        return self.is_open_at(timezone.now())

    @property
    def has_opening_hours(self):
        return bool(self.opening_hours.all())

    def json_ld(self, request=None, kind=None):
        """schema.org description of the entry (public fields, and the contact person only when
        ``show_contact_person`` is ticked), as a JSON string safe inside <script>."""
        kind = kind or self.kind
        data = {
            "@context": "https://schema.org",
            "@type": "Organization" if kind == DirectoryKind.ASSOCIATION else "LocalBusiness",
            "name": self.title,
            "description": self.short_description,
            "url": self.get_full_url(request),
        }
        if self.address_line:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "postalCode": self.postcode,
                "addressLocality": self.municipality,
                "addressRegion": self.province,
                "addressCountry": "IT",
            }
        if self.has_coordinates:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        for key, value in (("telephone", self.phone), ("email", self.email), ("foundingDate", self.founding_year)):
            if value:
                data[key] = str(value)
        if self.public_fiscal_code:
            data["taxID"] = self.public_fiscal_code
        same_as = [url for url in [self.website, *(url for _name, url in self.social_links)] if url]
        if same_as:
            data["sameAs"] = same_as
        if self.logo_id:
            data["logo"] = self.logo.file.url if request is None else request.build_absolute_uri(self.logo.file.url)
        if self.services_list:
            data["knowsAbout"] = self.services_list
        if kind != DirectoryKind.ASSOCIATION and self.has_opening_hours:
            data["openingHoursSpecification"] = [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[row.weekday]}",
                    "opens": row.opens.strftime("%H:%M"),
                    "closes": row.closes.strftime("%H:%M"),
                }
                for row in self.opening_rows()
            ]
        if self.show_contact_person and (self.contact_name or self.contact_email or self.contact_phone):
            contact = {"@type": "ContactPoint", "contactType": "referente"}
            if self.contact_name:
                contact["name"] = self.contact_name
            if self.contact_email:
                contact["email"] = self.contact_email
            if self.contact_phone:
                contact["telephone"] = self.contact_phone
            data["contactPoint"] = contact
        text = json.dumps(data, ensure_ascii=False, cls=_JSONEncoder)
        # Nothing in the data can close the <script> element.
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    def get_context(self, request, *args, **kwargs):
        from directory.listing import category_names, directory_categories, names_by_key

        context = super().get_context(request, *args, **kwargs)
        # Read once: the template, the open-now badge and the JSON-LD all use these rows.
        prefetch_related_objects([self], "opening_hours", "categories")
        parent = DirectoryIndexPage.objects.get(path=self.path[: -self.steplen])
        context["directory"] = parent
        context["kind"] = getattr(parent, "kind", "")
        context["category_names"] = category_names(self, names_by_key(directory_categories(parent)))
        context["is_open_now"] = self.is_open_now()
        context["json_ld"] = self.json_ld(request, kind=context["kind"])
        return context


class _JSONEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.time | datetime.date):
            return o.isoformat()
        return str(o)


class DirectoryOpeningHours(Orderable):
    """One opening slot: a weekday with opening and closing time (Europe/Rome). Several rows per day are fine."""

    entry = ParentalKey(DirectoryEntryPage, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("giorno"), choices=Weekday.choices)
    opens = models.TimeField(_("apre alle"))
    closes = models.TimeField(_("chiude alle"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("fascia oraria")
        verbose_name_plural = _("orari di apertura")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        super().clean()
        errors = opening_hours_errors(self.opens, self.closes)
        if errors:
            raise ValidationError(errors)
