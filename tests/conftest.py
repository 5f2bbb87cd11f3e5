"""Shared fixtures.

The test database gets the network site and two portals (Siena, Lucca) once per
session; every test runs in a transaction that is rolled back, so tests see that
world fresh. Browser tests need a real server thread and therefore a
transactional database, which is flushed after each of them: they run last and
build the world again for themselves (see ``tests/browser/conftest.py``).
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from tests.world import build_world

LAST = ("tests/pagecache/test_varnish.py", "tests/concurrency/", "tests/browser/")


def pytest_collection_modifyitems(config, items):
    # The Varnish, concurrency and browser tests commit and flush the database when they finish: keep them at the end.
    def order(item):
        path = item.nodeid.replace("\\", "/")
        return next((position + 1 for position, folder in enumerate(LAST) if folder in path), 0)

    items.sort(key=order)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_world()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: cached lookups are keyed by primary keys, which a
    rolled-back test hands to the next one, and pages made by factories publish nothing that
    would replace them."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language(settings):
    """Every test starts in Italian: a request answered in another language leaves that language
    active in the thread (as Django's LocaleMiddleware does), which must not reach the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def queued_emails(settings):
    """Django's test runner swaps in the locmem email backend: put the project's queue back.

    Every email then takes the production path (stored, delivered by a task); the test settings
    deliver into ``django.core.mail.outbox`` once the transaction commits.
    """
    settings.EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"


@pytest.fixture
def network(db):
    return Site.objects.get(hostname="localhost")


@pytest.fixture
def siena(db):
    return Site.objects.get(hostname="siena.localhost")


@pytest.fixture
def lucca(db):
    return Site.objects.get(hostname="lucca.localhost")


@pytest.fixture
def user_in(db):
    """user_in("siena", "editors") → a member of that portal's group."""

    def make(portal_key, role):
        from django.contrib.auth.models import Group

        site = Site.objects.get(hostname=f"{portal_key}.localhost")
        user = get_user_model().objects.create_user(
            username=f"{portal_key}-{role}-{get_user_model().objects.count()}", password="pw", email="staff@example.org"
        )
        user.groups.add(Group.objects.get(name=f"{site.site_name} {role}"))
        return user

    return make
