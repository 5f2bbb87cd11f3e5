"""Every interface string of the public templates is translated in every language's catalogue."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
APPS = settings.PROJECT_APPS
CATALOGUE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
GETTEXT = re.compile(r"\b(n?p?gettext)\(u?'((?:\\.|[^'\\])*)'(?:,\s*u?'((?:\\.|[^'\\])*)')?")


def public_templates():
    folders = [ROOT / "templates", *(ROOT / app / "templates" for app in APPS)]
    for folder in folders:
        for path in sorted(folder.rglob("*.html")) + sorted(folder.rglob("*.txt")):
            relative = path.relative_to(folder).as_posix()
            # Templates of the Wagtail admin are for staff (Italian or English) and use Wagtail's catalogues.
            if "/admin/" in f"/{relative}" or relative.startswith("wagtailadmin/"):
                continue
            yield path


def template_msgids(path):
    found = set()
    for function, first, second in GETTEXT.findall(templatize(path.read_text(encoding="utf-8"), origin=str(path))):
        # pgettext(context, message): the message is the second argument.
        message = second if function in ("pgettext", "npgettext") else first
        found.add(ast.literal_eval(f"'{message}'"))
    return found


def catalogue(code):
    folder = code.replace("-hans", "_Hans").replace("-", "_")
    path = ROOT / "locale" / folder / "LC_MESSAGES" / "django.po"
    return path, polib.pofile(str(path)) if path.exists() else None


def test_public_templates_use_translatable_strings():
    msgids = set().union(*(template_msgids(path) for path in public_templates()))
    assert len(msgids) > 50  # the extraction works (a broken regex would find nothing)


@pytest.mark.parametrize("code", CATALOGUE_LANGUAGES)
def test_every_public_template_string_is_translated(code):
    path, po = catalogue(code)
    assert po is not None, f"{path} is missing"
    translated = {
        entry.msgid
        for entry in po
        if not entry.obsolete and "fuzzy" not in entry.flags and (entry.msgstr or any(entry.msgstr_plural.values()))
    }
    missing = {}
    for template in public_templates():
        for msgid in template_msgids(template) - translated:
            missing.setdefault(msgid, template.relative_to(ROOT).as_posix())
    assert not missing, f"{len(missing)} strings untranslated in {path.relative_to(ROOT)}: " + "; ".join(
        f"{msgid!r} ({where})" for msgid, where in sorted(missing.items())[:20]
    )
