"""Measure search latency on the configured backend with N synthetic pages.

    manage.py search_benchmark [--pages 10000] [--repeat 20] [--languages it,en] [--keep | --clean]

Builds the pages (standard pages with realistic Italian/English text about
services, courses and municipalities) in a throwaway "benchmark-ricerca"
subtree of every portal and language (when a portal has no home page in a
language yet, a draft translation of its home is made for the run and removed
afterwards), indexes them in bulk, then runs the portal search for a
set of citizens' queries on each portal and language and reports p50/p95 of
the search (facets, one page of results and their cards) and of the
autocomplete. The subtree is deleted at the end unless ``--keep``; a kept
subtree is reused by the next run (no duplicates), ``--clean`` deletes it.
"""

import random
import statistics
import time
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import RequestFactory
from django.utils import timezone, translation
from modelsearch.conf import get_app_config
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from home.search import autocomplete_titles, run_search

CONTAINER_SLUG = "benchmark-ricerca"
# Marks a portal home translation the benchmark had to create (a draft), so cleaning up removes it.
ROOT_MARK = "search_benchmark"
CHUNK = 500

QUERIES = {
    "it": [
        "centro antiviolenza Poggibonsi",
        "corso di italiano",
        "tratta",
        "sportello lavoro donne",
        "consulenza legale gratuita",
        "casa rifugio",
        "mediazione culturale Colle di Val d'Elsa",
        "imprese femminili finanziamenti",
    ],
    "en": ["women shelter", "italian course", "trafficking helpline", "free legal advice"],
}
AUTOCOMPLETE_QUERIES = {"it": ["cent", "cors", "trat"], "en": ["shel", "cour"]}

VOCABULARY = {
    "it": {
        "services": [
            "centro antiviolenza",
            "corso di italiano",
            "sportello lavoro",
            "consulenza legale gratuita",
            "casa rifugio",
            "mediazione culturale",
            "gruppo di auto aiuto",
            "orientamento alla formazione",
            "servizio di ascolto telefonico",
            "accompagnamento ai servizi sanitari",
            "numero verde antitratta",
            "sostegno alle imprese femminili",
        ],
        "places": [
            "Poggibonsi",
            "Siena",
            "Colle di Val d'Elsa",
            "Montepulciano",
            "Abbadia San Salvatore",
            "Lucca",
            "Viareggio",
            "Orbassano",
            "Brindisi",
            "Milano",
        ],
        "audiences": ["donne migranti", "vittime di tratta", "giovani madri", "donne over 50", "famiglie"],
        "sentences": [
            "Il {service} di {place} accoglie {audience} su appuntamento.",
            "A {place} è attivo un {service} rivolto a {audience}.",
            "Le operatrici del {service} lavorano in rete con i servizi sociali di {place}.",
            "Il progetto offre {service} e percorsi di autonomia per {audience}.",
        ],
        "title": "{service} {place}",
    },
    "en": {
        "services": [
            "women shelter",
            "italian course",
            "job desk",
            "free legal advice",
            "trafficking helpline",
            "cultural mediation",
            "support group",
        ],
        "places": ["Poggibonsi", "Siena", "Lucca", "Milan", "Brindisi", "Turin"],
        "audiences": ["migrant women", "victims of trafficking", "young mothers", "families"],
        "sentences": [
            "The {service} in {place} welcomes {audience} by appointment.",
            "A {service} for {audience} is open in {place}.",
            "The {service} works with the social services of {place}.",
        ],
        "title": "{service} {place}",
    },
}


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = (
        "Report search latency (p50/p95) on the configured backend with N synthetic pages across portals and languages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="Synthetic pages to build (default 10000).")
        parser.add_argument("--repeat", type=int, default=20, help="Runs of each query per portal and language.")
        parser.add_argument(
            "--languages", default="it,en", help="Languages of the pages, comma-separated (default it,en)."
        )
        parser.add_argument("--seed", type=int, default=7, help="Random seed of the synthetic text.")
        parser.add_argument("--keep", action="store_true", help="Keep the synthetic pages (a next run reuses them).")
        parser.add_argument("--clean", action="store_true", help="Only delete kept synthetic pages, then stop.")

    def handle(self, *args, **options):
        if options["clean"]:
            removed = self.delete_containers()
            self.stdout.write(f"Deleted {removed} synthetic pages.")
            return
        if options["pages"] < 1 or options["repeat"] < 1:
            raise CommandError("search_benchmark: --pages and --repeat must be at least 1.")
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        unknown = [code for code in languages if code not in known or code not in VOCABULARY]
        if not languages or unknown:
            raise CommandError(
                f"search_benchmark: unknown or unsupported language(s) {', '.join(unknown) or '(none)'}; "
                f"choose among {', '.join(sorted(VOCABULARY))}."
            )
        sites = list(Site.objects.filter(is_default_site=False).select_related("root_page").order_by("hostname"))
        if not sites:
            raise CommandError("search_benchmark: no portal found; run create_portal or load_demo first.")

        backend_name = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
        backend = get_search_backend()
        self.stdout.write(
            f"Backend: {backend_name} ({type(backend).__name__}), database: {settings.DATABASES['default']['ENGINE']}"
        )

        containers = self.find_containers(sites, languages)
        existing = Page.objects.filter(depth__gt=0).none()
        for container in containers:
            existing = existing | container.get_descendants()
        existing_count = existing.count() if containers else 0
        if existing_count:
            self.stdout.write(
                f"Reusing {existing_count} synthetic pages kept by an earlier run (--clean deletes them)."
            )
        else:
            self.build(sites, languages, options["pages"], options["seed"], backend)

        self.analyze()
        try:
            self.measure(sites, languages, options["repeat"])
        finally:
            if options["keep"]:
                self.stdout.write("Synthetic pages kept (--keep).")
            else:
                removed = self.delete_containers()
                self.stdout.write(f"Deleted {removed} synthetic pages.")

    # Building

    def find_containers(self, sites, languages):
        containers = []
        for site in sites:
            for language in languages:
                root = self.localized_root(site, language)
                if root is not None:
                    container = root.get_children().filter(slug=CONTAINER_SLUG).first()
                    if container is not None:
                        containers.append(container)
        return containers

    def localized_root(self, site, language):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            return None
        return site.root_page.get_translation_or_none(locale)

    @transaction.atomic
    def build(self, sites, languages, total, seed, backend):
        """All or nothing: the draft homes, the containers and the pages (the index may keep some entries)."""
        rng = random.Random(seed)
        slots = []  # (site, language, root) where pages can go
        for site in sites:
            for language in languages:
                root = self.localized_root(site, language)
                if root is None:
                    # A draft translation of the home, marked so that cleaning up deletes it.
                    root = site.root_page.specific.copy_for_translation(Locale.objects.get(language_code=language))
                    root.seo_title = ROOT_MARK
                    root.save(update_fields=["seo_title"])
                    self.stdout.write(f"  {site.hostname}: made a draft '{language}' home for the run")
                slots.append((site, language, root))
        # Italian (the portals' language) gets most pages; the others share the rest.
        weights = [4 if language == "it" else 1 for _site, language, _root in slots]
        counts = [0] * len(slots)
        for _ in range(total):
            counts[rng.choices(range(len(slots)), weights)[0]] += 1

        self.stdout.write(f"Building {total} synthetic pages in {len(slots)} portal/language trees…")
        started = time.perf_counter()
        built = 0
        now = timezone.now()
        for (site, language, root), count in zip(slots, counts, strict=True):
            container = StandardPage(
                title="Benchmark ricerca",
                slug=CONTAINER_SLUG,
                locale=root.locale,
                show_in_menus=False,
                live=True,
                first_published_at=now,
            )
            root.add_child(instance=container)
            for start in range(0, count, CHUNK):
                items = [
                    self.synthetic_text(rng, language, number) for number in range(start, min(count, start + CHUNK))
                ]
                pages = self.insert_pages(container, start, items, now)
                backend.add_bulk(StandardPage, pages)
                built += len(pages)
                if built // 1000 != (built - len(pages)) // 1000:
                    self.stdout.write(f"  {built}/{total} pages ({time.perf_counter() - started:.0f}s)")
            Page.objects.filter(pk=container.pk).update(numchild=count)
            backend.add(container)
            self.stdout.write(f"  {site.hostname} [{language}]: {count} pages")
        backend.refresh_indexes()
        self.stdout.write(f"Built and indexed {built} pages in {time.perf_counter() - started:.1f}s.")

    def synthetic_text(self, rng, language, number):
        """(title, slug, intro) of a synthetic page."""
        words = VOCABULARY[language]

        def sentence():
            return rng.choice(words["sentences"]).format(
                service=rng.choice(words["services"]),
                place=rng.choice(words["places"]),
                audience=rng.choice(words["audiences"]),
            )

        title = words["title"].format(service=rng.choice(words["services"]), place=rng.choice(words["places"]))
        title = f"{title[:1].upper()}{title[1:]} {number}"
        return title, f"pagina-{number}", " ".join(sentence() for _ in range(3))

    def insert_pages(self, container, first_number, items, now):
        """Insert live standard pages under ``container`` in two bulk queries.

        Saving 10,000 pages one by one through treebeard and Wagtail takes half an
        hour on PostgreSQL; the benchmark measures searching, not saving, so the rows
        are written directly: tree paths computed as treebeard would, then the
        StandardPage rows of the multi-table model.
        """
        content_type = ContentType.objects.get_for_model(StandardPage)
        depth = container.depth + 1
        pages = Page.objects.bulk_create(
            [
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(container.path, depth, first_number + offset + 1),
                    depth=depth,
                    numchild=0,
                    url_path=f"{container.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale_id=container.locale_id,
                    translation_key=uuid.uuid4(),
                    show_in_menus=False,
                )
                for offset, (title, slug, _intro) in enumerate(items)
            ]
        )
        rows = [
            StandardPage(page_ptr_id=page.pk, intro=intro)
            for page, (_title, _slug, intro) in zip(pages, items, strict=True)
        ]
        StandardPage._base_manager._insert(rows, fields=StandardPage._meta.local_concrete_fields)
        return list(StandardPage.objects.filter(pk__in=[page.pk for page in pages]).order_by("pk"))

    def delete_containers(self):
        """Delete the synthetic pages (fast) and their containers, and the draft homes made for them."""
        backend = get_search_backend()
        content_type = ContentType.objects.get_for_model(StandardPage)
        removed = 0
        with transaction.atomic():
            for container in Page.objects.filter(slug=CONTAINER_SLUG, depth=3):
                descendants = Page.objects.descendant_of(container)
                removed += descendants.count()
                # Pages as the benchmark wrote them (never edited, so nothing else refers to them) go
                # in bulk; Django's cascade with per-page signals takes minutes for 10,000 of them.
                untouched = list(
                    descendants.filter(content_type=content_type, latest_revision__isnull=True, numchild=0)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                )
                for start in range(0, len(untouched), CHUNK):
                    pks = untouched[start : start + CHUNK]
                    self.unindex(backend, content_type, pks)
                    StandardPage.objects.filter(pk__in=pks)._raw_delete(StandardPage.objects.db)
                    Page.objects.filter(pk__in=pks)._raw_delete(Page.objects.db)
                # Anything else (and the container itself) through Wagtail, with its signals.
                Page.objects.get(pk=container.pk).delete()
            for root in Page.objects.filter(depth=2, seo_title=ROOT_MARK):
                if not root.get_children().exists():
                    root.delete()
        return removed

    def unindex(self, backend, content_type, pks):
        if hasattr(backend, "es"):
            for pk in pks:
                backend.delete(StandardPage(pk=pk))
        else:
            # Database backends keep one IndexEntry row per object (SQLite's FTS table follows by trigger).
            index_entry = get_app_config().get_model("IndexEntry")
            index_entry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in pks])._raw_delete(
                index_entry.objects.db
            )

    # Measuring

    def analyze(self):
        """Refresh PostgreSQL's statistics of the tables just filled, as autovacuum does after a bulk load.

        Without them the planner believes the tables hold a handful of rows and joins the
        index to the pages row by row, which no real portal (autovacuum on) would see.
        """
        if connection.vendor != "postgresql":
            return
        tables = [
            Page._meta.db_table,
            StandardPage._meta.db_table,
            get_app_config().get_model("IndexEntry")._meta.db_table,
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(connection.ops.quote_name(table) for table in tables)}")

    def measure(self, sites, languages, repeat):
        factory = RequestFactory()
        self.stdout.write(f"Running each query {repeat} times per portal and language…")
        search_times, autocomplete_times = {}, {}
        for site in sites:
            for language in languages:
                if self.localized_root(site, language) is None:
                    continue
                with translation.override(language):
                    request = factory.get(f"/{language}/cerca/", HTTP_HOST=site.hostname, SERVER_PORT=site.port)
                    request.LANGUAGE_CODE = language
                    for query in QUERIES[language]:
                        times = search_times.setdefault((language, query), [])
                        for _ in range(repeat):
                            started = time.perf_counter()
                            outcome = run_search(request, query)
                            times.append(time.perf_counter() - started)
                        if outcome.unavailable:
                            raise CommandError("search_benchmark: the search backend is unavailable.")
                    for query in AUTOCOMPLETE_QUERIES[language]:
                        times = autocomplete_times.setdefault((language, query), [])
                        for _ in range(repeat):
                            started = time.perf_counter()
                            autocomplete_titles(request, query)
                            times.append(time.perf_counter() - started)

        self.report("Search (facets + a page of results with cards)", search_times)
        self.report("Autocomplete (titles)", autocomplete_times)

    def report(self, heading, times_by_query):
        self.stdout.write(f"\n{heading}, milliseconds:")
        self.stdout.write(f"  {'language':8} {'query':45} {'p50':>8} {'p95':>8}")
        everything = []
        for (language, query), times in times_by_query.items():
            everything.extend(times)
            self.stdout.write(
                f"  {language:8} {query:45} {percentile(times, 0.5) * 1000:8.1f} {percentile(times, 0.95) * 1000:8.1f}"
            )
        if everything:
            self.stdout.write(
                self.style.SUCCESS(
                    f"  {'all':8} {f'{len(everything)} runs':45} {statistics.median(everything) * 1000:8.1f} "
                    f"{percentile(everything, 0.95) * 1000:8.1f}"
                )
            )
