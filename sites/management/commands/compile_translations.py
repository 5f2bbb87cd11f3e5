"""Compile the project's .po catalogues into .mo files without GNU gettext.

Django's ``compilemessages`` needs the ``msgfmt`` program, which a new user's
machine may not have; polib (installed with wagtail-localize) does the same job.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every locale/<lang>/LC_MESSAGES/*.po catalogue into a .mo file."

    def handle(self, *args, **options):
        catalogues = sorted(po for path in settings.LOCALE_PATHS for po in Path(path).glob("*/LC_MESSAGES/*.po"))
        compiled = 0
        for po_path in catalogues:
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"compile_translations: {po_path}: {error}") from None
            catalogue.save_as_mofile(str(mo_path))
            compiled += 1
            self.stdout.write(
                f"  {po_path.relative_to(settings.BASE_DIR)}: {catalogue.percent_translated()}% translated"
            )
        self.stdout.write(f"{compiled} catalogue(s) compiled, {len(catalogues) - compiled} already up to date.")
