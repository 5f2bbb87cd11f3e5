"""Security headers: CSP on public pages (no inline script) and in the admin, Permissions-Policy, report-only switch."""

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
def test_public_page_has_a_strict_csp_and_no_inline_script(client, siena):
    index = NewsIndexPage.objects.child_of(siena.root_page).get()
    news = NewsPageFactory(parent=index, title="Sportello aperto")  # its share block has a script of its own
    url = news.get_url_parts()[2]
    response = client.get(url, HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    policy = _policy(response)
    # Scripts of this site only: no inline script, no nonce (pages are served to everyone from the cache).
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    # JSON-LD is a data block, never executed: the policy does not apply to it.
    content = response.content.decode()
    assert re.search(r'<script src="[^"]*share_links\.js"', content)
    assert not re.findall(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", content)


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
