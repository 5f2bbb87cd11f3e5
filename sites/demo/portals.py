"""The demo network: La Rete delle Reti and five provincial portals.

Facts (names, places, years) come from the portals' own project sheets; the
wording is the project's.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPortal:
    key: str
    name: str
    hostname: str
    province: str
    region: str
    intro: str
    about: str
    contact_email: str
    network: bool = False
    slug: str = ""
    featured: tuple = ("progetti", "centri-e-servizi", "campagne")

    def provisioning(self):
        """The arguments of sites.portals.provision_portal that describe this portal."""
        return {name: getattr(self, name) for name in ("name", "hostname", "province", "region", "slug", "network")}


HELPLINES = [
    {
        "name": "1522 – antiviolenza e stalking",
        "number": "1522",
        "hours": "24 ore su 24, tutti i giorni",
        "free_of_charge": True,
        "languages": "italiano, inglese, francese, spagnolo, arabo",
    },
    {
        "name": "Numero Verde Antitratta",
        "number": "800 290 290",
        "hours": "24 ore su 24",
        "free_of_charge": True,
        "languages": "italiano e le principali lingue delle persone accolte",
    },
]

NETWORK = DemoPortal(
    key="rete",
    name="La Rete delle Reti",
    hostname="localhost",
    province="",
    region="",
    slug="rete",
    network=True,
    featured=("progetti", "campagne", "chi-siamo"),
    intro=(
        "Un solo punto d'accesso ai portali provinciali per le pari opportunità: i progetti, le campagne "
        "e i servizi di Siena, Lucca, dell'area torinese, di Brindisi e di Milano."
    ),
    about=(
        "La rete mette in comune il lavoro degli uffici pari opportunità delle province: ogni portale resta "
        "di chi lo cura, la rete ne raccoglie i contenuti pubblicati perché si possano trovare insieme."
    ),
    contact_email="rete@example.org",
)

PORTALS = (
    DemoPortal(
        key="siena",
        name="Pari Opportunità Siena",
        hostname="siena.localhost",
        province="Siena",
        region="Toscana",
        intro=(
            "Dal 1998 la Provincia di Siena e i Comuni del territorio hanno aperto sei centri pari opportunità: "
            "in Val d'Elsa, in Val di Chiana, sull'Amiata, in Val di Merse, a Siena città e nelle Crete Senesi. "
            "Offrono gratuitamente orientamento al lavoro, sostegno a chi fa impresa e aiuto alle donne che "
            "subiscono violenza."
        ),
        about=(
            "Il centro pari opportunità provinciale coordina la rete dei centri territoriali insieme alla "
            "Consulta pari opportunità. Le amministratrici elette nei Comuni associati formano l'assemblea che "
            "decide le attività di ogni centro."
        ),
        contact_email="pariopportunita.siena@example.org",
    ),
    DemoPortal(
        key="lucca",
        name="Pari Opportunità Lucca",
        hostname="lucca.localhost",
        province="Lucca",
        region="Toscana",
        featured=("associazioni", "imprese-femminili", "campagne"),
        intro=(
            "Il portale del Centro e della Commissione pari opportunità della Provincia di Lucca: le associazioni "
            "del territorio, le imprese dell'Incubatore Donna Impresa e il progetto Con Anna contro la tratta e lo "
            "sfruttamento, attivo dal 2006."
        ),
        about=(
            "L'assessorato e il Centro pari opportunità seguono le politiche del lavoro femminile e offrono uno "
            "spazio gratuito alle associazioni e alle imprese femminili che chiedono di farsi conoscere."
        ),
        contact_email="pariopportunita.lucca@example.org",
    ),
    DemoPortal(
        key="torino",
        name="Pari Opportunità Area Torinese",
        hostname="torino.localhost",
        province="Torino",
        region="Piemonte",
        intro=(
            "Orbassano, Rivalta e Piossasco lavorano in rete per l'inclusione delle persone in condizione di "
            "fragilità, in particolare delle donne con background migratorio: servizi, orientamento al lavoro e "
            "portinerie di comunità."
        ),
        about=(
            "La rete dei tre Comuni, con il consorzio dei servizi sociali e le associazioni del territorio, porta "
            "avanti il progetto Femminili Plurali, giunto alla seconda fase."
        ),
        contact_email="pariopportunita.torino@example.org",
    ),
    DemoPortal(
        key="brindisi",
        name="Pari Opportunità Brindisi",
        hostname="brindisi.localhost",
        province="Brindisi",
        region="Puglia",
        intro=(
            "Un patto sociale di genere tra Comuni, sindacati, associazioni di categoria e terzo settore per "
            "dividere meglio il lavoro di cura tra donne e uomini e conciliare vita e lavoro."
        ),
        about=(
            "Il Consorzio Elpendù coordina quindici partner della provincia di Brindisi intorno al patto per la "
            "conciliazione."
        ),
        contact_email="pariopportunita.brindisi@example.org",
    ),
    DemoPortal(
        key="milano",
        name="Pari Opportunità Milano",
        hostname="milano.localhost",
        province="Milano",
        region="Lombardia",
        intro=(
            "Percorsi di integrazione per le donne migranti che vivono nei quartieri periferici: nel quartiere "
            "San Siro orientamento, corsi di italiano e formazione professionale in sartoria e cucina."
        ),
        about=(
            "Il Comune di Milano partecipa a un partenariato europeo con realtà di Italia, Spagna e Svezia per "
            "l'integrazione sociale ed economica delle donne migranti."
        ),
        contact_email="pariopportunita.milano@example.org",
    ),
)
