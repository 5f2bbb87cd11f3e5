"""Real-browser fixtures: one Chromium per session, driven by Playwright.

Debian's Chromium is used (no browser download); tests skip, saying why, only
when it is not installed. Chromium is kept off the network except for
localhost and *.localhost, where the live test server answers.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.world import build_world

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium still tries to reach its vendor's hosts; on a closed network that only slows it down.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package to run browser tests")
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed: run npm install")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def world(transactional_db, live_server):
    """The test network, committed so the live server thread sees it."""
    build_world()
    return live_server


def portal_url(live_server, host, path="/"):
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{host}:{port}{path}"


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core on the current page; return the violations of the given impacts."""
    # Evaluated through the DevTools protocol: an injected <script> would be refused by the
    # pages' Content-Security-Policy, which the tests keep on.
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [v for v in result["violations"] if v["impact"] in impacts]
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in found
    ]


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
