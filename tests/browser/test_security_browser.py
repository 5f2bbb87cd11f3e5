"""The Content-Security-Policy blocks nothing the admin's page editor or a public page needs."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from campaigns.models import NewsIndexPage
from tests.browser.conftest import portal_url
from tests.directory.conftest import directory_of
from tests.factories import DirectoryEntryPageFactory, NewsPageFactory

pytestmark = pytest.mark.browser

PASSWORD = "una-password-lunga-2026"
# Chromium reports each blocked resource or inline script as a securitypolicyviolation event
# (and a console error); record the events before any script of the page runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def _watch(page):
    messages = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
    return messages


def _csp_problems(page, messages):
    found = [text for text in messages if "Content Security Policy" in text or "Content-Security-Policy" in text]
    return found + page.evaluate("window.__cspViolations || []")


def test_page_editor_and_public_page_run_under_the_csp(world, page):
    # Test settings require no second factor: the superuser reaches the admin after the password.
    get_user_model().objects.create_superuser("capo", "capo@example.org", PASSWORD)
    siena = Site.objects.get(hostname="siena.localhost")
    news = NewsPageFactory(parent=NewsIndexPage.objects.child_of(siena.root_page).get(), title="Sportello aperto")
    messages = _watch(page)

    page.goto(portal_url(world, "siena.localhost", "/admin/login/"))
    page.fill("#id_username", "capo")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto(portal_url(world, "siena.localhost", f"/admin/pages/{news.pk}/edit/"))
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_title").input_value() == "Sportello aperto"
    assert page.locator("[data-side-panel-toggle]").count() > 0  # the editor's scripts ran
    assert not _csp_problems(page, messages), messages

    page.goto(portal_url(world, "siena.localhost", news.get_url_parts()[2]))
    page.wait_for_load_state("networkidle")
    # The share block's script (a static file) ran: its button copies the link.
    page.click("[data-copy-target]")
    page.wait_for_function("document.getElementById('share-copied').textContent !== ''")
    assert not _csp_problems(page, messages), messages


def test_directory_map_runs_under_the_csp(world, page):
    siena = Site.objects.get(hostname="siena.localhost")
    DirectoryEntryPageFactory(parent=directory_of(siena), title="Centro", latitude="43.3188", longitude="11.3308")
    messages = _watch(page)
    page.goto(portal_url(world, "siena.localhost", "/it/associazioni/"))
    page.locator("#directory-map .leaflet-interactive").first.wait_for()
    assert not _csp_problems(page, messages), messages
