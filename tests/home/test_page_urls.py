"""Page URLs are built without reversing Wagtail's URL pattern for each page, and are Wagtail's own."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from campaigns.models import NewsIndexPage
from sites import page_urls
from tests.campaigns.conftest import offer_language, section, translate
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_every_page_url_is_the_one_wagtail_builds(siena):
    offer_language(siena, "ar")
    news = NewsPageFactory(parent=section(siena, NewsIndexPage), slug="notizia")
    translate(news, "ar")
    NewsPageFactory(parent=section(siena, NewsIndexPage), slug="città-aperta")  # quoted: left to Wagtail
    pages = list(Page.objects.filter(depth__gt=1).specific())
    for host in ("siena.localhost", "localhost"):
        request = RequestFactory().get("/", HTTP_HOST=host)
        for code in ("it", "ar", settings.LANGUAGES[-1][0]):
            with translation.override(code):
                for page in pages:
                    assert page.get_url_parts(request) == Page.get_url_parts(page, request), page.url_path
                    assert page.get_url(request) == Page.get_url(page, request), page.url_path
                    plain = Page.objects.get(pk=page.pk)
                    assert page_urls.page_url(plain, request) == Page.get_url(plain, request), page.url_path
    assert news.get_url_parts()[2] == "/it/notizie/notizia/"
