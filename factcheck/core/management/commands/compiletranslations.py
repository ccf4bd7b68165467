"""Compile locale/*/LC_MESSAGES/*.po into the .mo files Django reads (they are never committed).

GNU gettext's msgfmt (Debian's `gettext` package: CI and the Dockerfile install it) is what Django's
own compilemessages runs, and it checks the catalogs strictly. A machine without it still gets a
working interface: Babel (already in the locks, pinned in requirements.txt) reads the .po and
writes the .mo in pure Python. Only catalogs older than their .po are compiled, so `make test`
and `make run` pay for it once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


def stale_catalogs() -> list[Path]:
    found = []
    for root in settings.LOCALE_PATHS:
        for po in Path(root).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                found.append(po)
    return sorted(found)


def compile_with_babel(po: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=po.parent.parent.name)
    with po.with_suffix(".mo").open("wb") as f:
        # Fuzzy entries are left out, as msgfmt does: a guessed translation is not shown.
        write_mo(f, catalog, use_fuzzy=False)


class Command(BaseCommand):
    help = "Compile the .po catalogs under LOCALE_PATHS (msgfmt when installed, else Babel)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--python", action="store_true", help="Use Babel even if msgfmt is installed.")

    def handle(self, *args, **options) -> None:
        stale = stale_catalogs()
        if not stale:
            return
        if shutil.which("msgfmt") and not options["python"]:
            call_command("compilemessages", verbosity=0, ignore_patterns=[".venv", "node_modules"])
            how = "msgfmt"
        else:
            for po in stale:
                compile_with_babel(po)
            how = "Babel"
        if options["verbosity"]:
            self.stdout.write(f"compiled {len(stale)} catalog(s) with {how}")
