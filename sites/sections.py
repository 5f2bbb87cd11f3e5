"""The standard sections every portal starts with, and which page type builds each one.

`sites` decides the sections (order, slugs, titles, first texts); the app that
owns a section's page type registers it here from its ``AppConfig.ready()``, so
`sites` never names another app's models.
"""

from dataclasses import dataclass, field

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured

# The kinds of page provisioning creates; each is registered by the app that owns it.
ROOT = "root"  # a portal's home page
STANDARD = "standard"  # a plain content page
PROJECTS = "projects"
DIRECTORY = "directory"
CAMPAIGNS = "campaigns"
NEWS = "news"
REGISTRATION = "registration"
CONTACT = "contact"

_page_types = {}


def register_page_type(kind, model):
    """Make ``model`` the page type of the sections of ``kind`` (called from an app's ready())."""
    registered = _page_types.get(kind)
    if registered is not None and registered is not model:
        raise ImproperlyConfigured(f"{kind!r} sections are already built by {registered.__name__}.")
    _page_types[kind] = model


class SectionsAppConfig(AppConfig):
    """The config of an app whose page types build sections: ``section_page_types`` maps each kind
    to the name of one of the app's page models, registered when the app is ready."""

    section_page_types = {}

    def ready(self):
        for kind, model_name in self.section_page_types.items():
            register_page_type(kind, self.get_model(model_name))


def page_type(kind):
    try:
        return _page_types[kind]
    except KeyError:
        raise ImproperlyConfigured(f"no installed app registers the page type of {kind!r} sections.") from None


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    kind: str = STANDARD
    show_in_menus: bool = True
    fields: dict = field(default_factory=dict)
    # Name of the PortalSettings page field that points at this section, if any.
    settings_field: str = ""

    @property
    def model(self):
        return page_type(self.kind)


PRIVACY = Section(
    "privacy",
    "Privacy",
    show_in_menus=False,
    settings_field="privacy_page",
    fields={
        "intro": "Come trattiamo i dati personali di chi visita il portale, scrive all'ufficio o iscrive "
        "la propria organizzazione negli elenchi."
    },
)
ACCESSIBILITY = Section(
    "dichiarazione-di-accessibilita",
    "Dichiarazione di accessibilità",
    show_in_menus=False,
    settings_field="accessibility_page",
    fields={
        "intro": "Il portale si impegna a rendere i propri contenuti accessibili secondo la Legge 4/2004 e le "
        "Linee guida AgID. Per segnalare un contenuto non accessibile scrivi ai contatti indicati a piè di pagina."
    },
)
LEGAL_NOTES = Section(
    "note-legali",
    "Note legali",
    show_in_menus=False,
    settings_field="legal_notes_page",
    fields={
        "intro": "Condizioni d'uso dei contenuti del portale: salvo diversa indicazione i testi sono "
        "pubblicati con licenza Creative Commons Attribuzione 4.0."
    },
)


def _directory(slug, title, entry_kind, intro):
    """A directory section listing entries of ``entry_kind`` (association, business, service)."""
    return Section(slug, title, kind=DIRECTORY, fields={"intro": intro, "kind": entry_kind})


PORTAL_SECTIONS = (
    Section(
        "progetti",
        "Progetti",
        kind=PROJECTS,
        fields={"intro": "I progetti per le pari opportunità sul territorio."},
    ),
    _directory("associazioni", "Associazioni", "association", "Le associazioni del territorio."),
    _directory("imprese-femminili", "Imprese femminili", "business", "Le imprese guidate da donne."),
    _directory("centri-e-servizi", "Centri e servizi", "service", "Dove trovare ascolto, orientamento e aiuto."),
    Section(
        "campagne",
        "Campagne",
        kind=CAMPAIGNS,
        fields={"intro": "Le campagne di sensibilizzazione e i prossimi eventi."},
    ),
    Section("notizie", "Notizie", kind=NEWS, fields={"intro": "Notizie e comunicati stampa."}),
    Section("chi-siamo", "Chi siamo", fields={"intro": "L'ufficio pari opportunità e la sua rete."}),
    Section(
        "iscrivi-la-tua-organizzazione",
        "Iscrivi la tua organizzazione",
        kind=REGISTRATION,
        show_in_menus=False,
        fields={
            "intro": "Associazioni, imprese e servizi del territorio possono chiedere di comparire negli "
            "elenchi del portale: compila la scheda, l'ufficio la controlla e la pubblica."
        },
    ),
    Section(
        "contatti",
        "Contatti",
        kind=CONTACT,
        fields={"intro": "Come raggiungerci e scriverci: rispondiamo entro pochi giorni lavorativi."},
    ),
    PRIVACY,
    ACCESSIBILITY,
    LEGAL_NOTES,
)

# The network site aggregates the portals: it has no directories of its own.
NETWORK_SECTIONS = (
    Section(
        "progetti",
        "Progetti",
        kind=PROJECTS,
        fields={"intro": "I progetti di tutti i portali della rete."},
    ),
    Section(
        "campagne",
        "Campagne",
        kind=CAMPAIGNS,
        fields={"intro": "Le campagne e gli eventi di tutti i portali della rete."},
    ),
    Section("chi-siamo", "Chi siamo", fields={"intro": "La rete dei portali provinciali per le pari opportunità."}),
    Section("contatti", "Contatti", kind=CONTACT, fields={"intro": "Come scrivere alla rete."}),
    PRIVACY,
    ACCESSIBILITY,
    LEGAL_NOTES,
)
