"""Every admin URL that takes an object, requested by each Siena role against a Lucca object.

The patterns come from Django's URL resolver, so a new admin view is covered (or must be
classified in ``RULES``) as soon as it exists. Denial is checked by its effect: nothing of
Lucca's objects (all marked with ``MARK``) in the response, and no row changed.
"""

import re
import time
from itertools import product

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from forms.models import ListingRegistration
from outbox.models import OutboundEmail
from sites.models import PortalSettings

from .portal_b import MARK, WORD, build_portal_objects

pytestmark = pytest.mark.django_db

ROLES = ("editors", "moderators", "translators")

# (route regex, kind, ids in the query string) — first match wins. Kinds in SHARED are not per portal.
RULES = [
    (r"^api/main/\^pages/", "page", None),
    (r"^api/main/\^images/", "image", None),
    (r"^api/main/\^documents/", "document", None),
    (r"^choose-page/chosen-multiple/$", "page", "id"),
    (r"^images/chooser/chosen-multiple/$", "image", "id"),
    (r"^documents/chooser/chosen-multiple/$", "document", "id"),
    (r"^bulk/", "bulk", "id"),
    (r"^images/chooser/chosen/", "image", None),
    (r"^documents/chooser/chosen/", "document", None),
    # Sectors and directory categories are the network's, managed by superusers.
    (r"^snippets/|^localize/(submit/snippet|api/snippets)/", "shared", None),
    (r"^(users|groups|sites|locales|redirects)/", "shared", None),
    (r"^workflows/remove/", "page", None),
    (r"^workflows/", "shared", None),
    (r"^tag-autocomplete/", "shared", None),
    (r"^collections/", "collection", None),
    (r"^settings/<slug:app_name>/<slug:model_name>/$", "own", None),  # redirects to the user's own site
    (r"^settings/", "site", None),
    (r"^(images|documents)/multiple/(create_from_uploaded|delete_upload)", "own", None),  # the uploader's files
    (r"^editing-sessions/release/", "own", None),
    (r"^password_reset/confirm/", "own", None),
    (r"^editing-sessions/ping/", "page", None),
    (r"^pages/(usage|create)/<slug:(content_type_)?app", "page_type", None),
    (r"^localize/update/", "translation_source", None),
    (r"^localize/translate/", "translation", None),
    (r"^forms/submissions/", "form", None),
    (r"^outbox/", "outbox", None),
    (r"^images/", "image", None),
    (r"^documents/", "document", None),
    (r"^(pages|choose-page|localize/page|localize/submit/page|campaigns)/", "page", None),
]
SKIPPED_KINDS = {"shared", "own"}
# Listings not requested: they end the session, or are catch-alls and error pages.
LISTING_EXCLUDED = r"^(logout/|failwhale/|test404/|\^\.\*/\$)$"

# Tables a leaking view would write to: compared before and after each pattern.
SNAPSHOT_MODELS = [
    Page,
    Revision,
    PageViewRestriction,
    PageLogEntry,
    WorkflowState,
    TaskState,
    WorkflowPage,
    GroupPagePermission,
    Collection,
    FormSubmission,
    ListingRegistration,
    OutboundEmail,
    PortalSettings,
    Translation,
    TranslationSource,
    StringTranslation,
]


def _admin_patterns():
    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern

    for route, pattern in walk(get_resolver().url_patterns, ""):
        if route.startswith("admin/"):
            yield route.removeprefix("admin/"), pattern


def _params(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


def _classify(route):
    if not _params(route) and not any(re.search(regex, route) and query for regex, _kind, query in RULES):
        return "list", None  # no object in the URL: not an object view
    for regex, kind, query in RULES:
        if re.search(regex, route):
            return kind, query
    return (None, None) if _params(route) else ("list", None)


def _url(route, values):
    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), route)
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), url)
    return "/admin/" + url.replace("^", "").replace("$", "").replace("\\.", ".")


def _snapshot():
    return [list(model.objects.order_by("pk").values_list()) for model in SNAPSHOT_MODELS]


def _variants(kind, objects, siena, route):
    """[(values for the URL's parameters, ids for the query string)] for a kind of object."""
    task_state = objects.workflow_state.current_task_state
    common = {
        "destination_id": siena.root_page_id,  # moving a Lucca page into Siena
        "task_state_id": task_state.pk,
        "task_id": task_state.task_id,
        "workflow_state_id": objects.workflow_state.pk,
        "workflow_pk": Workflow.objects.get(name__startswith="Pari Opportunità Lucca").pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "session_id": 0,
        "filter_spec": "max-100x100",
        "mode": "default",
        "string_segment_id": objects.segment.pk,
        "overridable_segment_id": 0,
    }
    if kind in ("page", "form"):
        pages = [objects.form_page] if kind == "form" else objects.pages
        return [
            (
                {
                    **common,
                    **dict.fromkeys(("page_id", "parent_page_id", "page_to_move_id", "pk", "page_pk"), page.pk),
                    "object_id": page.pk,
                    "app_label": "wagtailcore",
                    "model_name": "page",
                    "revision_id": page.latest_revision_id,
                    "content_type_app_name": page.specific_class._meta.app_label,
                    "content_type_model_name": page.specific_class._meta.model_name,
                    "action_name": action,
                },
                [page.pk],
            )
            for page, action in product(pages, _actions(route))
        ]
    if kind == "page_type":
        return [
            (
                {
                    "content_type_app_name": page.specific_class._meta.app_label,
                    "content_type_model_name": page.specific_class._meta.model_name,
                    "app_label": page.specific_class._meta.app_label,
                    "model_name": page.specific_class._meta.model_name,
                },
                [],
            )
            for page in (objects.draft, objects.entry)
        ]
    if kind == "image":
        image = objects.logo
        return [({**common, "image_id": image.pk, "pk": image.pk}, [image.pk])]
    if kind == "document":
        document = objects.document
        return [({**common, "document_id": document.pk, "doc_id": document.pk, "pk": document.pk}, [document.pk])]
    if kind == "translation":
        return [({**common, "translation_id": objects.translation.pk}, [])]
    if kind == "outbox":
        # The emails the Lucca registration queued (its confirmation names the organisation).
        emails = OutboundEmail.objects.filter(site_id=objects.registration.site_id)
        assert emails.exists()
        return [({"pk": email.pk}, []) for email in emails]
    if kind == "translation_source":
        return [({"translation_source_id": objects.translation.source_id}, [])]
    if kind == "collection":
        return [({"pk": objects.collection.pk, "collection_id": objects.collection.pk}, [])]
    if kind == "site":
        return [({"app_name": "sites", "model_name": "portalsettings", "pk": objects.registration.site_id}, [])]
    if kind == "bulk":
        bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # fills the registry
        targets = {
            ("wagtailcore", "page"): [page.pk for page in objects.pages],
            (objects.logo._meta.app_label, objects.logo._meta.model_name): [objects.logo.pk],
            (objects.document._meta.app_label, objects.document._meta.model_name): [objects.document.pk],
        }
        return [
            ({"app_label": app_label, "model_name": model_name, "action": action}, ids)
            for (app_label, model_name), ids in targets.items()
            for action in bulk_action_registry.actions.get(app_label, {}).get(model_name, {})
        ]
    raise AssertionError(f"no Lucca object of kind {kind}")


def _actions(route):
    if route.startswith("api/"):
        return ("publish", "delete", "unpublish", "move", "copy", "copy_for_translation", "revert_to_page_revision")
    if "action_name" in route:
        return ("approve", "reject")
    return (None,)


POST_DATA = {
    # What the forms of these views ask for, so that a view that lets the request through acts on it.
    "title": f"Preso {MARK}",
    "slug": "preso",
    "action-publish": "publish",
    "confirm": "yes",
    "include_descendants": "on",
    "include_subtree": "on",
    "publish_translations": "on",
    "value": "Preso",
    "comment": "ok",
    "password": "x",
    "restriction_type": "none",
}


def _leak(response, serves_object=True):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    # Messages queued for the next page count too (a refusal naming the object would leak it).
    messages = getattr(response.wsgi_request, "_messages", None)
    queued = " ".join(str(message) for message in getattr(messages, "_queued_messages", []))
    text = (body.decode("utf-8", "replace") + str(response.headers) + queued).lower()
    if MARK in text:
        return "shows Lucca content"
    disposition = response.get("Content-Disposition", "")
    if (
        serves_object
        and response.status_code == 200
        and (response.get("Content-Type", "").startswith("image/") or "attachment" in disposition)
    ):
        return "serves a Lucca file"
    return None


@pytest.fixture
def role_clients(user_in):
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        clients[role].force_login(user_in("siena", role))
    return clients


def test_no_siena_role_reaches_a_lucca_object_through_any_admin_url(role_clients, siena, lucca, capsys):
    started = time.monotonic()
    objects = build_portal_objects(lucca)

    unclassified, leaks, listings, covered, skipped = [], [], [], 0, 0
    patterns = list(_admin_patterns())
    for route, pattern in patterns:
        kind, query = _classify(route)
        if kind is None:
            unclassified.append(route)
            continue
        if kind == "list":
            listings.append(route)
            continue
        if kind in SKIPPED_KINDS:
            skipped += 1
            continue
        before = _snapshot()
        for values, ids in _variants(kind, objects, siena, route):
            url = _url(route, values)
            assert resolve(url).func is pattern.callback, f"{url} does not resolve to {route}"
            if query:
                url += "?" + "&".join(f"{query}={pk}" for pk in ids)
            not_allowed = set()  # a method the view refuses (405) for one role, it refuses for all
            for (role, client), method in product(role_clients.items(), ("get", "post")):
                if method in not_allowed:
                    continue
                response = getattr(client, method)(url, POST_DATA if method == "post" else None)
                covered += 1
                if response.status_code == 405:
                    not_allowed.add(method)
                    continue
                problem = _leak(response)
                if problem:
                    leaks.append(f"{method.upper()} {url} as Siena {role}: {problem} ({response.status_code})")
        if _snapshot() != before:
            leaks.append(f"{route}: a Siena role changed data")
    # Views without an object in the URL (listings, reports, choosers, search, the dashboard) searched for it.
    for route in listings:
        if re.search(LISTING_EXCLUDED, route):
            continue
        url = _url(route, {}) + f"?q={WORD}"
        for role, client in role_clients.items():
            response = client.get(url)
            covered += 1
            problem = _leak(response, serves_object=False)
            if problem:
                leaks.append(f"GET {url} as Siena {role}: {problem} ({response.status_code})")
    elapsed = time.monotonic() - started
    objects_patterns = len(patterns) - skipped - len(unclassified) - len(listings)
    with capsys.disabled():  # the size of the matrix belongs in the test run's output, passed or not
        print(
            f"\nadmin permission matrix: {len(patterns)} admin patterns: {objects_patterns} object views "
            f"(× Lucca objects × {len(ROLES)} roles × GET/POST where allowed), {len(listings)} listings "
            f"(× {len(ROLES)} roles, GET), {skipped} shared or own; {covered} requests in {elapsed:.1f}s"
        )
    assert not unclassified, "admin URLs of unknown kind, classify them in RULES: " + ", ".join(unclassified)
    assert not leaks, "\n".join(leaks)


def test_the_matrix_would_see_a_leak(lucca):
    """The checks are not blind: a superuser's requests show Lucca's marked objects."""
    objects = build_portal_objects(lucca)
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client = Client()
    client.force_login(admin)
    assert _leak(client.get(f"/admin/pages/{objects.draft.pk}/edit/"))
    assert _leak(client.get(f"/admin/images/chooser/chosen/{objects.logo.pk}/"))
    assert _leak(client.get(f"/admin/forms/submissions/{objects.form_page.pk}/"))
    assert _leak(client.get(f"/admin/localize/translate/{objects.translation.pk}/pofile/download/"))
