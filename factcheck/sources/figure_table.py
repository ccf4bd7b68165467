"""The column header of each figure in a CSV source, for the figure check.

A table's row says "Port Ellery desalination plant,construction,290,2026": what 290 counts ("local
jobs") is written once, in the header line above. Read alone, the row shares no word naming the
claim's measure, so a figure in it was never about the claim's subject; read with its column's
header it is, as a sentence's own noun would make it.
"""

from __future__ import annotations

import csv
import io
import re

__all__ = ["column_headers"]

# A table written as text: "Table 4.2 - Adult literacy rate, 2026 survey. Total: 91.4%. Men: 94.0%." or a
# results statement's "Pre-tax profit: £61.2m". Each "label: value" sentence is read under the caption
# (the text's first sentence), which says what its labels are of.
_LABEL_VALUE = re.compile(r"(?:^|(?<=[.;!?\n])\s*)([A-Z][\w'’ ()/-]{0,40}?):\s*$")
_CAPTION = re.compile(r".{10,240}?[.!?](?=\s)|.{10,240}?$", re.S)

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
        return _captions(text, found)
    header = [cell.strip() for _s, _e, cell in _split(lines[0].rstrip("\r\n"))]
    width = len(header) - 1
    body = [line for line in lines[1:51] if line.strip()]
    # A table, not prose with commas: most lines have the header's number of cells.
    if not body or sum(1 for line in body if len(_split(line.rstrip("\r\n"))) - 1 == width) < 0.8 * len(body):
        return _captions(text, found)
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


def _captions(text: str, found: list[dict]) -> list[str]:
    """For each figure written as a "label: value" sentence, its label and the text's caption; "" for others."""
    caption = _CAPTION.match(text)
    out = []
    for q in found:
        label = _LABEL_VALUE.search(text, max(0, q["start"] - 48), q["start"])
        out.append(f"{label.group(1)} {caption.group()}" if label and caption and caption.end() <= q["start"] else "")
    return out
