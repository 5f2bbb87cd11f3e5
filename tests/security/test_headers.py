"""Security headers: CSP on public pages (nonce) and in the admin, Permissions-Policy, report-only switch."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from campaigns.models import NewsIndexPage
from tests.factories import NewsPageFactory

ROOT = Path(__file__).resolve().parents[2]


def _policy(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())


@pytest.mark.django_db
def test_public_page_has_a_strict_csp_with_the_nonce_of_its_inline_scripts(client, siena):
    index = NewsIndexPage.objects.child_of(siena.root_page).get()
    news = NewsPageFactory(parent=index, title="Sportello aperto")  # its share block has an inline script
    url = news.get_url_parts()[2]
    response = client.get(url, HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    policy = _policy(response)
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    # JSON-LD is a data block, never executed: the policy does not apply to it.
    inline = re.findall(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", response.content.decode())
    assert inline and all(f'nonce="{nonce}"' in tag for tag in inline)
    # A new nonce for every response.
    assert _policy(client.get(url, HTTP_HOST="siena.localhost"))["script-src"] != policy["script-src"]


@pytest.mark.django_db
def test_admin_has_its_own_csp(client, user_in):
    client.force_login(user_in("siena", "editors"))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'"
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_permissions_policy_and_other_headers(client):
    response = client.get("/admin/login/")
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def _production_env(**extra):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),  # 86 random characters
        "ALLOWED_HOSTS": ".example.org",
        "WAGTAILADMIN_BASE_URL": "https://rete.example.org",
        **extra,
    }


def test_report_only_switch():
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.CONTENT_SECURITY_POLICY is None, bool(settings.CONTENT_SECURITY_POLICY_REPORT_ONLY))"
    )
    for value, expected in (("1", "True True"), ("0", "False False")):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=_production_env(CSP_REPORT_ONLY=value),
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == expected


def test_check_deploy_is_clean_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output.upper().replace("--FAIL-LEVEL WARNING", "")
