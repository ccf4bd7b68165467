#!/usr/bin/env python
"""Django's command-line utility for factcheck."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:  # pragma: no cover - guidance for a missing venv
        raise ImportError("Django is not installed: run `make run` or `make test` to create .venv") from exc
    try:
        execute_from_command_line(sys.argv)
    except Exception as exc:
        from django.core.exceptions import ImproperlyConfigured

        if isinstance(exc, ImproperlyConfigured):
            # One clear line naming the variable, not a traceback.
            sys.stderr.write(f"factcheck: configuration error: {exc}\n")
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
