"""Demo directories: Siena's six territorial centres, Lucca's associations and women's businesses,
and the partners named in the portals' project sheets, each in its own portal.

Real organisations get only what the project sheets say about them (name, town,
role): no invented addresses, phone numbers or fiscal codes. Fictional entries
(marked in this file) use example data only (example.org addresses, 0000 phone
numbers, a check-digit-valid sample partita IVA).
"""

import datetime
from dataclasses import dataclass, field, fields
from decimal import Decimal

from django.utils.text import slugify
from wagtail.models import Locale, Page

from .models import DirectoryCategory, DirectoryEntryPage, DirectoryIndexPage, DirectoryOpeningHours

CATEGORIES = {
    "service": [
        ("orientamento-al-lavoro", "Orientamento al lavoro"),
        ("impresa-femminile", "Sostegno all'impresa femminile"),
        ("antiviolenza", "Ascolto e aiuto contro la violenza"),
        ("inclusione", "Inclusione e intercultura"),
        ("formazione", "Formazione e ricerca"),
        ("servizi-sociali", "Servizi sociali"),
    ],
    "association": [
        ("diritti-e-antiviolenza", "Diritti e contrasto alla violenza"),
        ("intercultura", "Intercultura e migrazioni"),
        ("conciliazione", "Conciliazione e lavoro"),
        ("cooperazione", "Cooperazione e solidarietà"),
        ("cultura", "Cultura e tempo libero"),
    ],
    "business": [
        ("artigianato", "Artigianato e moda"),
        ("agroalimentare", "Agricoltura e alimentare"),
        ("servizi-alla-persona", "Servizi alla persona"),
        ("comunicazione", "Comunicazione e professioni"),
        ("turismo", "Turismo e accoglienza"),
    ],
}


def _hours(*spec):
    """("0-4", "9:00", "13:00") → rows for Monday–Friday 9–13."""
    rows = []
    for days, opens, closes in spec:
        first, _sep, last = days.partition("-")
        for day in range(int(first), int(last or first) + 1):
            rows.append(
                (day, datetime.time.fromisoformat(opens.zfill(5)), datetime.time.fromisoformat(closes.zfill(5)))
            )
    return rows


@dataclass
class DemoEntry:
    title: str
    short_description: str
    municipality: str
    province: str
    categories: tuple = ()
    description: str = ""
    services: tuple = ()
    target_groups: tuple = ()
    languages: tuple = ("it",)
    street_address: str = ""
    postcode: str = ""
    latitude: str = ""
    longitude: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    legal_form: str = ""
    fiscal_code: str = ""
    founding_year: int | None = None
    hours: list = field(default_factory=list)
    hours_note: str = ""


SIENA_SERVICES = (
    "Orientamento al lavoro",
    "Sostegno alle donne che avviano o gestiscono un'impresa",
    "Ascolto, consulenza e accompagnamento per chi subisce violenza fisica o psicologica",
)


def _siena_centre(area, of_area, municipality, postcode, street, lat, lng, opened, hours, languages=("it",)):
    slug = slugify(area)
    return DemoEntry(
        title=f"Centro pari opportunità {area}",
        short_description=(
            f"Il centro territoriale {of_area}: servizi gratuiti per le donne, dall'orientamento al lavoro "
            "al sostegno contro la violenza."
        ),
        description=(
            f"<p>Nato nella rete provinciale dei centri pari opportunità (attiva dal {opened}), il centro porta "
            f"vicino a casa i servizi per le donne {of_area}. È anche un luogo d'incontro: le amministratrici "
            "elette nei Comuni associati discutono qui i problemi del territorio e preparano proposte per le "
            "proprie amministrazioni.</p>"
        ),
        municipality=municipality,
        province="SI",
        postcode=postcode,
        street_address=street,
        latitude=lat,
        longitude=lng,
        categories=("orientamento-al-lavoro", "impresa-femminile", "antiviolenza"),
        services=SIENA_SERVICES,
        target_groups=("women", "violence_survivors", "entrepreneurs", "job_seekers"),
        languages=languages,
        email=f"centro.{slug}@example.org",
        legal_form="public_body",
        hours=hours,
        hours_note="Su appuntamento anche fuori orario.",
    )


# Fictional addresses in the real towns of each area (example data).
SIENA = [
    _siena_centre(
        "Val d'Elsa",
        "della Val d'Elsa",
        "Poggibonsi",
        "53036",
        "Piazza Cavour 2",
        "43.466700",
        "11.148600",
        1998,
        _hours(("0-4", "9:00", "13:00"), ("1", "15:00", "18:00"), ("3", "15:00", "18:00")),
        ("it", "en", "ar"),
    ),
    _siena_centre(
        "Val di Chiana",
        "della Val di Chiana",
        "Montepulciano",
        "53045",
        "Via di Gracciano nel Corso 10",
        "43.098600",
        "11.786700",
        1998,
        _hours(("0", "9:00", "13:00"), ("2", "9:00", "13:00"), ("4", "9:00", "13:00")),
    ),
    _siena_centre(
        "Amiata",
        "dell'Amiata",
        "Abbadia San Salvatore",
        "53021",
        "Viale Roma 5",
        "42.881400",
        "11.677000",
        1998,
        _hours(("1", "9:00", "12:30"), ("3", "14:30", "18:00")),
    ),
    _siena_centre(
        "Val di Merse",
        "della Val di Merse",
        "Sovicille",
        "53018",
        "Piazza Marconi 1",
        "43.280000",
        "11.228300",
        1998,
        _hours(("0", "9:00", "12:00"), ("3", "9:00", "12:00")),
    ),
    _siena_centre(
        "Siena città",
        "di Siena città",
        "Siena",
        "53100",
        "Via di Città 30",
        "43.318800",
        "11.330800",
        1998,
        _hours(("0-4", "9:00", "13:00"), ("0-3", "14:30", "17:30")),
        ("it", "en", "fr", "es", "ro", "sq"),
    ),
    _siena_centre(
        "Crete Senesi",
        "delle Crete Senesi",
        "Asciano",
        "53041",
        "Corso Matteotti 8",
        "43.234700",
        "11.561400",
        1998,
        _hours(("1", "9:00", "13:00"), ("4", "9:00", "13:00")),
    ),
]

LUCCA_ASSOCIATIONS = [
    DemoEntry(
        title="CeIS – Gruppo Giovani e Comunità di Lucca",
        short_description=(
            "Ente gestore del progetto Con Anna: accoglienza e percorsi di uscita per le persone vittime di "
            "tratta e sfruttamento."
        ),
        description=(
            "<p>Dal 2006 gestisce per la Provincia di Lucca il progetto Con Anna: programmi di assistenza e "
            "protezione sociale previsti dall'art. 18 del D.Lgs. 286/98, residenziali o sul territorio, costruiti "
            "persona per persona fino all'inclusione sociale. Ha firmato nel 2007 il protocollo provinciale su "
            "prostituzione e tratta.</p>"
        ),
        municipality="Lucca",
        province="LU",
        categories=("diritti-e-antiviolenza", "intercultura"),
        services=("Accoglienza delle persone vittime di tratta", "Accompagnamento all'inclusione sociale e al lavoro"),
        target_groups=("violence_survivors", "migrant_women"),
    ),
    # Fictional associations (example data).
    DemoEntry(
        title="Donne in Cammino APS",
        short_description="Gruppi di parola, passeggiate e incontri per donne di ogni provenienza nella Piana di Lucca.",
        description="<p>Associazione di esempio creata per la demo del portale.</p>",
        municipality="Capannori",
        province="LU",
        postcode="55012",
        street_address="Piazza Aldo Moro 1",
        latitude="43.842500",
        longitude="10.573600",
        categories=("intercultura", "cultura"),
        services=("Gruppi di parola", "Corsi di italiano per donne"),
        target_groups=("women", "migrant_women"),
        languages=("it", "en", "ar", "ro"),
        email="info@donneincammino.example.org",
        phone="0583 000001",
        legal_form="aps",
        fiscal_code="12345678903",
        founding_year=2012,
        hours=_hours(("1", "16:00", "19:00"), ("3", "16:00", "19:00")),
    ),
    DemoEntry(
        title="Filo Rosa – Associazione per la conciliazione",
        short_description="Uno sportello per chi deve tenere insieme lavoro e cura: orari, servizi, diritti.",
        description="<p>Associazione di esempio creata per la demo del portale.</p>",
        municipality="Viareggio",
        province="LU",
        postcode="55049",
        street_address="Via Garibaldi 10",
        latitude="43.872800",
        longitude="10.250400",
        categories=("conciliazione",),
        services=("Sportello conciliazione vita-lavoro", "Informazioni su congedi e servizi per l'infanzia"),
        target_groups=("women", "families"),
        languages=("it", "en"),
        email="sportello@filorosa.example.org",
        legal_form="odv",
        founding_year=2016,
        hours=_hours(("2", "9:30", "12:30")),
    ),
]

LUCCA_BUSINESSES = [
    # Fictional businesses of the Incubatore Donna Impresa (example data).
    DemoEntry(
        title="Sartoria Ago e Filo",
        short_description="Sartoria su misura e riparazioni, nata nell'Incubatore Donna Impresa.",
        description="<p>Impresa di esempio creata per la demo del portale.</p>",
        municipality="Lucca",
        province="LU",
        postcode="55100",
        street_address="Via Fillungo 100",
        latitude="43.845000",
        longitude="10.504900",
        categories=("artigianato",),
        services=("Abiti su misura", "Riparazioni e modifiche"),
        target_groups=("everyone",),
        languages=("it", "en"),
        email="info@agoefilo.example.org",
        legal_form="sole_trader",
        hours=_hours(("1-5", "9:30", "13:00"), ("1-4", "15:30", "19:30")),
    ),
    DemoEntry(
        title="Miele della Garfagnana di Anna",
        short_description="Apicoltura e prodotti dell'alveare dalle montagne della Garfagnana.",
        description="<p>Impresa di esempio creata per la demo del portale.</p>",
        municipality="Castelnuovo di Garfagnana",
        province="LU",
        postcode="55032",
        street_address="Via Vittorio Emanuele 5",
        latitude="44.110500",
        longitude="10.406800",
        categories=("agroalimentare",),
        services=("Vendita diretta", "Visite didattiche all'apiario"),
        target_groups=("everyone", "families"),
        email="miele@garfagnana.example.org",
        legal_form="sole_trader",
        hours=_hours(("5", "9:00", "12:30")),
    ),
    DemoEntry(
        title="Linea Chiara Studio Grafico",
        short_description="Grafica, siti e comunicazione per associazioni e piccole imprese.",
        description="<p>Impresa di esempio creata per la demo del portale.</p>",
        municipality="Lucca",
        province="LU",
        postcode="55100",
        street_address="Via San Paolino 20",
        latitude="43.842100",
        longitude="10.497300",
        categories=("comunicazione",),
        services=("Identità visiva", "Siti web accessibili"),
        target_groups=("everyone",),
        languages=("it", "en", "es"),
        email="ciao@lineachiara.example.org",
        legal_form="company",
        fiscal_code="12345678903",
        founding_year=2019,
        hours=_hours(("0-4", "9:00", "18:00")),
    ),
]

LUCCA_SERVICES = [
    DemoEntry(
        title="Consorzio So&Co",
        short_description="Consorzio di cooperative sociali: formazione e inserimenti lavorativi nel progetto Con Anna.",
        description=(
            "<p>Nel progetto Con Anna il consorzio cura la formazione e l'inserimento al lavoro delle persone "
            "che escono dallo sfruttamento.</p>"
        ),
        municipality="Lucca",
        province="LU",
        categories=("formazione", "orientamento-al-lavoro"),
        services=("Formazione professionale", "Inserimenti lavorativi"),
        target_groups=("job_seekers", "violence_survivors"),
        legal_form="consortium",
    ),
]

TORINO_ASSOCIATIONS = [
    DemoEntry(
        title="Renken Onlus",
        short_description="Partner di Femminili Plurali: attività interculturali con le donne di origine straniera.",
        municipality="Orbassano",
        province="TO",
        categories=("intercultura",),
        target_groups=("migrant_women",),
        legal_form="association",
    ),
]
TORINO_SERVICES = [
    DemoEntry(
        title="CIDIS – Consorzio Intercomunale di Servizi",
        short_description="Il consorzio dei servizi sociali di Orbassano, Rivalta e Piossasco, partner di Femminili Plurali.",
        municipality="Orbassano",
        province="TO",
        categories=("servizi-sociali",),
        services=("Presa in carico sociale", "Co-progettazione delle Portinerie di Comunità"),
        target_groups=("migrant_women", "families"),
        legal_form="consortium",
    ),
    DemoEntry(
        title="Cooperativa Orso",
        short_description="Cooperativa partner di Femminili Plurali: orientamento e accompagnamento al lavoro.",
        municipality="Orbassano",
        province="TO",
        categories=("orientamento-al-lavoro", "formazione"),
        services=("Orientamento al lavoro", "Formazione all'autoimprenditoria"),
        target_groups=("migrant_women", "job_seekers"),
        legal_form="social_cooperative",
    ),
]

MILANO_ASSOCIATIONS = [
    DemoEntry(
        title="Soleterre",
        short_description="Capofila del partenariato WIN per l'integrazione delle donne migranti a San Siro.",
        municipality="Milano",
        province="MI",
        categories=("intercultura", "cooperazione"),
        target_groups=("migrant_women",),
        legal_form="foundation",
    ),
]
MILANO_SERVICES = [
    DemoEntry(
        title="Politecnico di Milano",
        short_description="Partner di ricerca del progetto WIN sulle donne migranti nei quartieri periferici.",
        municipality="Milano",
        province="MI",
        categories=("formazione",),
        legal_form="university",
    ),
    DemoEntry(
        title="Piano C",
        short_description="Partner di WIN: percorsi per il lavoro delle donne e la conciliazione.",
        municipality="Milano",
        province="MI",
        categories=("orientamento-al-lavoro",),
        services=("Bilancio delle competenze", "Orientamento al lavoro"),
        target_groups=("migrant_women", "job_seekers"),
    ),
    DemoEntry(
        title="Telaio delle Arti",
        short_description="Partner di WIN: laboratori di sartoria per le donne del quartiere San Siro.",
        municipality="Milano",
        province="MI",
        categories=("formazione",),
        services=("Percorsi professionalizzanti in sartoria",),
        target_groups=("migrant_women",),
    ),
]

BRINDISI_ASSOCIATIONS = [
    DemoEntry(
        title="Associazione Proattivamente",
        short_description="Partner del patto sociale di genere promosso dal Consorzio Elpendù.",
        municipality="Brindisi",
        province="BR",
        categories=("conciliazione",),
        legal_form="association",
    ),
    DemoEntry(
        title="Associazione culturale Gruppo Pari opportunità",
        short_description="Partner del patto sociale di genere: sensibilizzazione sulla condivisione del lavoro di cura.",
        municipality="Brindisi",
        province="BR",
        categories=("conciliazione", "cultura"),
        legal_form="association",
    ),
]
BRINDISI_SERVICES = [
    DemoEntry(
        title="Consorzio Elpendù",
        short_description="Coordina i quindici partner del patto per la conciliazione tra vita e lavoro.",
        municipality="Brindisi",
        province="BR",
        categories=("servizi-sociali",),
        legal_form="consortium",
    ),
    DemoEntry(
        title="CSE Centro Studi Economici",
        short_description="Partner del patto: analisi dei bisogni di conciliazione e budget di genere.",
        municipality="Brindisi",
        province="BR",
        categories=("formazione",),
    ),
    DemoEntry(
        title="Cittadella della Ricerca di Mesagne",
        short_description="Partner del patto: ricerca e sistema informativo territoriale dei servizi.",
        municipality="Mesagne",
        province="BR",
        categories=("formazione",),
    ),
]

DIRECTORIES = {
    "siena": {"centri-e-servizi": SIENA},
    "lucca": {
        "associazioni": LUCCA_ASSOCIATIONS,
        "imprese-femminili": LUCCA_BUSINESSES,
        "centri-e-servizi": LUCCA_SERVICES,
    },
    "torino": {"associazioni": TORINO_ASSOCIATIONS, "centri-e-servizi": TORINO_SERVICES},
    "milano": {"associazioni": MILANO_ASSOCIATIONS, "centri-e-servizi": MILANO_SERVICES},
    "brindisi": {"associazioni": BRINDISI_ASSOCIATIONS, "centri-e-servizi": BRINDISI_SERVICES},
}


def ensure_categories(locale=None):
    """The demo categories of every kind, created once; returns {(kind, slug): category}."""
    locale = locale or Locale.get_default()
    found = {}
    for kind, categories in CATEGORIES.items():
        for slug, name in categories:
            category, _created = DirectoryCategory.objects.get_or_create(
                locale=locale, kind=kind, slug=slug, defaults={"name": name}
            )
            found[(kind, slug)] = category
    return found


# DemoEntry fields the page stores differently; every other one is copied as it is.
CONVERTED_FIELDS = {
    "latitude",
    "longitude",
    "services",
    "target_groups",
    "languages",
    "categories",
    "hours",
    "hours_note",
}


def _create_entry(index, spec, categories):
    entry = DirectoryEntryPage(
        **{f.name: getattr(spec, f.name) for f in fields(spec) if f.name not in CONVERTED_FIELDS},
        slug=slugify(spec.title)[:80],
        latitude=Decimal(spec.latitude) if spec.latitude else None,
        longitude=Decimal(spec.longitude) if spec.longitude else None,
        services="\n".join(spec.services),
        target_groups=list(spec.target_groups),
        languages=list(spec.languages),
        opening_hours_note=spec.hours_note,
        locale=index.locale,
    )
    entry.categories = [categories[(index.kind, slug)] for slug in spec.categories]
    entry.opening_hours = [
        DirectoryOpeningHours(weekday=day, opens=opens, closes=closes, sort_order=position)
        for position, (day, opens, closes) in enumerate(spec.hours)
    ]
    index.add_child(instance=entry)
    entry.save_revision().publish()
    return entry


def load(context):
    categories = ensure_categories()
    for key, directories in DIRECTORIES.items():
        result = context.portals.get(key)
        if result is None:
            continue
        created = 0
        for slug, specs in directories.items():
            index = Page.objects.child_of(result.home).filter(slug=slug).type(DirectoryIndexPage).first()
            if index is None:
                continue
            index = index.specific
            existing = set(DirectoryEntryPage.objects.child_of(index).values_list("title", flat=True))
            for spec in specs:
                if spec.title not in existing:
                    _create_entry(index, spec, categories)
                    created += 1
        if created:
            context.log(f"{result.site.site_name}: {created} directory entries")
