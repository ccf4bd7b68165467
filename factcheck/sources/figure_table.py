"""The column header of each figure in a CSV source, for the figure check.

A table's row says "Port Ellery desalination plant,construction,290,2026": what 290 counts ("local
jobs") is written once, in the header line above. Read alone, the row shares no word naming the
claim's measure, so a figure in it was never about the claim's subject; read with its column's
header it is, as a sentence's own noun would make it.
"""

from __future__ import annotations

import csv
import io

__all__ = ["column_headers"]

_MAX_COLUMNS = 200


def _split(line: str) -> list[tuple[int, int, str]]:
    """The cells of one CSV line as (start, end, text), offsets into the line; quotes respected."""
    cells = next(csv.reader(io.StringIO(line)), [])
    out, at = [], 0
    for cell in cells[:_MAX_COLUMNS]:
        quoted = line.startswith('"', at)
        width = len(cell) + (2 + cell.count('"') if quoted else 0)
        out.append((at, at + width, cell))
        at += width + 1  # the comma
    return out


def column_headers(text: str, found: list[dict]) -> list[str]:
    """For each figure of ``found`` (offsets into ``text``), its column's header cell in a CSV
    text, or "" (not a table, the header line itself, or a column without a header)."""
    lines = text.splitlines(keepends=True)
    if len(lines) < 2 or "," not in lines[0]:
        return [""] * len(found)
    header = [cell.strip() for _s, _e, cell in _split(lines[0].rstrip("\r\n"))]
    width = len(header) - 1
    body = [line for line in lines[1:51] if line.strip()]
    # A table, not prose with commas: most lines have the header's number of cells.
    if not body or sum(1 for line in body if len(_split(line.rstrip("\r\n"))) - 1 == width) < 0.8 * len(body):
        return [""] * len(found)
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line)
    out: list[str] = []
    row = 0
    cells: list[tuple[int, int, str]] = []
    for q in found:
        while row + 1 < len(starts) and starts[row + 1] <= q["start"]:
            row += 1
            cells = []
        if row == 0:
            out.append("")
            continue
        if not cells:
            cells = _split(lines[row].rstrip("\r\n"))
        offset = q["start"] - starts[row]
        column = next((n for n, (s, e, _c) in enumerate(cells) if s <= offset < e), None)
        out.append(header[column] if column is not None and column < len(header) else "")
    return out
