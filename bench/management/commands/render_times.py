"""manage.py render_times: how long a directory index takes to render, in process, with the page cache off.

Renders the index, a letter filter and a category filter ``--repeat`` times each through Django's
test client (by host name, as a browser would ask) after two warm-up requests, and prints the
median and 95th percentile in milliseconds, the queries of one request and the median time spent
waiting for the database (the part that grows with the data; the rest is Python rendering).
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import Site

from directory.models import DirectoryCategory, DirectoryIndexPage


class Command(BaseCommand):
    help = "Time the rendering of a directory index, a letter filter and a category filter."

    def add_arguments(self, parser):
        parser.add_argument("--portal", default="siena.localhost", help="host name of the portal")
        parser.add_argument("--path", default="/it/associazioni/", help="URL path of the directory index")
        parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
        parser.add_argument("--letter", default="A", help="initial of the letter filter")

    def handle(self, *args, **options):
        client = Client()
        slug = options["path"].strip("/").split("/")[-1]
        site = Site.objects.get(hostname=options["portal"])
        index = DirectoryIndexPage.objects.descendant_of(site.root_page).filter(slug=slug).first()
        category = DirectoryCategory.objects.filter(kind=index.kind if index else "association").first()
        pages = {
            "index": {},
            f"letter {options['letter']}": {"lettera": options["letter"]},
            f"category {category.slug if category else '-'}": {"categoria": category.slug if category else ""},
        }
        self.stdout.write(f"{options['portal']}{options['path']}: {index.entries().count() if index else '?'} entries")
        with override_settings(PAGE_CACHE=False):
            for name, params in pages.items():
                self.stdout.write(self.measure(client, options, name, params))

    def measure(self, client, options, name, params):
        def get():
            response = client.get(options["path"], params, HTTP_HOST=options["portal"])
            assert response.status_code == 200, response.status_code
            return response

        get(), get()
        queries, sql_seconds = [], []

        def timed(execute, sql, *args):
            started = time.perf_counter()
            try:
                return execute(sql, *args)
            finally:
                queries.append(sql)
                sql_seconds.append(time.perf_counter() - started)

        times, sql_times = [], []
        with connection.execute_wrapper(timed):
            for _repeat in range(options["repeat"]):
                queries.clear()
                sql_seconds.clear()
                started = time.perf_counter()
                get()
                times.append((time.perf_counter() - started) * 1000)
                sql_times.append(sum(sql_seconds) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        return (
            f"  {name:24} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms"
            f"  ({len(queries)} queries, p50 {statistics.median(sql_times):5.1f} ms in the database)"
        )
