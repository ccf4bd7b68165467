"""`manage.py export_newsroom FILE`: the whole newsroom as one JSON document (see publishing/backup.py)."""

import os
import sys

from django.core.management.base import BaseCommand

from factcheck.publishing.backup import dumps, newsroom_export


class Command(BaseCommand):
    help = "Write every member, article, claim, review, event, source, snapshot, lookup and webhook to FILE as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the document ('-' for standard output).")
        parser.add_argument("--with-secrets", action="store_true",
                            help="Also export password hashes and webhook secrets (keep such a file as safe as the "
                            "database).")

    def handle(self, *args, file: str, with_secrets: bool, **options):
        document = newsroom_export(with_secrets=with_secrets)
        text = dumps(document)
        if file == "-":
            sys.stdout.write(text)
            return
        # Written next to the target and renamed, so a failed export never leaves half a backup in its place.
        tmp = f"{file}.part"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, file)
        rows = sum(len(t) for t in document["tables"].values())
        self.stderr.write(f"Exported {rows} rows from {len(document['tables'])} tables to {file}"
                          + ("" if with_secrets else " (without password hashes and webhook secrets)") + ".")
