"""Demo projects: the four seed project sheets, rewritten in the project's words, imported on their portals.

The sheets in ``projects/demo_sheets/`` keep the shape of the offices' originals
(an UPPERCASE application form, a web page with a fact block, Markdown, plain
sections with "•" bullets) so the demo also shows the importer at work. They
go through the same importer as ``manage.py import_project_sheet``, then get
their sectors and are published. To add a project, drop a sheet in that folder
and list it in ``SHEETS``.
"""

from pathlib import Path

from wagtail.models import Locale

from .importer import build_page, ensure_sectors, link_partners_to_directory, parse_sheet, read_sheet, source_hash
from .models import ProjectIndexPage, ProjectPage

SHEETS_DIR = Path(__file__).resolve().parent / "demo_sheets"

SECTORS = [
    "Inclusione sociale",
    "Lavoro e orientamento",
    "Imprenditoria femminile",
    "Contrasto alla violenza",
    "Tratta e sfruttamento",
    "Conciliazione vita-lavoro",
    "Empowerment e partecipazione politica",
    "Migrazione e integrazione",
]

# (portal key, sheet file, sectors assigned on top of those the sheet names)
SHEETS = [
    (
        "siena",
        "000_siena_rete_centri.txt",
        ["Empowerment e partecipazione politica", "Lavoro e orientamento", "Contrasto alla violenza"],
    ),
    ("torino", "001_torino_femminili_plurali.txt", ["Migrazione e integrazione", "Lavoro e orientamento"]),
    ("brindisi", "003_brindisi_elpendu.md", ["Conciliazione vita-lavoro"]),
    ("milano", "004_milano_win.txt", ["Migrazione e integrazione", "Lavoro e orientamento"]),
]


def _project_index(home):
    return ProjectIndexPage.objects.child_of(home).filter(slug="progetti").first()


def load(context):
    ensure_sectors(SECTORS, Locale.get_default())
    for key, filename, sectors in SHEETS:
        result = context.portals.get(key)
        index = _project_index(result.home) if result else None
        if index is None:
            context.log(f"{key}: no project index, {filename} skipped")
            continue
        page = ProjectPage.objects.child_of(index).filter(source_filename=filename).first()
        if page is None:
            text, _encoding = read_sheet(SHEETS_DIR / filename)
            parsed = parse_sheet(text, filename=filename)
            known = {name.lower() for name in parsed.sectors}
            parsed.sectors += [name for name in sectors if name.lower() not in known]
            page = build_page(parsed, index, filename=filename, digest=source_hash(text), publish=True)
            context.log(f'{result.site.site_name}: project "{page.title}" imported from {filename}')
        # Partners the directory lists on the same portal link to their entries (the directory demo runs first).
        page = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        if link_partners_to_directory(page):
            page.save_revision().publish()
            context.log(f'{result.site.site_name}: partners of "{page.title}" linked to the directory')
