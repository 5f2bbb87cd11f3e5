"""Each portal answers on its own host name with its own content."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("host", "name"),
    [("siena.localhost", "Pari Opportunità Siena"), ("lucca.localhost", "Pari Opportunità Lucca")],
)
def test_portal_home_is_served_at_its_host_name(client, host, name):
    response = client.get("/it/", HTTP_HOST=host)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<div class="it-brand-title">{name}</div>' in html
    others = {"Pari Opportunità Siena", "Pari Opportunità Lucca"} - {name}
    assert not any(other in html for other in others)


def test_network_site_is_served_at_localhost(client):
    response = client.get("/it/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert '<div class="it-brand-title">La Rete delle Reti</div>' in response.content.decode()


def test_bare_root_redirects_to_the_italian_home(client):
    response = client.get("/", HTTP_HOST="siena.localhost")
    assert response.status_code == 302
    assert response["Location"] == "/it/"


def test_menu_lists_the_portal_sections_in_order(client):
    html = client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    menu = html.split('class="navbar-nav"', 1)[1].split("</ul>", 1)[0]
    positions = [menu.index(f"<span>{title}</span>") for title in ("Progetti", "Associazioni", "Campagne", "Contatti")]
    assert positions == sorted(positions)
    # Legal pages live in the footer, not the main menu.
    assert "<span>Privacy</span>" not in menu


def test_footer_links_to_privacy_legal_notes_and_accessibility(client):
    html = client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    footer = html.split('id="footer"', 1)[1]
    for path, label in [
        ("/it/privacy/", "Privacy"),
        ("/it/note-legali/", "Note legali"),
        ("/it/dichiarazione-di-accessibilita/", "Dichiarazione di accessibilità"),
    ]:
        assert f'<a href="{path}">{label}</a>' in footer
        assert client.get(path, HTTP_HOST="siena.localhost").status_code == 200


def test_section_page_has_breadcrumbs_back_to_the_portal_home(client):
    html = client.get("/it/progetti/", HTTP_HOST="siena.localhost").content.decode()
    assert '<li class="breadcrumb-item"><a href="/it/">Pari Opportunità Siena</a>' in html
    assert '<li class="breadcrumb-item active" aria-current="page">Progetti</li>' in html


def test_unknown_page_answers_404_with_the_portal_layout(client):
    response = client.get("/it/non-esiste/", HTTP_HOST="lucca.localhost")
    assert response.status_code == 404
    assert "Pari Opportunità Lucca" in response.content.decode()


def test_help_strip_shows_emergency_numbers_only_where_enabled(client, siena):
    from sites.models import PortalSettings

    settings = PortalSettings.for_site(siena)
    settings.show_help_strip = True
    settings.emergency_helplines = [
        ("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True})
    ]
    settings.save()
    siena_html = client.get("/it/progetti/", HTTP_HOST="siena.localhost").content.decode()
    lucca_html = client.get("/it/progetti/", HTTP_HOST="lucca.localhost").content.decode()
    assert 'href="tel:1522"' in siena_html
    assert 'href="tel:1522"' not in lucca_html
