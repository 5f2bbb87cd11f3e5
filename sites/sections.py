"""The standard sections every portal starts with.

Page types are named by label so `sites` never imports the apps that own them;
an app that brings a dedicated page type for a section changes its label here.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    model: str = "home.StandardPage"
    show_in_menus: bool = True
    fields: dict = field(default_factory=dict)
    # Name of the PortalSettings page field that points at this section, if any.
    settings_field: str = ""


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

PORTAL_SECTIONS = (
    Section(
        "progetti",
        "Progetti",
        model="projects.ProjectIndexPage",
        fields={"intro": "I progetti per le pari opportunità sul territorio."},
    ),
    Section(
        "associazioni",
        "Associazioni",
        model="directory.DirectoryIndexPage",
        fields={"intro": "Le associazioni del territorio.", "kind": "association"},
    ),
    Section(
        "imprese-femminili",
        "Imprese femminili",
        model="directory.DirectoryIndexPage",
        fields={"intro": "Le imprese guidate da donne.", "kind": "business"},
    ),
    Section(
        "centri-e-servizi",
        "Centri e servizi",
        model="directory.DirectoryIndexPage",
        fields={"intro": "Dove trovare ascolto, orientamento e aiuto.", "kind": "service"},
    ),
    Section(
        "campagne",
        "Campagne",
        model="campaigns.CampaignIndexPage",
        fields={"intro": "Le campagne di sensibilizzazione e i prossimi eventi."},
    ),
    Section("notizie", "Notizie", model="campaigns.NewsIndexPage", fields={"intro": "Notizie e comunicati stampa."}),
    Section("chi-siamo", "Chi siamo", fields={"intro": "L'ufficio pari opportunità e la sua rete."}),
    Section(
        "iscrivi-la-tua-organizzazione",
        "Iscrivi la tua organizzazione",
        model="forms.ListingRegistrationPage",
        show_in_menus=False,
        fields={
            "intro": "Associazioni, imprese e servizi del territorio possono chiedere di comparire negli "
            "elenchi del portale: compila la scheda, l'ufficio la controlla e la pubblica."
        },
    ),
    Section(
        "contatti",
        "Contatti",
        model="forms.FormPage",
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
        model="projects.ProjectIndexPage",
        fields={"intro": "I progetti di tutti i portali della rete."},
    ),
    Section(
        "campagne",
        "Campagne",
        model="campaigns.CampaignIndexPage",
        fields={"intro": "Le campagne e gli eventi di tutti i portali della rete."},
    ),
    Section("chi-siamo", "Chi siamo", fields={"intro": "La rete dei portali provinciali per le pari opportunità."}),
    Section("contatti", "Contatti", model="forms.FormPage", fields={"intro": "Come scrivere alla rete."}),
    PRIVACY,
    ACCESSIBILITY,
    LEGAL_NOTES,
)
