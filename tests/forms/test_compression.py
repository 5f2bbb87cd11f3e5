"""Pages reach the browser gzip-compressed, form pages included (see README, Performance)."""

import gzip
import re

import pytest

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "lucca.localhost"}
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def fetch(client, url, **headers):
    response = client.get(url, **HOST, **headers)
    assert response.status_code == 200
    return response


def test_a_page_is_compressed_for_a_browser_that_accepts_gzip(client):
    plain = fetch(client, "/it/")
    compressed = fetch(client, "/it/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content).decode()
    assert html.startswith("<!DOCTYPE html>") and "Pari Opportunità Lucca" in html
    assert len(compressed.content) < len(plain.content) / 3


def test_a_form_page_is_compressed_and_its_csrf_token_never_repeats(client, lucca_registration):
    # BREACH guesses a secret from the compressed size of many responses that all carry it:
    # the token in the page is masked anew each time, and the gzip stream has a random length.
    tokens, sizes = set(), set()
    for _ in range(5):
        response = fetch(client, lucca_registration.url, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        tokens.add(TOKEN_RE.search(gzip.decompress(response.content).decode()).group(1))
        sizes.add(len(response.content))
    assert len(tokens) == 5
    assert len(sizes) > 1
