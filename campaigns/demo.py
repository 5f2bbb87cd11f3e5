"""Demo campaigns, events and news.

- Lucca: "Con Anna", the anti-trafficking project the Provincia has run since
  2006 (facts from Lucca's portal page, seed 002, told in the project's words).
- The network site: a yearly 25 November campaign, copied into every portal
  with the same function as ``manage.py copy_campaign_to_portals``; the demo
  publishes the copies so the portals show them.
- Every portal: an 8 March event and two news items.

Idempotent: what exists (found by slug) is left alone, nothing is re-published.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from sites.demo.portals import HELPLINES

from .copying import copy_campaign_to_portals
from .models import CampaignIndexPage, CampaignPage, EventPage, NewsIndexPage, NewsPage

HELPLINE_1522, HELPLINE_ANTITRATTA = HELPLINES

# The signatories of the 2007 protocol on prostitution and trafficking in the province of Lucca.
PROTOCOL_2007 = (
    "Provincia di Lucca",
    "Questura di Lucca",
    "Comune di Altopascio",
    "Comune di Capannori",
    "Comune di Castelnuovo di Garfagnana",
    "Comune di Viareggio",
    "Azienda USL 2 Lucca",
    "Azienda USL 12 Versilia",
)
CEIS_ENTRY_TITLE = "CeIS – Gruppo Giovani e Comunità di Lucca"

CON_ANNA = {
    "title": "Con Anna – la rete contro la tratta e lo sfruttamento",
    "slug": "con-anna",
    "tagline": "Da una situazione di sfruttamento si può uscire: una rete di persone e servizi ti accompagna.",
    "intro": (
        "Dal 2006 la Provincia di Lucca sostiene le persone vittime di tratta e di sfruttamento – donne, uomini, "
        "minori e persone transgender – con i programmi di assistenza e protezione sociale previsti "
        "dall'articolo 18 del Testo unico sull'immigrazione (D.Lgs. 286/1998)."
    ),
    "start_date": date(2006, 1, 1),
    "end_date": None,
    "key_messages": [
        (
            "message",
            {
                "text": "Chiedere aiuto si può, anche senza documenti.",
                "detail": "Il Numero Verde Antitratta non costa nulla e risponde a qualsiasi ora, tutti i giorni.",
            },
        ),
        ("heading", {"text": "Un percorso su misura", "level": "h2"}),
        (
            "paragraph",
            "<p>Per ogni persona il progetto costruisce un programma individuale, dal giorno in cui decide di "
            "lasciare chi la sfrutta fino a quando ha una casa, un lavoro e una rete di relazioni sul territorio. "
            "Si può essere ospitati in una struttura di accoglienza oppure seguiti restando a vivere dove si "
            "è.</p><p>Se costruire il futuro in Italia non è possibile, il rientro nel Paese d'origine viene "
            "organizzato in modo assistito e protetto, d'intesa con i ministeri competenti.</p>",
        ),
        ("heading", {"text": "Chi ci lavora", "level": "h2"}),
        (
            "paragraph",
            "<p>Il progetto è gestito dall'associazione CeIS – Gruppo Giovani e Comunità di Lucca. Ne fanno parte "
            "Comuni, forze dell'ordine, associazioni del terzo settore e gli altri progetti antitratta italiani; "
            "collaborano la Regione Toscana e il consorzio di cooperative sociali So&amp;Co, che si occupa di "
            "formazione e inserimento al lavoro.</p><p>Dal 2007 un protocollo d'intesa sugli interventi in materia "
            "di prostituzione e tratta lega la Provincia alla Questura, a quattro Comuni, alle due Aziende "
            "sanitarie del territorio e al Ce.I.S.</p>",
        ),
        ("heading", {"text": "Nelle scuole e nelle piazze", "level": "h2"}),
        (
            "paragraph",
            "<p>Negli anni la Provincia ha portato il tema nelle classi e in incontri aperti a tutta la "
            "cittadinanza, in particolare durante la campagna del Fiocco Bianco e nelle iniziative intorno "
            "all'8 marzo.</p>",
        ),
    ],
}

NOVEMBER_25 = {
    "title": "25 novembre – Giornata internazionale per l'eliminazione della violenza contro le donne",
    "slug": "25-novembre",
    "tagline": "Riconoscere la violenza è il primo passo per fermarla.",
    "intro": (
        "Ogni anno, dal 25 novembre al 10 dicembre, i portali della rete fanno conoscere i servizi antiviolenza "
        "del proprio territorio e invitano a incontri, presidi e attività nelle scuole."
    ),
    "start_date": date(2025, 11, 25),
    "end_date": date(2025, 12, 10),
    "recurs_yearly": True,
    "key_messages": [
        (
            "message",
            {
                "text": "La violenza non è mai colpa di chi la subisce.",
                "detail": "Il 1522 è gratuito, attivo giorno e notte, e risponde anche in inglese, francese, "
                "spagnolo e arabo.",
            },
        ),
        (
            "paragraph",
            "<p>Violenza non sono solo le botte: sono anche il controllo del telefono e del denaro, le minacce, "
            "l'isolamento dalle amiche e dalla famiglia. Se ti riconosci in queste situazioni, o le vedi accanto a "
            "te, puoi chiedere consiglio senza impegno e senza lasciare il tuo nome.</p>"
            "<p>La campagna cammina insieme a quella del Fiocco Bianco, che chiede agli uomini di prendere "
            "posizione in prima persona contro la violenza sulle donne.</p>",
        ),
    ],
}

# Where each portal holds its 8 March meeting (the town is the portal's own; no street addresses invented).
MARCH_8_TOWNS = {
    "siena": "Siena",
    "lucca": "Lucca",
    "torino": "Orbassano",
    "brindisi": "Brindisi",
    "milano": "Milano",
}


def _rome(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(settings.TIME_ZONE))


def _next(month, day, today):
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def _section(home, model):
    return model.objects.child_of(home).first()


def _publish_new(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _page_of_type(root, app_label, model_name, **filters):
    """A live page of another app's type under ``root`` (found by content type: no import of that app)."""
    return (
        Page.objects.descendant_of(root)
        .live()
        .filter(content_type__app_label=app_label, content_type__model=model_name, **filters)
        .first()
    )


def _con_anna(context):
    result = context.portals.get("lucca")
    index = result and _section(result.home, CampaignIndexPage)
    if index is None or CampaignPage.objects.child_of(index).filter(slug=CON_ANNA["slug"]).exists():
        return None
    partners = []
    ceis = _page_of_type(result.home, "directory", "directoryentrypage", title=CEIS_ENTRY_TITLE)
    if ceis:
        partners.append(("entry", {"entry": ceis, "role": "ente gestore, firmatario del protocollo del 2007"}))
    else:
        partners.append(
            ("organisation", {"name": CEIS_ENTRY_TITLE, "role": "ente gestore, firmatario del protocollo del 2007"})
        )
    partners += [
        ("organisation", {"name": name, "role": "tra i firmatari del protocollo d'intesa del 2007"})
        for name in PROTOCOL_2007
    ]
    contacts = Page.objects.child_of(result.home).filter(slug="contatti").live().first()
    call_to_action = []
    if contacts:
        call_to_action = [
            (
                "call_to_action",
                {
                    "title": "Vuoi parlarne con qualcuno?",
                    "text": "Scrivi all'ufficio pari opportunità: ti mettiamo in contatto con le operatrici e gli "
                    "operatori del progetto, con la massima riservatezza.",
                    "link": {"label": "Scrivici", "page": contacts, "external_url": ""},
                },
            )
        ]
    campaign = CampaignPage(
        **CON_ANNA,
        helplines=[("helpline", HELPLINE_ANTITRATTA)],
        partners=partners,
        call_to_action=call_to_action,
    )
    return _publish_new(index, campaign)


def _national_campaign(context, today):
    index = _section(context.network.home, CampaignIndexPage)
    if index is None:
        return None
    campaign = CampaignPage.objects.child_of(index).filter(slug=NOVEMBER_25["slug"]).first()
    if campaign:
        return campaign, False
    campaign = _publish_new(
        index,
        CampaignPage(**NOVEMBER_25, helplines=[("helpline", HELPLINE_1522), ("helpline", HELPLINE_ANTITRATTA)]),
    )
    day = _next(11, 25, today)
    _publish_new(
        campaign,
        EventPage(
            title="Incontro online della rete: riconoscere la violenza economica",
            slug="incontro-online-violenza-economica",
            summary="Un'ora per capire come si presenta la violenza economica e a chi rivolgersi, con le "
            "operatrici dei centri antiviolenza dei portali della rete.",
            start=_rome(day, 17, 30),
            end=_rome(day, 18, 30),
            online_url="https://example.org/rete/incontro-25-novembre",
            accessibility_notes="Sottotitoli in diretta. La registrazione resta disponibile per una settimana.",
            organiser="La Rete delle Reti",
        ),
    )
    return campaign, True


def _publish_copies(copies):
    """The demo shows the national campaign on every portal: publish each new copy and its events."""
    for _site, copy in copies:
        for page in Page.objects.descendant_of(copy, inclusive=True).filter(first_published_at__isnull=True):
            page.specific.get_latest_revision().publish()


def _march_8(result, spec, today):
    index = _section(result.home, CampaignIndexPage)
    if index is None or EventPage.objects.descendant_of(index).filter(slug="8-marzo").exists():
        return None
    town = MARCH_8_TOWNS.get(spec.key, spec.province)
    day = _next(3, 8, today)
    form = _page_of_type(result.home, "forms", "formpage", slug="contatti")
    summary = (
        "Un pomeriggio di racconti e testimonianze per la Giornata internazionale della donna: le storie di chi "
        "ha avviato un'impresa, di chi ha ricominciato dopo la violenza e dei servizi che le hanno accompagnate."
    )
    if spec.key == "lucca":
        summary += " Si parlerà anche di tratta e sfruttamento con le operatrici del progetto Con Anna."
    return _publish_new(
        index,
        EventPage(
            title=f"8 marzo a {town}: storie di donne e di diritti",
            slug="8-marzo",
            summary=summary,
            start=_rome(day, 17, 30),
            end=_rome(day, 19, 30),
            place_name="Sala incontri del Centro pari opportunità",
            municipality=town,
            accessibility_notes="Sala al piano terra, senza gradini. Per l'interpretariato in LIS scrivi "
            "all'ufficio almeno una settimana prima.",
            organiser=spec.name,
            registration_page=form,
        ),
    )


def _news(result, spec, today, related):
    index = _section(result.home, NewsIndexPage)
    if index is None:
        return 0
    existing = set(NewsPage.objects.child_of(index).values_list("slug", flat=True))
    items = [
        NewsPage(
            title="Il 25 novembre con la rete dei portali",
            slug="25-novembre-con-la-rete",
            date=today - timedelta(days=3),
            summary=f"Anche {spec.name} partecipa alla campagna nazionale contro la violenza sulle donne: "
            "numeri da chiamare, materiali e iniziative sul territorio.",
            body=[
                (
                    "paragraph",
                    "<p>Dal 25 novembre al 10 dicembre la pagina della campagna raccoglie i numeri di aiuto, "
                    "sempre gratuiti, e gli appuntamenti organizzati in provincia. Chi vuole aderire con "
                    "un'iniziativa può scrivere all'ufficio pari opportunità.</p>",
                )
            ],
            related_page=related.get("national"),
        ),
    ]
    # The second news item: Con Anna's school visits in Lucca, a March 8 afternoon elsewhere.
    if spec.key == "lucca" and related.get("con_anna"):
        title, slug, related_page = "Con Anna torna nelle scuole", "con-anna-nelle-scuole", related["con_anna"]
        summary = (
            "Le operatrici del progetto contro la tratta incontrano studentesse e studenti delle "
            "scuole superiori della provincia."
        )
        text = (
            "<p>Gli incontri spiegano come riconoscere lo sfruttamento, anche quando si nasconde "
            "dietro un'offerta di lavoro, e a chi rivolgersi: il Numero Verde Antitratta 800 290 290 "
            "è gratuito e attivo a ogni ora.</p>"
        )
    else:
        town = MARCH_8_TOWNS.get(spec.key, spec.province)
        title, slug, related_page = (
            f"8 marzo: a {town} un pomeriggio di storie",
            "8-marzo-un-pomeriggio-di-storie",
            None,
        )
        summary = (
            "Testimonianze, servizi e associazioni del territorio si incontrano per la Giornata "
            "internazionale della donna. L'ingresso è libero."
        )
        text = (
            "<p>Il programma completo, il luogo e le informazioni sull'accessibilità sono nella "
            "pagina dell'evento, nella sezione Campagne. Si può aggiungere l'appuntamento al "
            "proprio calendario con un clic.</p>"
        )
    items.append(
        NewsPage(
            title=title,
            slug=slug,
            date=today - timedelta(days=12),
            summary=summary,
            body=[("paragraph", text)],
            related_page=related_page,
        )
    )
    created = 0
    for item in items:
        if item.slug not in existing:
            _publish_new(index, item)
            created += 1
    return created


def load(context):
    today = timezone.localdate()
    con_anna = _con_anna(context)
    if con_anna:
        context.log(f'{context.portals["lucca"].site.site_name}: campaign "Con Anna"')

    national = _national_campaign(context, today)
    copies = {}
    if national:
        campaign, created = national
        if created:
            context.log(f"{context.network.site.site_name}: national campaign of 25 November")
        result = copy_campaign_to_portals(campaign, [portal.site for portal in context.portals.values()])
        _publish_copies(result.created)
        if result.created:
            context.log(f"25 November campaign copied into {len(result.created)} portal(s) and published")
        copies = {site.pk: copy for site, copy in result.created + result.skipped}

    lucca_con_anna = con_anna or (
        CampaignPage.objects.filter(slug=CON_ANNA["slug"]).descendant_of(context.portals["lucca"].home).first()
        if "lucca" in context.portals
        else None
    )
    for key, result in context.portals.items():
        spec = context.specs[key]
        created = 1 if _march_8(result, spec, today) else 0
        related = {"national": copies.get(result.site.pk), "con_anna": lucca_con_anna}
        created += _news(result, spec, today, related)
        if created:
            context.log(f"{result.site.site_name}: 8 March event and news ({created} pages)")
