"""The search benchmark command (tiny runs: it is a measuring tool, not a timed test)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from modelsearch.conf import get_app_config
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("search_benchmark", *args, stdout=out)
    return out.getvalue()


def index_entries():
    return get_app_config().get_model("IndexEntry").objects.count()


def test_builds_measures_and_cleans_up(siena, lucca):
    pages_before = Page.objects.count()
    entries_before = index_entries()

    output = run("--pages", "40", "--repeat", "2")

    assert "Built and indexed 40 pages" in output
    assert "centro antiviolenza Poggibonsi" in output
    assert "women shelter" in output
    assert "p50" in output and "p95" in output
    assert "Deleted 40 synthetic pages." in output
    # The draft English homes made for the run are gone too, and so are the index entries.
    assert Page.objects.count() == pages_before
    assert index_entries() == entries_before


def test_keep_then_reuse_then_clean(siena, lucca):
    pages_before = Page.objects.count()

    assert "Synthetic pages kept" in run("--pages", "20", "--repeat", "1", "--keep", "--languages", "it")
    assert "Reusing 20 synthetic pages" in run("--pages", "20", "--repeat", "1", "--keep", "--languages", "it")
    assert "Deleted 20 synthetic pages." in run("--clean")
    assert Page.objects.count() == pages_before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pages", "0"], "--pages and --repeat must be at least 1"),
        (["--languages", "xx"], "unknown or unsupported language(s) xx"),
    ],
)
def test_bad_input_is_one_clear_error(siena, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(*args)
