import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    """The page cache on (the test settings keep it off), starting empty."""
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()
