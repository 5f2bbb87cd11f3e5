"""Demo forms: each portal's contact form, its registration page open on the associations,
and in Lucca a second registration page for the businesses of the Incubatore Donna Impresa.

Idempotent: a page that already has content (fields, a directory) is left as it is.
"""

from wagtail.models import Page

from sites.models import PortalSettings

from .models import FormField, FormPage, ListingRegistrationPage

CONTACT_FIELDS = [
    {"label": "Nome e cognome", "field_type": "singleline", "required": True},
    {"label": "Email", "field_type": "email", "required": True},
    {
        "label": "Argomento",
        "field_type": "dropdown",
        "required": True,
        "choices": "Informazioni su un progetto\nIscrizione agli elenchi\nSegnalazione sul portale\nAltro",
    },
    {"label": "Messaggio", "field_type": "multiline", "required": True},
]

CONTACT_THANKS = (
    "<p>Grazie per averci scritto. Leggiamo ogni messaggio e rispondiamo all'indirizzo che hai indicato, "
    "di solito entro cinque giorni lavorativi.</p>"
)

REGISTRATION_PAGES = {
    # portal key: [(slug, title, target directory slug, intro)]
    "*": [
        (
            "iscrivi-la-tua-organizzazione",
            "Iscrivi la tua organizzazione",
            "associazioni",
            "L'elenco delle associazioni è aperto a tutte quelle che lavorano sul territorio: compila la scheda "
            "con i dati dell'associazione, l'ufficio la controlla e la pubblica. Potrai aggiornarla quando vuoi "
            "con il link privato che ti mandiamo per email.",
        )
    ],
    "lucca": [
        (
            "iscrivi-la-tua-impresa",
            "Iscrivi la tua impresa",
            "imprese-femminili",
            "Le imprese che fanno parte dell'Incubatore Donna Impresa possono presentarsi nell'elenco delle "
            "imprese femminili del portale: bastano i dati dell'attività e una persona di riferimento. "
            "Dopo il controllo dell'ufficio la scheda compare nell'elenco.",
        )
    ],
}


def _child(home, slug):
    return Page.objects.child_of(home).filter(slug=slug).first()


def _contact_form(context, result):
    page = _child(result.home, "contatti")
    if page is None or not isinstance(page.specific, FormPage):
        return False
    page = page.specific
    if page.form_fields.exists():
        return False
    settings = PortalSettings.objects.filter(site=result.site).first()
    page.form_fields = [FormField(sort_order=position, **spec) for position, spec in enumerate(CONTACT_FIELDS)]
    page.thank_you_text = CONTACT_THANKS
    if settings and settings.contact_email:
        page.to_address = settings.contact_email
        page.subject = f"Messaggio dal portale {result.site.site_name}"
    page.save_revision().publish()
    return True


def _registration_page(result, slug, title, target_slug, intro):
    target = _child(result.home, target_slug)
    if target is None or target.specific_class._meta.label != "directory.DirectoryIndexPage":
        return False
    page = _child(result.home, slug)
    if page is None:
        page = ListingRegistrationPage(title=title, slug=slug, show_in_menus=False, locale=result.home.locale)
        result.home.add_child(instance=page)
    page = page.specific
    if not isinstance(page, ListingRegistrationPage) or page.target_index_id:
        return False
    page.target_index = target
    page.intro = intro
    page.save_revision().publish()
    return True


def load(context):
    results = [("rete", context.network), *context.portals.items()]
    for key, result in results:
        if result is None:
            continue
        changes = []
        if _contact_form(context, result):
            changes.append("contact form")
        if key != "rete":
            for slug, title, target, intro in [*REGISTRATION_PAGES["*"], *REGISTRATION_PAGES.get(key, [])]:
                if _registration_page(result, slug, title, target, intro):
                    changes.append(f'"{title}" open on {target}')
        if changes:
            context.log(f"{result.site.site_name}: " + ", ".join(changes))
