"""Every page type has a factory, so every page type can be tested."""

import inspect

from django.conf import settings
from wagtail.models import get_page_models

import tests.factories as factories


def test_every_page_type_has_a_factory():
    covered = {
        obj._meta.model
        for _, obj in inspect.getmembers(factories, inspect.isclass)
        if hasattr(obj, "_meta") and getattr(obj._meta, "model", None) is not None
    }
    project_page_types = {model for model in get_page_models() if model._meta.app_label in settings.PROJECT_APPS}
    missing = sorted(model.__name__ for model in project_page_types - covered)
    assert not missing, f"page types without a factory in tests/factories: {missing}"
