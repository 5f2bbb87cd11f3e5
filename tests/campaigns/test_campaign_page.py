"""A campaign page: when it runs, how to get help, materials in several languages, partners, sharing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail_factories import ImageFactory
from wagtail_localize.segments.extract import extract_segments

from campaigns.models import CampaignPage
from tests.factories import CampaignPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

HELPLINE = {
    "name": "Numero Verde Antitratta",
    "number": "800 290 290",
    "hours": "24 ore su 24",
    "free_of_charge": True,
    "languages": "italiano, inglese, francese",
}


def test_campaign_page_shows_helplines_as_phone_links_materials_and_partners(client, campaign_index, lucca):
    leaflet = Document.objects.create(title="Volantino", file=ContentFile(b"%PDF-1.4 test", name="volantino.pdf"))
    poster = Document.objects.create(title="Poster", file=ContentFile(b"%PDF-1.4 test", name="poster-en.pdf"))
    CampaignPageFactory(
        parent=campaign_index,
        title="Con Anna",
        slug="con-anna",
        tagline="Contro la tratta e lo sfruttamento",
        start_date=date(2006, 1, 1),
        end_date=None,
        helplines=[
            ("helpline", HELPLINE),
            ("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True}),
        ],
        resources=[
            ("resource", {"document": leaflet, "title": "Volantino", "kind": "leaflet", "language": "it"}),
            ("resource", {"document": poster, "title": "Poster", "kind": "poster", "language": "en"}),
        ],
        partners=[
            ("organisation", {"name": "Questura di Lucca", "role": "firmataria del protocollo", "url": ""}),
            ("organisation", {"name": "CeIS Lucca", "role": "ente gestore", "url": "https://example.org/ceis"}),
        ],
        key_messages=[("message", {"text": "Chiedere aiuto è un diritto.", "detail": ""})],
    )

    response = client.get("/it/campagne/con-anna/", HTTP_HOST="siena.localhost")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Con Anna</h1>" in html
    assert "In corso" in html
    # Helplines in the editor's order, each a tel: link.
    assert html.index('href="tel:800290290"') < html.index('href="tel:1522"')
    assert "Chiedere aiuto è un diritto." in html
    # Each material says its language.
    assert 'hreflang="en"' in html and "English" in html
    assert 'hreflang="it"' in html and "Italiano" in html
    assert "Questura di Lucca – firmataria del protocollo" in html
    assert '<a href="https://example.org/ceis">CeIS Lucca</a>' in html


def test_share_links_are_plain_links_and_load_no_third_party_script(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Fiocco bianco", slug="fiocco-bianco")
    html = client.get("/it/campagne/fiocco-bianco/", HTTP_HOST="siena.localhost").content.decode()
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Fsiena.localhost" in html
    assert "https://wa.me/?text=" in html
    assert "mailto:?subject=" in html
    assert 'id="share-url"' in html
    scripts = [chunk.split(">", 1)[0] for chunk in html.split("<script")[1:]]
    external = [tag for tag in scripts if "src=" in tag and "/static/" not in tag]
    assert external == []


def test_helpline_numbers_are_not_offered_for_translation_but_names_are(campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, helplines=[("helpline", HELPLINE)])
    strings = [segment.string.data for segment in extract_segments(campaign) if hasattr(segment, "string")]
    assert "Numero Verde Antitratta" in strings
    assert "24 ore su 24" in strings
    assert not any("290" in text for text in strings)


def test_end_before_start_and_yearly_windows_longer_than_a_year_are_refused(campaign_index):
    campaign = CampaignPage(title="x", slug="x", start_date=date(2025, 5, 1), end_date=date(2025, 4, 1))
    with pytest.raises(ValidationError) as error:
        campaign.clean()
    assert "end_date" in error.value.message_dict
    yearly = CampaignPage(
        title="y", slug="y", start_date=date(2025, 1, 1), end_date=date(2026, 1, 1), recurs_yearly=True
    )
    with pytest.raises(ValidationError):
        yearly.clean()


def test_hero_image_needs_alt_text(campaign_index):
    image = ImageFactory()
    campaign = CampaignPage(title="z", slug="z", start_date=date(2025, 1, 1), hero_image=image, hero_image_alt="")
    with pytest.raises(ValidationError) as error:
        campaign.clean()
    assert "hero_image_alt" in error.value.message_dict


def test_campaigns_live_only_in_a_campaign_index(campaign_index):
    assert CampaignPage.can_exist_under(campaign_index)
    other = StandardPageFactory(parent=campaign_index.get_parent())
    assert not CampaignPage.can_exist_under(other)


def test_translated_campaign_keeps_the_numbers_and_translates_the_names(client, siena, campaign_index):
    from sites.translation import translate

    from .conftest import offer_language

    campaign = CampaignPageFactory(
        parent=campaign_index, title="Con Anna", slug="con-anna", helplines=[("helpline", HELPLINE)]
    )
    for page in (siena.root_page.specific, campaign_index):
        translate(page, "en", {})
    english = translate(
        campaign, "en", {"Numero Verde Antitratta": "Anti-trafficking helpline", "24 ore su 24": "24/7"}
    )

    helpline = english.helplines[0].value
    assert (helpline["name"], helpline["hours"], helpline["number"]) == (
        "Anti-trafficking helpline",
        "24/7",
        "800 290 290",
    )
    offer_language(siena, "en")
    html = client.get(english.get_url(), HTTP_HOST="siena.localhost").content.decode()
    assert 'href="tel:800290290"' in html and "Anti-trafficking helpline" in html
