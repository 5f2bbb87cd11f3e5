"""manage.py grow: a demo database grown to network scale, to measure pages the size the issue names.

Adds example projects to one portal's project index and example entries to one of its directories
(all in one directory: the case that makes a listing slow), with Italian names, towns, categories,
desk languages, coordinates and opening hours; every tenth new item is also translated into the
other languages (up to ``--languages``, Italian included), creating and publishing the portal's
translated sections where missing. Counts are targets: a second run adds only what is missing.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend

from bench.synthetic import (
    EXAMPLE_PREFIX,
    entry_categories,
    entry_fields,
    entry_hours,
    example_summary,
    project_fields,
)
from bench.tree import BATCH, add_live_children
from directory.models import DirectoryCategory, DirectoryEntryPage, DirectoryIndexPage, DirectoryOpeningHours
from projects.models import ProjectIndexPage, ProjectPage
from sites.models import PortalSettings

TRANSLATE_EVERY = 10


class Command(BaseCommand):
    help = "Grow a demo database (after load_demo) to a given number of example projects and directory entries."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=1000, help="example projects wanted (default 1000)")
        parser.add_argument("--entries", type=int, default=10_000, help="example directory entries wanted")
        parser.add_argument("--portal", default="siena.localhost", help="host name of the portal to grow")
        parser.add_argument("--directory", default="associazioni", help="slug of the directory that gets the entries")
        parser.add_argument("--languages", type=int, default=9, help="languages of the translations, Italian included")
        parser.add_argument("--no-index", action="store_true", help="skip the search index (run update_index later)")

    def handle(self, *args, **options):
        site = Site.objects.filter(hostname=options["portal"]).select_related("root_page").first()
        if site is None:
            raise CommandError(f"grow: no portal at {options['portal']} (run load_demo first)")
        home = site.root_page
        directory = DirectoryIndexPage.objects.child_of(home).filter(slug=options["directory"]).first()
        projects = ProjectIndexPage.objects.child_of(home).first()
        if directory is None or projects is None:
            raise CommandError(f"grow: {site.site_name} has no directory «{options['directory']}» or project index")
        self.locales = list(
            Locale.objects.filter(
                language_code__in=[code for code, _name in settings.LANGUAGES[: options["languages"]]]
            ).exclude(pk=home.locale_id)
        )
        self.portal_settings = PortalSettings.for_site(site)
        started = time.monotonic()

        categories = list(DirectoryCategory.objects.filter(kind=directory.kind, locale_id=directory.locale_id))
        entries = self.grow(directory, options["entries"], lambda n: DirectoryEntryPage(**entry_fields(n)), "entries")
        self.add_details(entries, categories)
        entries += self.translate(directory, entries, categories)
        new_projects = self.grow(projects, options["projects"], lambda n: ProjectPage(**project_fields(n)), "projects")
        new_projects += self.translate(projects, new_projects)

        if not options["no_index"]:
            self.index(DirectoryEntryPage, entries)
            self.index(ProjectPage, new_projects)
        self.refresh_statistics()
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.0f} s."))

    def refresh_statistics(self):
        """ANALYZE on PostgreSQL, as autovacuum does after a bulk load: without fresh statistics the
        planner believes the tables hold a handful of rows and joins the search index to the pages
        row by row (167 ms instead of 5 ms for a search on 10,000 entries), which no real portal sees."""
        if connection.vendor == "postgresql":
            self.stdout.write("Refreshing the database's statistics (ANALYZE)…")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def grow(self, parent, target, build, label):
        """Example children of ``parent`` up to ``target``, in batches with progress; returns the new ones."""
        existing = parent.get_children().filter(slug__startswith=EXAMPLE_PREFIX).count()
        numbers = range(existing, max(existing, target))
        self.stdout.write(f"{parent.title}: {existing} example {label}, adding {len(numbers)}")
        created = []
        for start in range(0, len(numbers), BATCH):
            pages = [build(number) for number in numbers[start : start + BATCH]]
            for page, number in zip(pages, numbers[start : start + BATCH], strict=True):
                page.example_number = number
            created += add_live_children(parent, pages)
            self.stdout.write(f"  {label}: {existing + len(created)}/{target}")
        return created

    def add_details(self, entries, categories):
        """Categories and opening hours of new entries (their translations share them)."""
        through = DirectoryEntryPage.categories.through
        links, hours = [], []
        for entry in entries:
            for category in entry_categories(entry.example_number, categories):
                links.append(through(directoryentrypage_id=entry.pk, directorycategory_id=category.pk))
            for weekday, opens, closes in entry_hours(entry.example_number):
                hours.append(DirectoryOpeningHours(entry_id=entry.pk, weekday=weekday, opens=opens, closes=closes))
        through.objects.bulk_create(links, batch_size=BATCH)
        DirectoryOpeningHours.objects.bulk_create(hours, batch_size=BATCH)

    def translated_parent(self, parent, locale):
        """The section in ``locale``, translated and published (with its missing ancestors) if needed."""
        translation = parent.get_translation_or_none(locale)
        if translation is None:
            translation = parent.copy_for_translation(locale, copy_parents=True)
        for page in [*translation.get_ancestors().filter(locale=locale), translation]:
            if not page.live:
                page.specific.save_revision().publish()
        self.portal_settings.languages.add(locale)
        return translation.specific

    def translate(self, parent, sources, categories=None):
        """Every TRANSLATE_EVERY-th new page copied into each other language, same translation key."""
        chosen = [page for page in sources if page.example_number % TRANSLATE_EVERY == 0]
        translations = []
        if not chosen:
            return translations
        model = type(chosen[0])
        own = [field.attname for field in model._meta.local_concrete_fields if field.attname != "page_ptr_id"]
        for locale in self.locales:
            target = self.translated_parent(parent, locale)
            copies = []
            for source in chosen:
                copy = model(title=source.title, slug=source.slug, translation_key=source.translation_key)
                for name in own:
                    setattr(copy, name, getattr(source, name))
                summary = example_summary(locale.language_code, getattr(source, "municipality", "") or source.title)
                if model is DirectoryEntryPage:
                    copy.short_description = summary
                else:
                    copy.summary = summary
                copy.example_number = source.example_number
                copies.append(copy)
            translations += add_live_children(target, copies)
            if model is DirectoryEntryPage:
                self.add_details(copies, categories)
            self.stdout.write(f"  {len(copies)} {model._meta.verbose_name_plural} in {locale.language_code}")
        return translations

    def index(self, model, pages):
        """The new pages into the search index, in batches (``update_index`` does the same for everything)."""
        backend = get_search_backend()
        ids = [page.pk for page in pages]
        for start in range(0, len(ids), BATCH):
            backend.add_bulk(model, list(model.objects.filter(pk__in=ids[start : start + BATCH])))
            self.stdout.write(
                f"  search index: {min(start + BATCH, len(ids))}/{len(ids)} {model._meta.verbose_name_plural}"
            )
