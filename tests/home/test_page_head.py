"""Each page loads one stylesheet, the one for its direction/script, and preloads fonts that stylesheet uses."""

import posixpath
import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from sites.models import PortalSettings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (settings.BASE_DIR / "static_build").exists(), reason="static_build/ is missing: run npm run build"
    ),
]

HEAD_LINK_RE = re.compile(r"<link ([^>]*)>")
FONT_URL_RE = re.compile(r"@font-face\s*\{[^}]*?url\(([^)]+\.woff2)\)")


def head_links(html, rel):
    head = html.split("</head>", 1)[0]
    links = [dict(re.findall(r'([\w-]+)(?:="([^"]*)")?', attributes)) for attributes in HEAD_LINK_RE.findall(head)]
    return [link for link in links if link.get("rel") == rel]


def font_urls(stylesheet_url):
    """The woff2 files a built stylesheet declares, as URLs (resolved against the stylesheet's own)."""
    name = stylesheet_url.removeprefix(settings.STATIC_URL)
    css = (settings.BASE_DIR / "static_build" / name).read_text(encoding="utf-8")
    base = posixpath.dirname(stylesheet_url)
    return {posixpath.normpath(posixpath.join(base, url.strip("'\""))) for url in FONT_URL_RE.findall(css)}


@pytest.fixture
def siena_in_every_script(siena):
    portal_settings = PortalSettings.for_site(siena)
    portal_settings.languages.set(Locale.objects.filter(language_code__in=["ar", "zh-hans"]))
    portal_settings.save()
    for code in ("ar", "zh-hans"):
        translation = siena.root_page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.save_revision().publish()
    return siena


@pytest.mark.parametrize(
    ("path", "stylesheet", "preloaded"),
    [
        ("/it/", "css/bootstrap-italia.min.css", 3),  # Titillium Web 400, 600, 700
        ("/it/associazioni/", "css/bootstrap-italia.min.css", 3),
        ("/ar/", "css/bootstrap-italia.rtl.min.css", 2),  # Noto Sans Arabic 400, 700 (Arabic letters)
        # Noto Sans SC comes in ~100 slices by Unicode range: which ones a page needs depends on its text.
        ("/zh-hans/", "css/bootstrap-italia.zh-hans.min.css", 0),
    ],
)
def test_one_stylesheet_and_the_fonts_it_uses_preloaded(client, siena_in_every_script, path, stylesheet, preloaded):
    response = client.get(path, HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    html = response.content.decode()

    assert [link["href"] for link in head_links(html, "stylesheet")] == [settings.STATIC_URL + stylesheet]
    fonts = head_links(html, "preload")
    assert len(fonts) == preloaded
    declared = font_urls(settings.STATIC_URL + stylesheet)
    for font in fonts:
        # Fonts are fetched in CORS mode: a preload without crossorigin would be fetched twice.
        assert font == {"rel": "preload", "href": font["href"], "as": "font", "type": "font/woff2", "crossorigin": ""}
        assert font["href"] in declared, font["href"]
