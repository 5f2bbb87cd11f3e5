"""The project-sheet importer: real seed sheets, bad files, dry runs and re-imports."""

import html
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from projects.importer import LABELS, normalise_label, parse_duration, parse_sheet
from projects.models import ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_FILES = {
    "000": "000_1386203941625369.txt",
    "001": "001_1a5fadf7fc49d7a8.txt",
    "003": "003_e8c4277f6cac40c5.txt",
    "004": "004_b3cf68c534235e67.txt",
}


def seed(key):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present (a user's clone): seed tests need it")
    return SEEDS / SEED_FILES[key]


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_project_sheet", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def imported(key, portal="siena.localhost"):
    out, err, error = run(seed(key), "--portal", portal)
    assert error is None, err
    return ProjectPage.objects.get(source_filename=SEED_FILES[key])


# --- the seeds: what an office expects to find in the page -----------------------------------------


def test_seed_000_siena_application_form():
    page = imported("000")
    assert page.title == "Rete centri pari opportunità territoriali"
    assert page.promoter.startswith("Provincia di Siena")
    assert page.scope == "provincial"
    assert (page.start_year, page.start_month, page.end_year, page.ongoing) == (1998, None, None, True)
    assert page.duration_label == "dal 1998, tuttora in corso"
    assert page.status == "active"
    assert [partner.name for partner in page.partners.all()] == ["Comuni e Comunità Montane della provincia senese"]
    assert len(page.objectives) == 2
    assert [block.value["description"][:25] for block in page.beneficiaries] == [
        "donne amministratrici dei",
        "donne che ricoprono ruoli",
    ]
    assert [block.value["status"] for block in page.results] == ["obtained"] * 3
    assert not page.live  # a draft for staff to review


def test_seed_001_torino_web_page_with_fact_block():
    page = imported("001", portal="lucca.localhost")
    counts = [block.value["count"] for block in page.beneficiaries]
    assert counts == [300, 30, 15, 15, 20, 350, 2000, 20000]
    assert page.beneficiaries_total == "circa 22.730"
    assert page.beneficiaries_summary == "Circa 23.000 persone"
    partners = [partner.display_name for partner in page.non_funder_partners]
    assert len(partners) == 6
    assert "Renken Onlus" in partners
    assert "CIDIS – Consorzio Intercomunale di Servizi" in partners
    assert [funder.display_name for funder in page.funders] == ["Fondazione Compagnia di San Paolo"]
    assert page.funding_programme == "Bando «Territori inclusivi»"
    assert (page.start_year, page.start_month, page.end_year, page.end_month) == (2023, 11, 2025, 10)
    assert page.duration_label == "novembre 2023 – ottobre 2025"
    assert page.municipality_names == ["Orbassano", "Rivalta", "Piossasco"]
    assert page.scope == "intermunicipal"
    assert [sector.name for sector in page.sectors.all()] == ["Inclusione sociale"]
    assert page.status_override == "active"  # the sheet says "Attivo"
    assert page.title == "Comunità e inclusione: Femminili plurali – Fase 2"
    assert len(page.objectives) == 3
    assert len(page.activities) == 5


def test_seed_003_brindisi_markdown():
    page = imported("003")
    partners = [partner.name for partner in page.partners.all()]
    assert len(partners) == 15
    assert partners[0] == "Comune di Brindisi"
    assert partners[-1] == "Associazione culturale Gruppo Pari opportunità"
    assert "Associazione Apulian Knowledge Transfer Agency _ Associazione zona industriale di Mesagne" in partners
    assert page.title == "Consorzio Elpendù"
    assert len(page.objectives) == 1
    assert len(page.activities) == 10
    assert len(page.results) == 8
    assert {block.value["status"] for block in page.results} == {"expected"}


def test_seed_004_milano_bullets_and_a_range_of_beneficiaries():
    page = imported("004")
    assert page.title == "WOMEN4INTEGRATION: from neighbourhoods to Europe / WIN"
    [beneficiary] = list(page.beneficiaries)
    assert (beneficiary.value["count"], beneficiary.value["count_max"]) == (100, 150)
    assert page.beneficiaries_total == "100–150"
    partners = {partner.name: partner.role for partner in page.partners.all()}
    assert len(partners) == 9
    assert partners["Comune di Milano"] == "partner"
    assert "Università di Malmo" in partners
    assert len(page.objectives) == 4
    assert len(page.activities) == 5
    assert len(page.results) == 3


# --- no text of the source is ever dropped -----------------------------------------------------------


def _norm(text):
    text = html.unescape(text).replace("\xa0", " ").replace("’", "'")
    text = re.sub(r"\\([_*#])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def _page_text(page):
    """Everything a reader (or editor) finds in the page, as one lower-case text."""
    parts = [
        page.title,
        page.summary,
        page.area,
        page.promoter,
        page.funding_programme,
        page.beneficiaries_summary,
        page.duration_label,
        page.status_label,
        page.get_scope_display(),
    ]
    parts += [f"{partner.display_name} ({partner.get_role_display()})" for partner in page.partners.all()]
    parts += page.municipality_names + [sector.name for sector in page.sectors.all()]
    parts += [block.value for block in page.objectives] + [block.value for block in page.activities]
    parts += [block.value["description"] for block in page.beneficiaries]
    parts += [block.value["text"] for block in page.results]
    for block in page.body:
        value = block.value["text"] if block.block_type == "heading" else re.sub(r"<[^>]+>", " ", block.value.source)
        parts.append(value)
    return _norm("\n".join(str(part) for part in parts if part))


def _content_lines(path):
    """The seed's lines an office wrote, minus blank lines, form hints and the labels themselves."""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = _norm(raw)
        line = re.sub(r"^(#+|--?|[•\-–*])\s*", "", line).strip()
        line = re.sub(r"\(max[^)]*caratteri[^)]*\)", "", line).strip()
        if not line.strip(" ."):
            continue
        if normalise_label(line) in LABELS:
            continue
        inline = re.match(r"^([^:]{3,60}):\s+(.*)$", line)
        if inline and normalise_label(inline.group(1)) in LABELS:
            line = inline.group(2)
        yield line.rstrip(" ;,.")


def _is_kept(line, text, words):
    if line in text:
        return True
    # A list split into its items ("Renken Onlus, Cooperativa Orso, …"): every item is there.
    fragments = [part.strip(" .") for part in re.split(r"[,;]", line) if part.strip(" .")]
    if len(fragments) > 1 and all(fragment in text for fragment in fragments):
        return True
    # A short fact turned into a field ("Dal 1998 e tuttora in corso"): every word of it is there.
    tokens = re.findall(r"\w+", line)
    return len(tokens) <= 8 and all(token in words for token in tokens)


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_no_text_of_a_seed_is_lost(key):
    page = imported(key)
    text = _page_text(page)
    words = set(re.findall(r"\w+", text))
    missing = [line for line in _content_lines(seed(key)) if not _is_kept(line, text, words)]
    assert not missing, missing


def test_form_hints_are_dropped():
    page = imported("000")
    assert "caratteri" not in _page_text(page)


# --- the command: dry run, publish, re-import, bad files -----------------------------------------------


def test_dry_run_prints_the_mapping_and_creates_nothing():
    pages = Page.objects.count()
    out, err, error = run(seed("001"), "--portal", "siena.localhost", "--dry-run")
    assert error is None, err
    assert Page.objects.count() == pages
    assert "partners (6):" in out
    assert "  - Renken Onlus [Partner]" in out
    assert "funders (1): Fondazione Compagnia di San Paolo" in out
    assert "duration: start 2023-11, end 2025-10, ongoing no" in out
    assert "municipalities (3): Orbassano, Rivalta, Piossasco" in out
    assert "beneficiaries (8, total of the counts 22730):" in out
    assert "would import 1, already present 0, failed 0" in out


def test_reimporting_the_same_sheet_reports_the_existing_draft(tmp_path):
    sheet = tmp_path / "scheda.txt"
    sheet.write_text("NOME DEL PROGETTO\n\nSportello donna\n\nDURATA\n\nDal 2020\n", encoding="utf-8")
    out, err, error = run(sheet, "--portal", "siena.localhost")
    assert error is None, err
    page = ProjectPage.objects.get(source_filename="scheda.txt")
    assert page.get_parent().specific_class is ProjectIndexPage
    assert page.get_parent().get_parent().pk == Page.objects.get(depth=2, slug="siena").pk

    out, err, error = run(sheet, "--portal", "siena.localhost")
    assert error is None, err
    assert f'already imported as "Sportello donna" (draft, page id {page.pk})' in out
    assert ProjectPage.objects.filter(title="Sportello donna").count() == 1


def test_publish_makes_the_page_live(tmp_path):
    sheet = tmp_path / "pubblica.md"
    sheet.write_text("## Sportello lavoro\n\n### Obiettivi:\n\n- orientare;\n- accompagnare;\n", encoding="utf-8")
    out, err, error = run(sheet, "--portal", "lucca.localhost", "--publish")
    assert error is None, err
    page = ProjectPage.objects.get(title="Sportello lavoro")
    assert page.live
    assert [block.value for block in page.objectives] == ["orientare", "accompagnare"]


def test_latin1_sheet_is_read(tmp_path):
    sheet = tmp_path / "latin1.txt"
    sheet.write_bytes(
        "NOME DEL PROGETTO\nPari opportunità in città\nQUANDO\nMarzo 2021 – Febbraio 2022\n".encode("cp1252")
    )
    out, err, error = run(sheet, "--portal", "siena.localhost")
    assert error is None, err
    page = ProjectPage.objects.get(title="Pari opportunità in città")
    assert (page.start_year, page.start_month, page.end_year, page.end_month) == (2021, 3, 2022, 2)


def test_bad_files_get_one_error_line_each_and_good_files_are_still_imported(tmp_path):
    good = tmp_path / "buona.txt"
    good.write_text("NOME DEL PROGETTO\nCentro antiviolenza\n", encoding="utf-8")
    empty = tmp_path / "vuota.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "immagine.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    undecodable = tmp_path / "illeggibile.txt"
    undecodable.write_bytes(b"NOME DEL PROGETTO\n\x81\x8d\x8f\x90\x9d\x01\x02 testo\n")
    missing = tmp_path / "manca.txt"

    pages = Page.objects.count()
    out, err, error = run(missing, empty, good, binary, undecodable, "--portal", "siena.localhost")

    assert error is not None  # non-zero exit
    assert "imported 1, already present 0, failed 4 (of 5 files)" in str(error)
    lines = err.strip().splitlines()
    assert lines == [
        f"error: {missing}: file not found",
        f"error: {empty}: the file is empty",
        f"error: {binary}: binary file, not a text sheet",
        f"error: {undecodable}: neither UTF-8 nor Latin-1 text (unreadable characters)",
    ]
    assert Page.objects.count() == pages + 1
    assert ProjectPage.objects.filter(title="Centro antiviolenza").exists()


def test_unknown_portal_is_one_clear_error():
    with pytest.raises(CommandError, match="no portal with the host name nowhere.localhost"):
        call_command("import_project_sheet", "x.txt", "--portal", "nowhere.localhost", stdout=StringIO())


# --- the parser on its own ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("Novembre 2023 – Ottobre 2025", (2023, 11, None), (2025, 10, None), False),
        ("Dal 1998 e tuttora in corso....", (1998, None, None), (None, None, None), True),
        ("dal 01/03/2020 al 28/02/2022", (2020, 3, 1), (2022, 2, 28), False),
        ("dal 12 marzo 2021", (2021, 3, 12), (None, None, None), False),
        ("fino a dicembre 2024", (None, None, None), (2024, 12, None), False),
        ("2019-2021", (2019, None, None), (2021, None, None), False),
    ],
)
def test_durations_in_italian(text, start, end, ongoing):
    assert parse_duration(text) == (start, end, ongoing)


def test_unrecognised_sections_go_to_the_body_in_order():
    parsed = parse_sheet(
        "NOME DEL PROGETTO\nCasa delle donne\nORARI DI APERTURA\nlunedì e giovedì 9-13\nOBIETTIVI\n- ascolto\n"
    )
    assert parsed.title == "Casa delle donne"
    assert parsed.objectives == ["ascolto"]
    # "ORARI DI APERTURA" is no known label: it stays in the body, as a heading over its text.
    assert parsed.body == [("heading", "Orari di apertura"), ("paragraph", "lunedì e giovedì 9-13")]
