from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from directory.models import DirectoryCategory, DirectoryEntryPage

pytestmark = pytest.mark.django_db

SIENA_CENTRES = [
    "Centro pari opportunità Amiata",
    "Centro pari opportunità Crete Senesi",
    "Centro pari opportunità Siena città",
    "Centro pari opportunità Val d'Elsa",
    "Centro pari opportunità Val di Chiana",
    "Centro pari opportunità Val di Merse",
]


def _titles(host, slug):
    index = Site.objects.get(hostname=host).root_page.get_children().get(slug=slug)
    return sorted(DirectoryEntryPage.objects.live().child_of(index).values_list("title", flat=True))


def test_demo_fills_the_directories_idempotently(client):
    call_command("load_demo", stdout=StringIO())
    assert _titles("siena.localhost", "centri-e-servizi") == SIENA_CENTRES
    lucca_associations = _titles("lucca.localhost", "associazioni")
    assert "CeIS – Gruppo Giovani e Comunità di Lucca" in lucca_associations
    assert len(_titles("lucca.localhost", "imprese-femminili")) >= 3
    assert "Consorzio So&Co" in _titles("lucca.localhost", "centri-e-servizi")
    assert {"Cooperativa Orso", "CIDIS – Consorzio Intercomunale di Servizi"} <= set(
        _titles("torino.localhost", "centri-e-servizi")
    )
    assert "Renken Onlus" in _titles("torino.localhost", "associazioni")
    assert "Soleterre" in _titles("milano.localhost", "associazioni")
    assert {"Politecnico di Milano", "Piano C", "Telaio delle Arti"} <= set(
        _titles("milano.localhost", "centri-e-servizi")
    )
    assert _titles("brindisi.localhost", "associazioni")

    # Real organisations get no invented phone numbers or fiscal codes.
    for title in ("Soleterre", "Renken Onlus", "CeIS – Gruppo Giovani e Comunità di Lucca", "Consorzio So&Co"):
        entry = DirectoryEntryPage.objects.get(title=title)
        assert not entry.phone and not entry.fiscal_code

    html = client.get("/it/centri-e-servizi/", HTTP_HOST="siena.localhost").content.decode()
    assert "Centro pari opportunità Val d&#x27;Elsa" in html
    assert "directory-map-points" in html

    counts = (DirectoryEntryPage.objects.count(), DirectoryCategory.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (DirectoryEntryPage.objects.count(), DirectoryCategory.objects.count()) == counts
