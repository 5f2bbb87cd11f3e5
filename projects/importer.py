"""Reads plain-text project sheets ("schede progetto") into ``ProjectPage`` drafts.

Offices write sheets in several shapes (see ``../shared/seeds``): filled-in
forms with UPPERCASE labels and hints such as "(max. 1.800 caratteri spazi
inclusi)", web pages with sentence-case headings and label/value fact blocks,
Markdown with ``##``/``###`` headings, plain sections with "•" bullets. The
parser recognises the labels an office uses for each field (and their
synonyms and typos), reads counts and dates out of the text, and sends
everything it does not recognise to the body: no text of the source is lost.

``read_sheet`` → ``parse_sheet`` (pure, no database) → ``build_page``.
"""

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify

from directory.models import DirectoryEntryPage
from projects import dates
from projects.models import PartnerRole, ProjectMunicipality, ProjectPage, ProjectPartner, Scope, Sector, Status
from sites.utils import free_slug, portal_root


class SheetError(Exception):
    """A file cannot be read as a project sheet (the message says why, in one line)."""


# --- reading -------------------------------------------------------------------

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def read_sheet(path):
    """(text, encoding) of a sheet file, or SheetError for a missing, empty, binary or undecodable file."""
    path = Path(path)
    if not path.exists():
        raise SheetError("file not found")
    if not path.is_file():
        raise SheetError("not a file")
    data = path.read_bytes()
    if not data.strip():
        raise SheetError("the file is empty")
    if b"\x00" in data[:8192]:
        raise SheetError("binary file, not a text sheet")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not CONTROL_CHARACTERS.search(text):
            return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise SheetError("neither UTF-8 nor Latin-1 text (unreadable characters)")


def source_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- labels --------------------------------------------------------------------

# Normalised label → field. Normalising lowers the case, drops "#", a trailing
# colon and anything in brackets, so "### Obiettivi Progetto:" and
# "DURATA DEL PROGETTO (DA - A)" are found as written.
LABELS = {
    "nome del progetto": "title",
    "titolo": "title",
    "titolo del progetto": "title",
    "nome progetto": "title",
    "descrizione del progetto": "description",
    "descrizione": "description",
    "progetto": "description",
    "il progetto": "description",
    "ambito territoriale del progetto": "scope",
    "ambito territoriale": "scope",
    "soggetto promotore": "promoter",
    "ente promotore": "promoter",
    "promotore": "promoter",
    "partner": "partners",
    "partners": "partners",
    "parter": "partners",
    "partner principali": "partners",
    "partenariato": "partners",
    "partner e finanziatori": "partners",
    "rete dei partner": "partners",
    "finanziatori": "funders",
    "finanziatore": "funders",
    "finanziamento": "funders",
    "fonte di finanziamento": "funders",
    "obiettivi": "objectives",
    "obbiettivi": "objectives",
    "obiettivi progetto": "objectives",
    "obiettivi del progetto": "objectives",
    "obiettivi ed attività": "objectives",
    "obbiettivi ed attività": "objectives",
    "obiettivi e attività": "objectives",
    "attività": "activities",
    "azioni": "activities",
    "attività previste": "activities",
    "beneficiari": "beneficiaries",
    "beneficiarie": "beneficiaries",
    "beneficiari coinvolti": "beneficiaries",
    "destinatari": "beneficiaries",
    "destinatarie": "beneficiaries",
    "risultati": "results",
    "risultati ottenuti": "results",
    "principali risultati ottenuti": "results",
    "risultati attesi": "results",
    "durata": "duration",
    "durata del progetto": "duration",
    "quando": "duration",
    "periodo": "duration",
    "dove": "where",
    "luogo": "where",
    "territorio": "where",
    "settore": "sectors",
    "settori": "sectors",
    "stato progetto": "status",
    "stato del progetto": "status",
    "contatti": "contact",
    "informazioni progetto": "facts",
    "informazioni sul progetto": "facts",
}

# Form hints to drop: "(max. 1.800 caratteri spazi inclusi)", "(max 600 caratteri)".
HINT = re.compile(r"\(\s*(?:max|massimo|min|minimo)\b\.?[^)]*\)", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:--?|[–—•*▪·]|\d{1,2}[.)]\s)\s*(?=\S)")
MD_HEADING = re.compile(r"^\s*#{1,6}\s*")
INLINE_LABEL = re.compile(r"^([^:]{3,60}):\s+(\S.*)$")


def normalise_label(text):
    text = HINT.sub("", text)
    text = re.sub(r"\([^)]*\)", "", MD_HEADING.sub("", text))
    text = text.replace("’", "'").strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text).lower()


def clean_line(line):
    line = unicodedata.normalize("NFC", line).replace("\xa0", " ").replace("\t", " ")
    line = re.sub(r"\\([_*#\[\]()`])", r"\1", line)  # Markdown escapes: "\_" → "_"
    return re.sub(r" {2,}", " ", line).strip()


# --- what a sheet says -----------------------------------------------------------


@dataclass
class Beneficiary:
    description: str
    count: int | None = None
    count_max: int | None = None
    approximate: bool = False


@dataclass
class Partner:
    name: str
    role: str = PartnerRole.PARTNER


@dataclass
class Result:
    text: str
    status: str  # "obtained" or "expected"


@dataclass
class ParsedSheet:
    title: str = ""
    title_from: str = ""  # where the title was found, for the dry-run
    summary: str = ""
    scope: str = ""
    scope_inferred: bool = False
    area: str = ""
    municipalities: list = field(default_factory=list)
    promoter: str = ""
    partners: list = field(default_factory=list)
    funding_programme: str = ""
    sectors: list = field(default_factory=list)
    objectives: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    beneficiaries: list = field(default_factory=list)
    beneficiaries_summary: str = ""
    results: list = field(default_factory=list)
    start: tuple = (None, None, None)
    end: tuple = (None, None, None)
    ongoing: bool = False
    status: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""
    body: list = field(default_factory=list)  # ("heading"|"paragraph"|"list", text or [items])
    hints: list = field(default_factory=list)  # dropped form hints

    @property
    def funders(self):
        return [partner for partner in self.partners if partner.role == PartnerRole.FUNDER]

    @property
    def other_partners(self):
        return [partner for partner in self.partners if partner.role != PartnerRole.FUNDER]


@dataclass
class Section:
    key: str  # a LABELS value, "preamble" or "unknown"
    label: str  # as written
    lines: list = field(default_factory=list)  # ("bullet"|"text", text)


def _split_sections(text, parsed):
    sections = [Section("preamble", "")]
    previous_blank = True
    for raw in text.splitlines():
        line = clean_line(raw)
        if not line:
            previous_blank = True
            continue
        if HINT.fullmatch(line):
            parsed.hints.append(line)
            continue
        hint_free = HINT.sub("", line).strip()
        is_markdown_heading = bool(MD_HEADING.match(line))
        key = LABELS.get(normalise_label(hint_free))
        if key:
            sections.append(Section(key, MD_HEADING.sub("", hint_free).rstrip(":").strip()))
            previous_blank = False
            continue
        inline = INLINE_LABEL.match(hint_free)
        if inline and LABELS.get(normalise_label(inline.group(1))):
            section = Section(LABELS[normalise_label(inline.group(1))], inline.group(1).strip())
            section.lines.append(("text", inline.group(2).strip()))
            sections.append(section)
            previous_blank = False
            continue
        if is_markdown_heading or _looks_like_heading(line):
            sections.append(Section("unknown", MD_HEADING.sub("", line).rstrip(":").strip()))
            previous_blank = False
            continue
        bullet = BULLET.match(line)
        if bullet:
            sections[-1].lines.append(("bullet", line[bullet.end() :].strip()))
        elif _continues(sections[-1], line, previous_blank):
            kind, before = sections[-1].lines[-1]
            sections[-1].lines[-1] = (kind, f"{before} {line}")
        else:
            sections[-1].lines.append(("text", line))
        previous_blank = False
    return sections


def _looks_like_heading(line):
    """An UPPERCASE label the parser does not know ("ORARI DI APERTURA"): it starts a section of the body."""
    return (
        len(line) <= 60
        and len(line.split()) >= 2
        and not re.search(r"[.,;!?]$|[,;]", line)
        and _mostly_uppercase(line)
        and sum(char.isalpha() for char in line) >= 4
    )


def _continues(section, line, previous_blank):
    """A hard-wrapped paragraph: the previous line stops mid-sentence and this one goes on in lower case."""
    if previous_blank or not section.lines:
        return False
    _kind, before = section.lines[-1]
    return not re.search(r"[.:;!?»\"]$", before) and line[:1].islower()


def _strip_item(text, punctuation=";,"):
    return text.strip().rstrip(punctuation).strip()


# --- counts, dates, places ---------------------------------------------------------

NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"
COUNT = re.compile(
    rf"^(?P<approx>circa|oltre|almeno|più di|piu di|fino a)?\s*(?P<low>{NUMBER})(?:\s*[/\-–]\s*(?P<high>{NUMBER}))?(?!\s*%)\b",
    re.IGNORECASE,
)


def _number(text):
    return int(text.replace(".", ""))


def parse_beneficiary(text):
    match = COUNT.match(text)
    if not match:
        return Beneficiary(description=text)
    low = _number(match.group("low"))
    high = _number(match.group("high")) if match.group("high") else None
    return Beneficiary(
        description=text,
        count=low,
        count_max=high if high and high > low else None,
        approximate=(match.group("approx") or "").lower() in {"circa", "oltre", "almeno", "più di", "piu di"},
    )


MONTH_NAMES = {
    "gennaio": 1,
    "febbraio": 2,
    "marzo": 3,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "agosto": 8,
    "settembre": 9,
    "ottobre": 10,
    "novembre": 11,
    "dicembre": 12,
}
MONTH_ABBREVIATIONS = {name[:3]: number for name, number in MONTH_NAMES.items()}
MONTH_PATTERN = "|".join(list(MONTH_NAMES) + list(MONTH_ABBREVIATIONS))
DATE_MENTION = re.compile(
    rf"\b(?P<d1>\d{{1,2}})[/.\-](?P<m1>\d{{1,2}})[/.\-](?P<y1>\d{{4}})\b"
    rf"|\b(?:(?P<d2>\d{{1,2}})°?\s+)?(?P<m2>{MONTH_PATTERN})\.?\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<y3>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
ONGOING = re.compile(r"in corso|tuttora|ad oggi|a oggi|attualmente|in atto|ancora attivo", re.IGNORECASE)


def parse_duration(text):
    """(start, end, ongoing) from "Novembre 2023 – Ottobre 2025", "Dal 1998 e tuttora in corso", "01/03/2020 - 28/02/2022" …"""
    found = []
    for match in DATE_MENTION.finditer(text):
        if match.group("y1"):
            triple = (int(match.group("y1")), int(match.group("m1")), int(match.group("d1")))
        elif match.group("y2"):
            month = match.group("m2").lower()
            month = MONTH_NAMES.get(month) or MONTH_ABBREVIATIONS[month[:3]]
            day = int(match.group("d2")) if match.group("d2") else None
            triple = (int(match.group("y2")), month, day)
        else:
            triple = (int(match.group("y3")), None, None)
        if dates.is_valid(*triple):
            found.append(triple)
    ongoing = bool(ONGOING.search(text))
    empty = (None, None, None)
    if not found:
        return empty, empty, ongoing
    if len(found) >= 2:
        return found[0], found[1], False
    only = found[0]
    if re.match(r"^\s*(fino a|fino al|entro|al)\b", text, re.IGNORECASE):
        return empty, only, ongoing
    if ongoing or re.match(r"^\s*(dal|dall'|da|a partire da)\b", text, re.IGNORECASE):
        return only, empty, ongoing
    return only, only, False


def parse_municipalities(text):
    """["Orbassano", "Rivalta", "Piossasco"] from "Comuni di Orbassano, Rivalta e Piossasco (Provincia di Torino)"."""
    if not re.search(r"\bcomun[ei]\b", text, re.IGNORECASE):
        return []
    text = re.sub(r"\([^)]*\)", "", text)
    text = re.sub(r"^.*?\bcomun[ei]\s+(?:di|:)\s*", "", text, flags=re.IGNORECASE)
    names = []
    for part in re.split(r",|;|\s+e\s+|\s+ed\s+", text):
        name = part.strip(" .")
        if name and name[0].isupper() and len(name.split()) <= 4 and name not in names:
            names.append(name)
    return names


SCOPE_WORDS = [
    ("intercomunal", Scope.INTERMUNICIPAL),
    ("comunal", Scope.MUNICIPAL),
    ("provincial", Scope.PROVINCIAL),
    ("regional", Scope.REGIONAL),
    ("nazional", Scope.NATIONAL),
    ("europe", Scope.EUROPEAN),
]
STATUS_WORDS = [
    (r"attiv|in corso", Status.ACTIVE),
    (r"conclus|terminat|complet|chius", Status.COMPLETED),
    (r"programm|previst|da avviare|in partenza", Status.PLANNED),
]
ROLE_WORDS = {
    "capofila": PartnerRole.LEAD,
    "partner": PartnerRole.PARTNER,
    "finanziatore": PartnerRole.FUNDER,
    "finanziatrice": PartnerRole.FUNDER,
    "rete": PartnerRole.NETWORK,
}
FUNDING_SENTENCE = re.compile(
    r"(?:contributo|finanziamento|cofinanziamento|sostegno)\s+(?:economico\s+)?(?:da parte\s+)?"
    r"(?:della|del|dello|dell['’]|di)\s*(?P<funder>.+?)"
    r"(?:\s+nell['’]ambito\s+(?:del|della|dello|dell['’])\s*(?P<programme>.+?))?\s*[.;]?$",
    re.IGNORECASE,
)
PROGRAMME_WORDS = re.compile(r"\b(bando|misura|programma|por|pon|fse|fesr|avviso)\b", re.IGNORECASE)


def _partner(text, role=PartnerRole.PARTNER):
    name = _strip_item(text, ";,.")
    match = re.match(r"^(?P<name>.+?)\s*\((?P<role>[^)]+)\)$", name)
    if match and match.group("role").strip().lower() in ROLE_WORDS:
        return Partner(match.group("name").strip(), ROLE_WORDS[match.group("role").strip().lower()])
    return Partner(name, role)


def _split_names(text):
    """Split "A, B; C" on commas and semicolons outside brackets."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.strip() for part in parts if part.strip(" .")]


def _sentence_case(text):
    """'COMUNITÀ E INCLUSIONE: FEMMINILI PLURALI – Fase 2' → 'Comunità e inclusione: Femminili plurali – Fase 2'."""
    words = [word.lower() if word.isupper() else word for word in text.split(" ")]
    text = " ".join(words)
    text = text[:1].upper() + text[1:]
    return re.sub(r"(:\s+)(\w)", lambda match: match.group(1) + match.group(2).upper(), text)


def _mostly_uppercase(text):
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) / len(letters) > 0.6


# --- from sections to fields -----------------------------------------------------------


def parse_sheet(text, filename=""):
    parsed = ParsedSheet()
    sections = _split_sections(text, parsed)
    descriptions = []

    for section in sections:
        handler = SECTION_HANDLERS.get(section.key, _to_body)
        handler(parsed, section, descriptions)

    _choose_title(parsed, sections, descriptions, filename)
    if descriptions:
        parsed.summary = descriptions[0]
        parsed.body = [("paragraph", paragraph) for paragraph in descriptions[1:]] + parsed.body
    if not parsed.scope and parsed.municipalities:
        parsed.scope = Scope.MUNICIPAL if len(parsed.municipalities) == 1 else Scope.INTERMUNICIPAL
        parsed.scope_inferred = True
    return parsed


def _to_body(parsed, section, _descriptions=None, heading=True):
    if not section.lines and section.key != "unknown":
        return
    if heading and section.label:
        label = section.label
        parsed.body.append(("heading", _sentence_case(label) if _mostly_uppercase(label) else label))
    bullets = []
    for kind, text in section.lines:
        if kind == "bullet":
            bullets.append(text)
            continue
        if bullets:
            parsed.body.append(("list", bullets))
            bullets = []
        parsed.body.append(("paragraph", text))
    if bullets:
        parsed.body.append(("list", bullets))


def _rest_to_body(parsed, section, lines):
    if lines:
        _to_body(parsed, Section(section.key, section.label, lines))


def _title(parsed, section, _descriptions):
    texts = [text for _kind, text in section.lines]
    if texts and not parsed.title:
        parsed.title, parsed.title_from = texts[0], f'label "{section.label}"'
        _rest_to_body(parsed, section, section.lines[1:])
    else:
        _rest_to_body(parsed, section, section.lines)


def _description(parsed, section, descriptions):
    descriptions.extend(text if kind == "text" else f"• {text}" for kind, text in section.lines)


def _scope(parsed, section, _descriptions):
    rest = []
    for kind, text in section.lines:
        scope = next((value for word, value in SCOPE_WORDS if word in text.lower()), None)
        if scope and not parsed.scope and len(text) <= 60:
            parsed.scope = scope
        else:
            rest.append((kind, text))
    _rest_to_body(parsed, section, rest)


def _promoter(parsed, section, _descriptions):
    texts = [text for _kind, text in section.lines]
    if texts and not parsed.promoter:
        parsed.promoter = _strip_item(texts[0], ";,.")[:255]
        _rest_to_body(parsed, section, section.lines[1:])
    else:
        _rest_to_body(parsed, section, section.lines)


def _partners(parsed, section, _descriptions, role=PartnerRole.PARTNER):
    rest = []
    for kind, text in section.lines:
        funding = FUNDING_SENTENCE.search(text) if kind == "text" else None
        if funding:
            funder = _strip_item(funding.group("funder"), ";,.")
            parsed.partners.append(Partner(funder, PartnerRole.FUNDER))
            if funding.group("programme") and not parsed.funding_programme:
                parsed.funding_programme = _strip_item(funding.group("programme"), ";,.")
            # The sentence says more than the two facts: keep it, as written, in the body.
            rest.append((kind, text))
        elif kind == "bullet":
            parsed.partners.append(_partner(text, role))
        elif role == PartnerRole.FUNDER and PROGRAMME_WORDS.search(text) and not parsed.funding_programme:
            parsed.funding_programme = _strip_item(text, ";,.")
        elif len(text.split()) > 12 and "," not in text and ";" not in text:
            rest.append((kind, text))  # prose about the partnership, not a list of names
        else:
            parsed.partners.extend(_partner(name, role) for name in _split_names(text))
    _rest_to_body(parsed, section, rest)


def _funders(parsed, section, descriptions):
    _partners(parsed, section, descriptions, role=PartnerRole.FUNDER)


def _list_field(name):
    def handler(parsed, section, _descriptions):
        items = getattr(parsed, name)
        bullets = [text for kind, text in section.lines if kind == "bullet"]
        if bullets:
            items.extend(_strip_item(text) for text in bullets)
            # Prose around a bulleted list ("Gli obiettivi del progetto sono:") stays in the body.
            _rest_to_body(parsed, section, [(kind, text) for kind, text in section.lines if kind != "bullet"])
        else:
            items.extend(_strip_item(text) for _kind, text in section.lines)

    return handler


def _beneficiaries(parsed, section, _descriptions):
    entries = []
    for kind, text in section.lines:
        if kind == "bullet":
            entries.append(_strip_item(text))
        else:
            entries.extend(_strip_item(part) for part in text.split(";") if part.strip(" .;"))
    if parsed.beneficiaries and len(entries) == 1 and not parsed.beneficiaries_summary:
        # A second, one-line beneficiaries field is the sheet's own total ("Circa 23.000 persone").
        parsed.beneficiaries_summary = entries[0]
        return
    parsed.beneficiaries.extend(parse_beneficiary(entry) for entry in entries)


def _results(parsed, section, _descriptions):
    label = section.label.lower()
    status = "expected" if "attes" in label else "obtained" if "ottenut" in label else "expected"
    parsed.results.extend(Result(_strip_item(text), status) for _kind, text in section.lines)


def _duration(parsed, section, _descriptions):
    text = " ".join(text for _kind, text in section.lines)
    start, end, ongoing = parse_duration(text)
    if start[0] or end[0] or ongoing:
        parsed.start, parsed.end, parsed.ongoing = start, end, ongoing
    else:
        _to_body(parsed, section)


def _where(parsed, section, _descriptions):
    texts = [text for _kind, text in section.lines]
    if not texts:
        return
    parsed.area = _strip_item(texts[0], ";,")[:255]
    for name in parse_municipalities(texts[0]):
        if name not in parsed.municipalities:
            parsed.municipalities.append(name)
    _rest_to_body(parsed, section, section.lines[1:])


def _sectors(parsed, section, _descriptions):
    for _kind, text in section.lines:
        parsed.sectors.extend(name for name in (_strip_item(part, ";,.") for part in _split_names(text)) if name)


def _status(parsed, section, _descriptions):
    rest = []
    for kind, text in section.lines:
        status = next((value for pattern, value in STATUS_WORDS if re.search(pattern, text, re.IGNORECASE)), None)
        if status and not parsed.status and len(text) <= 40:
            parsed.status = status
        else:
            rest.append((kind, text))
    _rest_to_body(parsed, section, rest)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d ./-]{5,}\d")
URL = re.compile(r"https?://\S+|www\.\S+")


def _contact(parsed, section, _descriptions):
    for _kind, text in section.lines:
        if not parsed.contact_email and (match := EMAIL.search(text)):
            parsed.contact_email = match.group(0)
        if not parsed.website and (match := URL.search(text)):
            url = match.group(0).rstrip(".,;")
            parsed.website = url if url.startswith("http") else f"https://{url}"
        if not parsed.contact_phone and (match := PHONE.search(EMAIL.sub("", URL.sub("", text)))):
            parsed.contact_phone = match.group(0)
    # Opening hours, addresses, names of people: as written, in the body.
    _to_body(parsed, section)


def _facts(parsed, section, _descriptions):
    _to_body(parsed, section)


SECTION_HANDLERS = {
    "title": _title,
    "description": _description,
    "scope": _scope,
    "promoter": _promoter,
    "partners": _partners,
    "funders": _funders,
    "objectives": _list_field("objectives"),
    "activities": _list_field("activities"),
    "beneficiaries": _beneficiaries,
    "results": _results,
    "duration": _duration,
    "where": _where,
    "sectors": _sectors,
    "status": _status,
    "contact": _contact,
    "facts": _facts,
}


def _choose_title(parsed, sections, descriptions, filename):
    if parsed.title:
        return
    # The first line of the sheet, when it reads like a name (a Markdown heading or a short line).
    preamble = sections[0]
    first_unknown = next((section for section in sections if section.key == "unknown"), None)
    if preamble.lines and preamble.lines[0][0] == "text" and len(preamble.lines[0][1]) <= 150:
        candidate = preamble.lines[0][1]
        if not candidate.endswith(".") or first_unknown is None:
            parsed.title, parsed.title_from = candidate, "first line"
            _remove_from_body(parsed, candidate)
            return
    if first_unknown is not None and not first_unknown.lines and sections.index(first_unknown) <= 1:
        parsed.title, parsed.title_from = first_unknown.label, "first heading"
        _remove_from_body(parsed, first_unknown.label, kind="heading")
        return
    # "COMUNITÀ E INCLUSIONE: FEMMINILI PLURALI – Fase 2, dà continuità …": the capitalised lead of the description.
    if descriptions:
        lead = re.match(r"^(.{5,120}?),\s", descriptions[0])
        if lead and _mostly_uppercase(lead.group(1)):
            parsed.title, parsed.title_from = _sentence_case(lead.group(1)), "start of the description"
            return
    parsed.title = Path(filename).stem.replace("_", " ").strip() or "Progetto importato"
    parsed.title_from = "file name"


def _remove_from_body(parsed, text, kind="paragraph"):
    for index, (item_kind, value) in enumerate(parsed.body):
        if item_kind == kind and value == text:
            del parsed.body[index]
            return


# --- the mapping, for --dry-run ------------------------------------------------------------


def mapping_lines(parsed, existing_sectors=(), directory_matches=None):
    """One or more lines per field: what the sheet gave and where it goes."""
    directory_matches = directory_matches or {}
    lines = [f"title: {parsed.title}  (from {parsed.title_from})", f"summary: {_short(parsed.summary)}"]
    scope = Scope(parsed.scope).label if parsed.scope else "—"
    lines.append(f"scope: {scope}" + ("  (inferred from the municipalities)" if parsed.scope_inferred else ""))
    lines.append(f"area: {parsed.area or '—'}")
    lines.append(f"municipalities ({len(parsed.municipalities)}): {', '.join(parsed.municipalities) or '—'}")
    lines.append(f"promoter: {parsed.promoter or '—'}")
    lines.append(f"partners ({len(parsed.other_partners)}):")
    for partner in parsed.other_partners:
        linked = directory_matches.get(partner.name.lower())
        lines.append(
            f"  - {partner.name} [{PartnerRole(partner.role).label}]"
            + (f"  → directory entry #{linked.pk}" if linked else "")
        )
    lines.append(f"funders ({len(parsed.funders)}): {', '.join(partner.name for partner in parsed.funders) or '—'}")
    lines.append(f"funding programme: {parsed.funding_programme or '—'}")
    known = {name.lower() for name in existing_sectors}
    sectors = [name + ("" if name.lower() in known else " (new sector)") for name in parsed.sectors]
    lines.append(f"sectors: {', '.join(sectors) or '—'}")
    for name in ("objectives", "activities"):
        items = getattr(parsed, name)
        lines.append(f"{name} ({len(items)}):")
        lines.extend(f"  - {_short(item)}" for item in items)
    total = sum(entry.count for entry in parsed.beneficiaries if entry.count is not None)
    lines.append(f"beneficiaries ({len(parsed.beneficiaries)}, total of the counts {total}):")
    for entry in parsed.beneficiaries:
        count = "no count" if entry.count is None else str(entry.count)
        if entry.count_max:
            count += f"–{entry.count_max}"
        if entry.approximate:
            count = f"about {count}"
        lines.append(f"  - [{count}] {_short(entry.description)}")
    lines.append(f"beneficiaries summary: {parsed.beneficiaries_summary or '—'}")
    lines.append(f"results ({len(parsed.results)}):")
    lines.extend(f"  - [{result.status}] {_short(result.text)}" for result in parsed.results)
    start = _iso(parsed.start) or "—"
    end = _iso(parsed.end) or "—"
    label = dates.period_label(parsed.start, parsed.end, parsed.ongoing)
    lines.append(f"duration: start {start}, end {end}, ongoing {'yes' if parsed.ongoing else 'no'}  ({label or '—'})")
    derived = ProjectPage(
        start_year=parsed.start[0],
        start_month=parsed.start[1],
        start_day=parsed.start[2],
        end_year=parsed.end[0],
        end_month=parsed.end[1],
        end_day=parsed.end[2],
        ongoing=parsed.ongoing,
    ).derived_status()
    derived_label = Status(derived).label if derived else "unknown"
    if not parsed.status:
        lines.append(f"status: from the dates ({derived_label})")
    elif parsed.status == derived:
        lines.append(f"status: {Status(parsed.status).label} (stated by the sheet, as the dates say)")
    else:
        lines.append(
            f"status: {Status(parsed.status).label} (stated by the sheet; the dates alone say {derived_label}: "
            "review it, or empty the field to follow the dates)"
        )
    contact = ", ".join(value for value in (parsed.contact_email, parsed.contact_phone, parsed.website) if value)
    lines.append(f"contact: {contact or '—'}")
    lines.append(f"body ({len(parsed.body)} blocks):")
    for kind, value in parsed.body:
        if kind == "list":
            lines.append(f"  - list of {len(value)}: {_short('; '.join(value))}")
        else:
            lines.append(f"  - {kind}: {_short(value)}")
    if parsed.hints:
        lines.append(f"dropped form hints: {'; '.join(parsed.hints)}")
    return lines


def _short(text, length=90):
    text = text or "—"
    return text if len(text) <= length else text[: length - 1] + "…"


def _iso(triple):
    year, month, day = triple
    if not year:
        return ""
    return "-".join([f"{year:04d}"] + [f"{part:02d}" for part in (month, day) if part])


# --- writing the page -----------------------------------------------------------------


def existing_import(index, digest):
    return ProjectPage.objects.descendant_of(index).filter(source_hash=digest).first()


def directory_matches(names, portal_root):
    """{lower-case name: live directory entry of the portal with that title}, in one query."""
    if not names:
        return {}
    wanted = {name.lower() for name in names}
    entries = (
        DirectoryEntryPage.objects.live()
        .descendant_of(portal_root)
        .annotate(lower_title=Lower("title"))
        .filter(lower_title__in=wanted)
        .order_by("path")
    )
    found = {}
    for entry in entries:
        found.setdefault(entry.lower_title, entry)
    return found


def ensure_sectors(names, locale):
    """The sectors named by the sheet; new ones are added to the taxonomy for staff to review."""
    sectors = []
    for name in names:
        sector = Sector.objects.filter(locale=locale, name__iexact=name).first()
        if sector is None:
            slug = free_slug(slugify(name)[:100] or "settore", Sector.objects.filter(locale=locale))
            sector = Sector.objects.create(locale=locale, name=name[:1].upper() + name[1:], slug=slug)
        if sector not in sectors:
            sectors.append(sector)
    return sectors


def _body_stream(body):
    stream = []
    for kind, value in body:
        if kind == "heading":
            stream.append(("heading", {"text": value[:200], "level": "h2"}))
        elif kind == "list":
            items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in value)
            stream.append(("paragraph", f"<ul>{items}</ul>"))
        else:
            stream.append(("paragraph", f"<p>{html.escape(value, quote=False)}</p>"))
    return stream


def build_page(parsed, index, *, filename, digest, publish=False, user=None):
    """Create the project under ``index`` (a draft unless ``publish``), all or nothing."""
    matches = directory_matches([partner.name for partner in parsed.partners], portal_root(index))
    with transaction.atomic():
        page = ProjectPage(
            title=parsed.title[:255],
            slug=free_slug(slugify(parsed.title)[:80] or "progetto", index.get_children()),
            locale=index.locale,
            live=False,
            summary=parsed.summary,
            scope=parsed.scope,
            area=parsed.area,
            promoter=parsed.promoter,
            funding_programme=parsed.funding_programme[:255],
            objectives=[("objective", text) for text in parsed.objectives],
            activities=[("activity", text) for text in parsed.activities],
            beneficiaries=[
                (
                    "beneficiary",
                    {
                        "count": entry.count,
                        "count_max": entry.count_max,
                        "approximate": entry.approximate,
                        "description": entry.description,
                    },
                )
                for entry in parsed.beneficiaries
            ],
            beneficiaries_summary=parsed.beneficiaries_summary[:255],
            results=[("result", {"text": result.text, "status": result.status}) for result in parsed.results],
            start_year=parsed.start[0],
            start_month=parsed.start[1],
            start_day=parsed.start[2],
            end_year=parsed.end[0],
            end_month=parsed.end[1],
            end_day=parsed.end[2],
            ongoing=parsed.ongoing,
            status_override=parsed.status,
            contact_email=parsed.contact_email,
            contact_phone=parsed.contact_phone[:40],
            website=parsed.website,
            body=_body_stream(parsed.body),
            source_filename=Path(filename).name[:255],
            source_hash=digest,
            owner=user,
        )
        page.partners = [
            ProjectPartner(name=partner.name[:255], role=partner.role, organisation=matches.get(partner.name.lower()))
            for partner in parsed.partners
        ]
        page.municipalities = [ProjectMunicipality(name=name[:120]) for name in parsed.municipalities]
        page.sectors = ensure_sectors(parsed.sectors, index.locale)
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
            page.refresh_from_db()
    return page


def link_partners_to_directory(page):
    """Link the page's unlinked partners to live directory entries of its portal with the same name.

    Changes the page in memory (its partners) and returns how many were linked; the caller saves a revision.
    """
    if page.depth < 2:
        return 0
    root = portal_root(page)
    partners = list(page.partners.all())
    matches = directory_matches([partner.name for partner in partners if not partner.organisation_id], root)
    linked = 0
    for partner in partners:
        entry = None if partner.organisation_id else matches.get(partner.name.lower())
        if entry:
            partner.organisation = entry
            linked += 1
    if linked:
        page.partners = partners
    return linked
