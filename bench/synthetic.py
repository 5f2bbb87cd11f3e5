"""Plausible example content for growing a database: Italian organisation names, towns, projects.

Every item is drawn from ``random.Random(number)``, so item *n* is the same on every run. Contacts are
example data only (example.org addresses, 0000 phone numbers), and every slug starts with
``EXAMPLE_PREFIX`` so the example items can be counted, topped up and told apart from real ones.
"""

import datetime
import random
from decimal import Decimal

from django.utils.text import slugify

EXAMPLE_PREFIX = "esempio-"

KINDS = [
    "Associazione",
    "Cooperativa sociale",
    "Centro",
    "Circolo",
    "Rete",
    "Casa",
    "Sportello",
    "Comitato",
    "Fondazione",
    "Gruppo",
    "Laboratorio",
    "Osservatorio",
]
NAMES = [
    "Aurora",
    "Artemisia",
    "Bianca Bianchi",
    "Camelia",
    "Demetra",
    "Elvira",
    "Fiordaliso",
    "Gaia",
    "Girasole",
    "Hypatia",
    "Iris",
    "Ipazia",
    "Lilith",
    "Margherita",
    "Mimosa",
    "Nilde Iotti",
    "Olympe",
    "Orsa Maggiore",
    "Pandora",
    "Quercia",
    "Rosa dei venti",
    "Sibilla",
    "Tina Anselmi",
    "Ulivo",
    "Vittoria",
    "Zenobia",
    "Le Tessitrici",
    "Le Rondini",
    "Donne in cammino",
    "Filo rosso",
    "Nuove rotte",
    "Voci di donne",
    "Ponti e parole",
    "Spazio comune",
    "Eva e le altre",
    "Kore",
    "Joyce Lussu",
    "Yemaya",
    "Willa",
    "Xenia",
]
TOWNS = [
    ("Siena", "SI", "53100", 43.3188, 11.3308),
    ("Poggibonsi", "SI", "53036", 43.4667, 11.15),
    ("Colle di Val d'Elsa", "SI", "53034", 43.4222, 11.1275),
    ("Montepulciano", "SI", "53045", 43.0983, 11.7869),
    ("Chianciano Terme", "SI", "53042", 43.0606, 11.8297),
    ("Sinalunga", "SI", "53048", 43.2144, 11.7375),
    ("Montalcino", "SI", "53024", 43.0586, 11.4892),
    ("Abbadia San Salvatore", "SI", "53021", 42.8817, 11.6772),
    ("Castelnuovo Berardenga", "SI", "53019", 43.3469, 11.5042),
    ("Monteriggioni", "SI", "53035", 43.3897, 11.2236),
    ("Asciano", "SI", "53041", 43.2342, 11.5614),
]
ACTIVITIES = [
    "ascolto e orientamento per donne che subiscono violenza",
    "corsi di italiano per donne con background migratorio",
    "sostegno all'avvio di imprese femminili",
    "doposcuola e conciliazione dei tempi di vita e di lavoro",
    "laboratori di educazione al rispetto nelle scuole",
    "consulenza legale gratuita",
    "orientamento al lavoro e bilancio delle competenze",
    "gruppi di mutuo aiuto",
    "rassegne culturali e letture sulla storia delle donne",
    "accompagnamento ai servizi sanitari e sociali",
]
SERVICES = [
    "Sportello di ascolto",
    "Consulenza legale",
    "Orientamento al lavoro",
    "Corsi di lingua italiana",
    "Mediazione culturale",
    "Laboratori per ragazze e ragazzi",
    "Gruppi di auto mutuo aiuto",
    "Accompagnamento ai servizi",
]
# The desk languages of an example entry: Italian, plus some of these.
OTHER_LANGUAGES = ["en", "fr", "es", "ar", "ro", "sq", "uk", "zh", "ur", "wo"]
TARGETS = ["women", "migrant_women", "violence_survivors", "entrepreneurs", "job_seekers", "young_people", "families"]
SECTORS_OF_PROJECTS = [
    "Prevenzione della violenza di genere",
    "Lavoro e impresa femminile",
    "Conciliazione e welfare",
    "Scuola e educazione al rispetto",
    "Salute delle donne",
    "Inclusione delle donne migranti",
]
FUNDERS = ["Bando Territori inclusivi", "Fondo regionale pari opportunità", "PNRR Missione 5", "Fondi propri"]
# "An example entry …" in the languages an example translation is written in.
EXAMPLE_SUMMARY = {
    "it": "Scheda di esempio: {activity} a {town}.",
    "en": "Example entry: an organisation in {town}.",
    "fr": "Fiche d'exemple : une organisation à {town}.",
    "es": "Ficha de ejemplo: una organización en {town}.",
    "ar": "بطاقة نموذجية: منظمة في {town}.",
    "ro": "Fișă de exemplu: o organizație din {town}.",
    "sq": "Skedë shembull: një organizatë në {town}.",
    "uk": "Приклад картки: організація в місті {town}.",
    "zh-hans": "示例条目：位于{town}的组织。",
}


def example_slug(number, title):
    return f"{EXAMPLE_PREFIX}{number:05d}-{slugify(title)[:60]}"


def entry_fields(number):
    """The fields of example directory entry ``number`` (categories and hours are drawn apart)."""
    rng = random.Random(number)
    name = NAMES[number % len(NAMES)]
    kind = rng.choice(KINDS)
    town, province, postcode, lat, lng = rng.choice(TOWNS)
    # Half the names start with the name itself, so every letter of the A–Z index has entries.
    title = f"{name} – {kind} {number}" if number % 2 else f"{kind} {name} {number}"
    activity = rng.choice(ACTIVITIES)
    fields = {
        "title": title,
        "slug": example_slug(number, title),
        "short_description": EXAMPLE_SUMMARY["it"].format(activity=activity, town=town),
        "description": f"<p>{kind} di esempio, generata per le prove di carico: si occupa di {activity}.</p>",
        "services": "\n".join(rng.sample(SERVICES, rng.randint(1, 4))),
        "target_groups": rng.sample(TARGETS, rng.randint(1, 3)),
        "languages": ["it", *rng.sample(OTHER_LANGUAGES, rng.choice([0, 0, 1, 1, 2, 3]))],
        "street_address": f"Via di esempio {rng.randint(1, 120)}",
        "postcode": postcode,
        "municipality": town,
        "province": province,
        "email": f"scheda{number}@example.org",
        "phone": f"0000 {number:06d}",
        "website": f"https://example.org/schede/{number}/",
        "founding_year": rng.randint(1975, 2024),
    }
    if rng.random() < 0.6:
        fields["latitude"] = Decimal(f"{lat + rng.uniform(-0.02, 0.02):.6f}")
        fields["longitude"] = Decimal(f"{lng + rng.uniform(-0.02, 0.02):.6f}")
    return fields


def entry_categories(number, categories):
    """One or two of ``categories`` for entry ``number``."""
    if not categories:
        return []
    rng = random.Random(-number)
    return rng.sample(categories, min(len(categories), rng.randint(1, 2)))


def entry_hours(number):
    """(weekday, opens, closes) rows: about half the entries keep office hours."""
    if number % 2:
        return []
    morning = (datetime.time(9), datetime.time(13))
    afternoon = (datetime.time(15), datetime.time(18))
    return [(day, *morning) for day in range(5)] + [(day, *afternoon) for day in (1, 3) if number % 4 == 0]


def project_fields(number):
    rng = random.Random(10_000_000 + number)
    town = rng.choice(TOWNS)[0]
    sector = rng.choice(SECTORS_OF_PROJECTS)
    start = rng.randint(2015, 2026)
    title = f"{sector} a {town} ({number})"
    return {
        "title": title,
        "slug": example_slug(number, title),
        "summary": f"Progetto di esempio, generato per le prove di carico: {sector.lower()} nel territorio di {town}.",
        "area": f"Comune di {town}",
        "promoter": f"{rng.choice(KINDS)} {rng.choice(NAMES)}",
        "funding_programme": rng.choice(FUNDERS),
        "start_year": start,
        "end_year": start + rng.randint(0, 3),
        "contact_email": f"progetto{number}@example.org",
    }


def example_summary(code, town):
    """The short text of an example translation in language ``code`` (Italian when there is none)."""
    return EXAMPLE_SUMMARY.get(code, EXAMPLE_SUMMARY["it"]).format(town=town, activity="")
