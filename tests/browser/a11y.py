"""Run axe-core (vendored in assets/) on the current page and report serious or critical violations."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

AXE = Path(__file__).parent / "assets" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, *, context: str | None = None) -> list[dict]:
    """All axe violations on the page, WCAG 2.x A/AA plus best practices.

    The script goes in through page.evaluate (the DevTools protocol), which the
    page's CSP does not govern, so the app's strict policy stays on while axe runs.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
    result = page.evaluate(
        "([ctx, opts]) => axe.run(ctx ? document.querySelector(ctx) : document, opts)",
        [context, options],
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def assert_accessible(page, what: str) -> None:
    blocking = [v for v in axe_violations(page) if v.get("impact") in BLOCKING]
    assert not blocking, f"axe found serious/critical problems on the {what}:\n{describe(blocking)}"
