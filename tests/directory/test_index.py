import datetime
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sites import navigation
from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory, DirectoryOpeningHoursFactory

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")
URL = "/it/associazioni/"


def get(client, url=URL, host="siena.localhost", **params):
    return client.get(url, params, HTTP_HOST=host)


def titles(response):
    return [entry.title for entry in response.context["entries"]]


def freeze(monkeypatch, moment):
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def test_lists_live_entries_a_to_z_and_hides_drafts(client, siena_associations):
    DirectoryEntryPageFactory(parent=siena_associations, title="Zeta Donne")
    DirectoryEntryPageFactory(parent=siena_associations, title="alfa rete")
    DirectoryEntryPageFactory(parent=siena_associations, title="Bozza nascosta", live=False)
    response = get(client)
    assert response.status_code == 200
    assert titles(response) == ["alfa rete", "Zeta Donne"]
    assert "Bozza nascosta" not in response.content.decode()


def test_filters_by_category_municipality_language_and_text(client, siena_associations):
    violence = DirectoryCategoryFactory(kind="association", name="Antiviolenza", slug="antiviolenza")
    culture = DirectoryCategoryFactory(kind="association", name="Cultura", slug="cultura")
    DirectoryEntryPageFactory(
        parent=siena_associations,
        title="Aiuto Donna",
        categories=[violence],
        municipality="Siena",
        languages=["it", "ar"],
    )
    DirectoryEntryPageFactory(
        parent=siena_associations,
        title="Teatro Insieme",
        categories=[culture],
        municipality="Poggibonsi",
        languages=["it"],
        services="Laboratori teatrali\nCorsi di scrittura",
    )
    assert titles(get(client, categoria="antiviolenza")) == ["Aiuto Donna"]
    assert titles(get(client, comune="Poggibonsi")) == ["Teatro Insieme"]
    assert titles(get(client, lingua="ar")) == ["Aiuto Donna"]
    assert titles(get(client, q="scrittura")) == ["Teatro Insieme"]
    assert titles(get(client, q="scrittura", comune="Siena")) == []

    html = get(client).content.decode()
    # The choices come from this directory: its categories and its entries' municipalities and languages.
    assert '<option value="antiviolenza">Antiviolenza</option>' in html
    assert '<option value="Poggibonsi">Poggibonsi</option>' in html
    assert '<option value="ar">arabo</option>' in html
    assert '<option value="zh">' not in html
    # A filter value that is not offered is ignored rather than failing.
    assert response_ok(get(client, categoria="nope", lingua="xx"))


def response_ok(response):
    return response.status_code == 200 and len(response.context["entries"]) == 2


def test_open_now_filter_and_badges_follow_the_clock(client, siena_associations, monkeypatch):
    morning = DirectoryEntryPageFactory(parent=siena_associations, title="Mattina")
    DirectoryOpeningHoursFactory(entry=morning, weekday=0, opens=datetime.time(9), closes=datetime.time(13))
    afternoon = DirectoryEntryPageFactory(parent=siena_associations, title="Pomeriggio")
    DirectoryOpeningHoursFactory(entry=afternoon, weekday=0, opens=datetime.time(15), closes=datetime.time(19))
    DirectoryEntryPageFactory(parent=siena_associations, title="Senza orari")

    freeze(monkeypatch, datetime.datetime(2026, 11, 23, 10, 0, tzinfo=ROME))  # Monday 10:00 in Rome
    assert titles(get(client, aperto="1")) == ["Mattina"]
    html = get(client).content.decode()
    assert html.count("Aperto ora") == 1 and html.count("Chiuso ora") == 1

    freeze(monkeypatch, datetime.datetime(2026, 11, 23, 15, 30, tzinfo=datetime.UTC))  # 16:30 in Rome
    assert titles(get(client, aperto="1")) == ["Pomeriggio"]

    freeze(monkeypatch, datetime.datetime(2026, 11, 24, 10, 0, tzinfo=ROME))  # Tuesday
    assert titles(get(client, aperto="1")) == []
    assert "Nessuna scheda corrisponde" in get(client, aperto="1").content.decode()


def test_a_to_z_letters_link_only_initials_that_exist(client, siena_associations):
    for title in ("Arcobaleno", "Aurora", "Belle Arti", "Casa delle donne", "Èva e le altre"):
        DirectoryEntryPageFactory(parent=siena_associations, title=title)
    response = get(client)
    letters = dict(response.context["letters"])
    assert letters["A"] and letters["B"] and letters["C"] and letters["E"] and not letters["D"]
    html = response.content.decode()
    assert 'href="/it/associazioni/?lettera=B"' in html
    assert "?lettera=D" not in html

    assert titles(get(client, lettera="A")) == ["Arcobaleno", "Aurora"]
    assert titles(get(client, lettera="b")) == ["Belle Arti"]
    assert titles(get(client, lettera="E")) == ["Èva e le altre"]  # accented initials go under their letter
    # Letters combine with the other filters, and a filter keeps the chosen letter in the URL.
    assert titles(get(client, lettera="A", q="aur")) == ["Aurora"]
    assert '<input type="hidden" name="lettera" value="A">' in get(client, lettera="A").content.decode()


def test_pagination_is_24_per_page_and_keeps_the_filters(client, siena_associations):
    for number in range(30):
        DirectoryEntryPageFactory(parent=siena_associations, title=f"Associazione {number:02d}", municipality="Siena")
    first = get(client, comune="Siena")
    assert len(first.context["entries"]) == 24
    assert first.context["page_obj"].paginator.count == 30
    html = first.content.decode()
    assert "30 schede" in html
    assert "?comune=Siena&amp;page=2" in html
    second = get(client, comune="Siena", page="2")
    assert titles(second) == [f"Associazione {number:02d}" for number in range(24, 30)]
    assert len(titles(get(client, page="99"))) == 6  # past the end: the last page


def test_map_points_are_the_filtered_entries_with_coordinates_and_the_list_needs_no_js(client, siena_associations):
    DirectoryEntryPageFactory(
        parent=siena_associations,
        title="Con mappa",
        short_description="Sede localizzata.",
        latitude="43.318800",
        longitude="11.330800",
        municipality="Siena",
    )
    DirectoryEntryPageFactory(
        parent=siena_associations,
        title="Senza coordinate",
        short_description="Sede da localizzare.",
        municipality="Siena",
    )
    response = get(client)
    assert response.context["map_points"] == [
        {"name": "Con mappa", "url": "/it/associazioni/con-mappa/", "lat": 43.3188, "lng": 11.3308, "place": "Siena"}
    ]
    html = response.content.decode()
    # The map section is hidden until the script shows it; the cards are plain HTML links.
    assert '<section class="directory-map-section my-5" aria-labelledby="directory-map-heading" hidden>' in html
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert '<a href="/it/associazioni/senza-coordinate/">Senza coordinate</a>' in html
    assert get(client, q="Senza").context["map_points"] == []
    assert "leaflet.js" not in get(client, q="Senza").content.decode()


def test_tile_server_is_configurable(client, siena_associations, settings):
    settings.DIRECTORY_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    DirectoryEntryPageFactory(parent=siena_associations, latitude="43.318800", longitude="11.330800")
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in get(client).content.decode()


def test_each_portal_lists_only_its_own_entries(client, siena_associations, lucca_associations):
    DirectoryEntryPageFactory(parent=siena_associations, title="Di Siena")
    DirectoryEntryPageFactory(parent=lucca_associations, title="Di Lucca")
    assert titles(get(client)) == ["Di Siena"]
    assert titles(get(client, host="lucca.localhost")) == ["Di Lucca"]
    # The network site has no directories of its own.
    assert get(client, host="localhost").status_code == 404


def _build(index, count, categories, start):
    for number in range(start, start + count):
        entry = DirectoryEntryPageFactory(
            parent=index,
            title=f"Associazione {number:03d}",
            categories=categories,
            logo=wagtail_factories.ImageFactory(),
            logo_alt="Logo",
            languages=["it", "en"],
            latitude="43.318800",
            longitude="11.330800",
        )
        DirectoryOpeningHoursFactory(entry=entry, weekday=number % 7)


def test_index_query_count_does_not_grow_with_the_entries(client, siena_associations):
    categories = [DirectoryCategoryFactory(kind="association"), DirectoryCategoryFactory(kind="association")]

    def after_a_publish():
        # Nothing cached, as after publishing the entries: the directory's own queries are counted.
        navigation.invalidate()
        with CaptureQueriesContext(connection) as queries:
            entries = get(client).context["entries"]
        return entries, queries

    _build(siena_associations, 5, categories, 0)
    after_a_publish()  # makes the renditions
    entries, five = after_a_publish()
    assert len(entries) == 5
    _build(siena_associations, 45, categories, 5)
    after_a_publish()
    entries, fifty = after_a_publish()
    assert len(entries) == 24
    # Per request, whatever the number of entries: site, locale and page routing; the category choices,
    # the municipalities, the languages, the A–Z initials, the map points, the count and the page of
    # entries; one prefetch each for logos, their renditions, categories and opening hours; then what
    # base.html needs (portal settings, breadcrumbs, menu, language links), which does not depend on entries.
    assert len(fifty) == len(five), [query["sql"] for query in fifty.captured_queries]
    # Then the whole directory's choices, letters, count and pages are kept until the next publish.
    with CaptureQueriesContext(connection) as warm:
        assert len(get(client).context["entries"]) == 24
    assert len(warm) < len(fifty)


def test_the_cached_list_follows_publishing_and_category_changes(client, siena_associations):
    category = DirectoryCategoryFactory(kind="association", name="Lavoro", slug="lavoro")
    entry = DirectoryEntryPageFactory(parent=siena_associations, title="Rete Donne", categories=[category])
    html = get(client).content.decode()
    assert "Rete Donne" in html and "Lavoro" in html
    category.name = "Lavoro e impresa"
    category.save()
    assert "Lavoro e impresa" in get(client).content.decode()
    entry.title = "Rete Donne Siena"
    entry.save_revision().publish()
    assert titles(get(client)) == ["Rete Donne Siena"]
    entry.unpublish()
    assert titles(get(client)) == []


def test_filter_choices_letters_and_count_follow_what_is_published(client, siena_associations):
    DirectoryEntryPageFactory(parent=siena_associations, title="Arcobaleno", municipality="Siena")
    response = get(client)
    assert dict(response.context["letters"])["A"] and not dict(response.context["letters"])["Z"]
    assert response.context["page_obj"].paginator.count == 1
    comuni = [name for name, _label in response.context["filter_form"].fields["comune"].choices]
    assert "Poggibonsi" not in comuni

    # Kept between requests (a directory of thousands reads every entry for them), but a publish
    # or a new category replaces them at once.
    entry = DirectoryEntryPageFactory(parent=siena_associations, title="Zefiro", municipality="Poggibonsi", live=False)
    entry.save_revision().publish()

    response = get(client)
    assert dict(response.context["letters"])["Z"]
    assert response.context["page_obj"].paginator.count == 2
    assert titles(get(client, lettera="Z")) == ["Zefiro"]
    assert "Poggibonsi" in [name for name, _label in response.context["filter_form"].fields["comune"].choices]

    DirectoryCategoryFactory(kind="association", name="Case rifugio")
    form = get(client).context["filter_form"]
    assert "Case rifugio" in [label for _slug, label in form.fields["categoria"].choices]
