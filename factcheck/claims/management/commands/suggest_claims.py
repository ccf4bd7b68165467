"""`manage.py suggest_claims FILE [--json]`: print the suggestion engine's claims for a text file (or - for stdin)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from factcheck.claims.suggest import suggest


class Command(BaseCommand):
    help = "Suggest checkable claims in an article text. FILE may be '-' for standard input."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="Print a JSON array and nothing else.")

    def handle(self, *args, file: str, json: bool, **options):
        text = self._read(file)
        suggestions = [s.to_dict() for s in suggest(text)]
        if json:
            self.stdout.write(_dumps(suggestions))
            return
        if not suggestions:
            self.stdout.write("No checkable claims found.")
            return
        self.stdout.write(f"{'#':>3}  {'span':>13}  {'score':>5}  {'types':<28}  text")
        for i, s in enumerate(suggestions, 1):
            figures = "; ".join(
                f"{q['qualifier']} {q['value']:g} {q['unit'] or ''}".strip() for q in s["quantities"] if q["value"] is not None
            )
            text_ = " ".join(s["text"].split())
            line = f"{i:>3}  {s['start']:>6}-{s['end']:<6}  {s['score']:>5.2f}  {','.join(s['types']):<28}  {text_}"
            self.stdout.write(line)
            extra = "; ".join(x for x in (figures, f"according to {s['attributed_to']}" if s["attributed_to"] else "") if x)
            if extra:
                self.stdout.write(f"{'':>3}  {'':>13}  {'':>5}  {'':<28}  ↳ {extra}")

    def _read(self, file: str) -> str:
        try:
            if file == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as fh:
                    data = fh.read()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        return data.decode("utf-8", errors="replace")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
