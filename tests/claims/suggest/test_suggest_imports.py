"""The suggestion engine stays pure Python: no Django, no other factcheck package."""

from __future__ import annotations

import ast
from pathlib import Path

import factcheck.claims.suggest as package

PACKAGE_DIR = Path(package.__file__).resolve().parent


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module, level) for every import in a source file; level > 0 is a relative import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


def test_package_has_source_files():
    assert sorted(p.name for p in PACKAGE_DIR.glob("*.py"))


def test_engine_imports_nothing_from_django_or_other_factcheck_packages():
    offending = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        for module, level in _imports(path):
            if level == 0 and (module == "django" or module.startswith(("django.", "factcheck"))):
                offending.append(f"{path.name}: {module}")
            if level > 1:  # "from .. import x" climbs out of the package
                offending.append(f"{path.name}: {'.' * level}{module}")
    assert offending == []


def test_engine_imports_only_the_standard_library():
    allowed = {"__future__", "re", "dataclasses", "decimal", "typing", "collections", "functools", "itertools", "bisect"}
    third_party = [
        f"{path.name}: {module}"
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        for module, level in _imports(path)
        if level == 0 and module.split(".")[0] not in allowed
    ]
    assert third_party == []
