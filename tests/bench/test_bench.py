"""``manage.py bench`` really starts gunicorn on loopback and prints a table with a number in every cell."""

import os
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from bench import varnish
from bench.load import parse_wrk

needs_shared_database = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="the servers need a database other processes can open (PostgreSQL)"
)
# A latency is "–" when no request finished within the run (a very busy machine).
CELL = r"\d+(?:\.\d+)?%?|–"


def run_bench(*args):
    out = StringIO()
    try:
        call_command("bench", *args, stdout=out, stderr=StringIO())
    except CommandError as error:
        if "gunicorn" in str(error) and not os.environ.get("CI"):
            pytest.skip(f"gunicorn could not start here: {error}")
        raise
    return out.getvalue()


def rows(output):
    return {cells[0]: cells[1:] for cells in (line.strip("| ").split(" | ") for line in output.splitlines()) if cells}


@needs_shared_database
@pytest.mark.django_db
def test_each_role_gets_requests_per_second_and_latencies_uncached_cached_and_against_the_bare_view(siena):
    output = run_bench("--rounds", "1", "--seconds", "1", "--roles", "home,directory_index")
    table = rows(output)
    rate = r"\d+(?:\.\d+)?"
    for role in ("home", "directory_index"):
        assert len(table[role]) == 12
        assert all(re.fullmatch(CELL, cell) for cell in table[role]), table[role]
        # Requests per second of the app without and with its page cache, and through Varnish.
        assert re.fullmatch(rate, table[role][0]) and re.fullmatch(rate, table[role][3])
        if varnish.varnishd() or os.environ.get("CI"):
            assert re.fullmatch(rate, table[role][6])
    assert re.fullmatch(r"\d+(?:\.\d+)?", table["bare Django view"][0])
    assert "errors" not in output


def test_an_unknown_role_is_refused_before_any_server_starts(db):
    with pytest.raises(CommandError, match="Unknown role"):
        call_command("bench", "--roles", "home,nowhere", stdout=StringIO())


def test_wrk_output_gives_the_rate_the_latencies_in_milliseconds_and_the_errors():
    output = """Running 1s test @ http://127.0.0.1:8001/it/
  Latency Distribution
     50%  850.00us
     75%    4.00ms
     90%    5.00ms
     99%    1.20s
  1234 requests in 1.00s, 1.20MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:   1234.56
"""
    measure = parse_wrk(output)
    assert (measure.requests_per_second, measure.p50_ms, measure.p99_ms, measure.errors) == (1234.56, 0.85, 1200.0, 6)
