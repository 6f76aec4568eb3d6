"""Compile the project's .po files to .mo with polib, so no GNU gettext is needed at install."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def po_files() -> list[Path]:
    found = []
    for base in settings.LOCALE_PATHS:
        found.extend(sorted(Path(base).glob("*/LC_MESSAGES/*.po")))
    return found


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo; --check fails when a translation is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="fail when a message is untranslated or fuzzy, instead of compiling",
        )

    def handle(self, *args, check, **options):
        problems = []
        for po_path in po_files():
            catalogue = polib.pofile(str(po_path))
            for entry in catalogue:
                if entry.obsolete:
                    continue
                if not entry.translated() or entry.fuzzy:
                    problems.append(f"{po_path}:{entry.linenum}: {entry.msgid!r}")
            if not check:
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"compiled {po_path.with_suffix('.mo')}")
        if check and problems:
            raise CommandError("untranslated or fuzzy messages:\n" + "\n".join(problems))
