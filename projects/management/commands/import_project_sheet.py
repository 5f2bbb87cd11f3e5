from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Site

from projects.importer import (
    SheetError,
    build_page,
    directory_matches,
    existing_import,
    mapping_lines,
    parse_sheet,
    read_sheet,
    source_hash,
)
from projects.models import ProjectIndexPage, Sector


class Command(BaseCommand):
    help = (
        "Import plain-text project sheets (schede progetto) as draft project pages under a portal's project index. "
        "Unrecognised text goes to the page body; nothing of the source is dropped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="one or more sheet files (.txt, .md)")
        parser.add_argument("--portal", required=True, help="host name of the portal, e.g. siena.localhost")
        parser.add_argument("--dry-run", action="store_true", help="print the mapping of each field; create nothing")
        parser.add_argument("--publish", action="store_true", help="publish the pages instead of leaving drafts")

    def handle(self, *args, paths, portal, dry_run, publish, **options):
        index = self._project_index(portal)
        imported, existing, failed = 0, 0, 0
        for path in paths:
            try:
                text, encoding = read_sheet(path)
            except SheetError as error:
                self.stderr.write(f"error: {path}: {error}")
                failed += 1
                continue
            digest = source_hash(text)
            parsed = parse_sheet(text, filename=path)
            found = existing_import(index, digest)
            if found:
                state = "published" if found.live else "draft"
                self.stdout.write(f'{path}: already imported as "{found.title}" ({state}, page id {found.pk}): skipped')
                existing += 1
                continue
            if dry_run:
                self._print_mapping(path, encoding, parsed, index)
                continue
            try:
                page = build_page(parsed, index, filename=path, digest=digest, publish=publish)
            except Exception as error:  # noqa: BLE001 - one line per bad file, the others still import
                message = getattr(error, "message_dict", None) or error
                self.stderr.write(f"error: {path}: could not create the page: {message}")
                failed += 1
                continue
            imported += 1
            state = "published" if publish else "draft"
            self.stdout.write(
                f'{path}: created "{page.title}" ({state}, page id {page.pk}, {len(parsed.other_partners)} partners, {len(parsed.funders)} funders, '
                f"{len(parsed.beneficiaries)} beneficiary entries, {len(parsed.body)} body blocks)"
            )

        verb = "would import" if dry_run else "imported"
        counted = len(paths) - failed - existing if dry_run else imported
        summary = f"{verb} {counted}, already present {existing}, failed {failed} (of {len(paths)} files)"
        if failed:
            raise CommandError(f"import_project_sheet: {summary}")
        self.stdout.write(self.style.SUCCESS(summary))

    def _project_index(self, hostname):
        site = Site.objects.filter(hostname=hostname.strip().lower()).select_related("root_page").first()
        if site is None:
            raise CommandError(f"import_project_sheet: no portal with the host name {hostname}")
        index = (
            ProjectIndexPage.objects.descendant_of(site.root_page)
            .filter(locale=Locale.get_default())
            .order_by("path")
            .first()
        )
        if index is None:
            raise CommandError(f"import_project_sheet: the portal {hostname} has no project index page")
        return index

    def _print_mapping(self, path, encoding, parsed, index):
        portal_root = index.get_parent()
        matches = directory_matches([partner.name for partner in parsed.partners], portal_root)
        sectors = Sector.objects.filter(locale=index.locale).values_list("name", flat=True)
        self.stdout.write(f"== {path} ({encoding}) → draft under {index.url_path} [dry run: nothing created]")
        for line in mapping_lines(parsed, existing_sectors=list(sectors), directory_matches=matches):
            self.stdout.write(f"  {line}")
