import pytest
from wagtail.models import Site

from directory.models import DirectoryIndexPage


def directory_of(site, slug="associazioni"):
    """The world's directory index of that portal (created by provisioning from sites/sections.py)."""
    return DirectoryIndexPage.objects.descendant_of(site.root_page).get(slug=slug)


@pytest.fixture
def siena_associations(siena):
    return directory_of(siena)


@pytest.fixture
def siena_services(siena):
    return directory_of(siena, "centri-e-servizi")


@pytest.fixture
def lucca_associations(lucca):
    return directory_of(lucca)


@pytest.fixture
def hosts():
    return {site.hostname: site for site in Site.objects.all()}
