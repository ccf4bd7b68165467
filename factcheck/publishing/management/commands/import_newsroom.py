"""`manage.py import_newsroom FILE`: load an export_newsroom document into an empty, migrated database."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from factcheck.publishing.backup import ImportRefused, newsroom_import


class Command(BaseCommand):
    help = "Load a newsroom document (from export_newsroom) into an empty database, keeping every id."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The document ('-' for standard input).")

    def handle(self, *args, file: str, **options):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()  # noqa: SIM115
            document = json.loads(text)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise CommandError(f"{file} is not JSON: {exc}") from None
        try:
            counts = newsroom_import(document)
        except ImportRefused as exc:
            raise CommandError(str(exc)) from None
        self.stderr.write(f"Imported {sum(counts.values())} rows into {len(counts)} tables.")
        # Search vectors and progress rows are derived data; SQLite keeps no vectors, so a document
        # written there arrives without them.
        self.stderr.write("Derived data (search, progress) came as written; `manage.py refresh_derived` rebuilds it.")
        if not document.get("with_secrets"):
            self.stderr.write("Members have no usable password yet (set one with addmember); webhooks have new secrets.")
