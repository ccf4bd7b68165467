"""Tables in a source, read by row and column, for the figure check.

A table holds many figures of one kind, each named by its row's label and its column's header: in

    | District | Dead | Injured |
    |---|---|---|
    | Arlen | 12 | 40 |
    | Besk | 7 | 19 |

the 7 is Besk's dead, and it says nothing about Arlen's or about the injured. A claim that names a row
("Seven people died in Besk") is compared with that row's figures only, and one that names a column
(the dead) with that column's only; the cell's row label and header stand in for the sentence words a
figure in prose would share with the claim. Markdown tables (a header line, a ``|---|`` line, rows) and
comma-separated blocks (a header line without digits, then rows of as many cells) are read, anywhere in
the text.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.claims.suggest.numbers import find_quantities

__all__ = ["Cell", "cells_of", "claim_scope", "grid", "header_unit_readings", "out_of_scope", "table_numbers", "with_header_unit"]

_MAX_ROWS = 200
_MAX_CELL = 40  # characters: a cell longer than this is a clause of prose
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INTEGER = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*$")
# A column of years or dates: its 4-digit cells are dates, not counts.
_WHEN_HEADER = re.compile(r"\b(?:year|years|date|month|day|period|season|fy)\b", re.I)


@dataclass(frozen=True)
class Cell:
    start: int  # offsets of the cell's text in the source
    end: int
    row: str  # the row's label (its first cell)
    column: str  # the column's header
    table: int  # which table of the source
    index: int  # the column's position (0: the row labels)


def _lines(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for line in text.splitlines(keepends=True):
        out.append((at, line.rstrip("\r\n")))
        at += len(line)
    return out


def _markdown_cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a ``| a | b |`` line as (start, end, stripped text), offsets into the line."""
    bars = [m.start() for m in re.finditer(r"\|", line)]
    if not line.lstrip().startswith("|"):
        bars = [-1, *bars]
    if not line.rstrip().endswith("|"):
        bars.append(len(line))
    out = []
    for a, b in itertools.pairwise(bars):
        raw = line[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        cell = raw.strip()
        out.append((a + 1 + lead, a + 1 + lead + len(cell), cell))
    return out


def _csv_cells(line: str) -> list[tuple[int, int, str]]:
    cells = next(csv.reader(io.StringIO(line)), [])
    out, at = [], 0
    for cell in cells:
        quoted = line.startswith('"', at)
        width = len(cell) + (2 + cell.count('"') if quoted else 0)
        inner = (at + 1, at + 1 + len(cell)) if quoted else (at, at + width)
        lead = len(cell) - len(cell.lstrip())
        out.append((inner[0] + lead, inner[0] + lead + len(cell.strip()), cell.strip()))
        at += width + 1  # the comma
    return out


def _table(lines: list[tuple[int, str]], header: int, body: list[int], split, table: int) -> list[Cell]:
    names = [c for _s, _e, c in split(lines[header][1])]
    out: list[Cell] = []
    for n in body[:_MAX_ROWS]:
        at, line = lines[n]
        cells = split(line)
        if not cells:
            continue
        row = cells[0][2]
        for k, (s, e, _c) in enumerate(cells):
            out.append(Cell(at + s, at + e, row, names[k] if k < len(names) else "", table, k))
    return out


def grid(text: str) -> list[Cell]:
    """Every body cell of every table in ``text``, in order."""
    if "|" not in (text or "") and "," not in (text or ""):
        return []
    lines = _lines(text)
    cells: list[Cell] = []
    n, table = 0, 0
    while n < len(lines):
        line = lines[n][1]
        if n + 1 < len(lines) and "|" in line and _SEPARATOR.match(lines[n + 1][1]) and "-" in lines[n + 1][1]:
            body = []
            m = n + 2
            while m < len(lines) and "|" in lines[m][1] and lines[m][1].strip():
                body.append(m)
                m += 1
            if body:
                cells += _table(lines, n, body, _markdown_cells, table)
                table += 1
            n = m
            continue
        # A header line: no digits, short cells (prose with commas has long ones).
        width = len(_csv_cells(line)) if "," in line and len(line) <= 300 and not re.search(r"\d", line) else 0
        if width and any(len(c) > _MAX_CELL for _s, _e, c in _csv_cells(line)):
            width = 0
        if width >= 2:
            m = n + 1
            while m < len(lines) and lines[m][1].strip() and len(lines[m][1]) <= 300 \
                    and len(row := _csv_cells(lines[m][1])) == width and all(len(c) <= _MAX_CELL for _s, _e, c in row) \
                    and not lines[m][1].rstrip().endswith("."):
                m += 1
            if m - n >= 2:
                cells += _table(lines, n, list(range(n + 1, m)), _csv_cells, table)
                table += 1
                n = m
                continue
        n += 1
    return cells


def cells_of(cells: list[Cell], found: list[dict]) -> list[Cell | None]:
    """The table cell holding each figure of ``found``, or None for a figure of the prose."""
    out: list[Cell | None] = []
    k = 0
    for q in found:
        while k < len(cells) and cells[k].end <= q["start"]:
            k += 1
        c = cells[k] if k < len(cells) else None
        out.append(c if c is not None and c.start <= q["start"] and q["end"] <= c.end + 12 else None)
    return out


def table_numbers(text: str, cells: list[Cell], found: list[dict]) -> list[dict]:
    """Whole-number cells the number reader left out (it takes "1200" alone for a year): a count, in a
    column that is no year's or date's."""
    taken = {q["start"] for q in found}
    extra = []
    for c in cells:
        m = _INTEGER.match(text[c.start:c.end]) if c.index else None
        if not m or c.start in taken or _WHEN_HEADER.search(c.column) or any(
                q["start"] <= c.start < q["end"] for q in found):
            continue
        value = int(m.group(1).replace(",", ""))
        extra.append({"value": value, "qualifier": "exact", "unit": None, "text": m.group(1),
                      "start": c.start + m.start(1), "end": c.start + m.end(1), "kind": "count"})
    return sorted(found + extra, key=lambda q: q["start"])


Scope = dict[int, tuple[frozenset[str], frozenset[str]]]


def claim_scope(cells: list[Cell], named: Callable[[str], bool]) -> Scope:
    """Per table, the row labels and the column headers the claim names (``named`` says whether it does)."""
    rows: dict[int, set[str]] = {}
    columns: dict[int, set[str]] = {}
    seen: set[tuple[int, int, str]] = set()
    for c in cells:
        if c.index == 0 and (c.table, 0, c.row) not in seen:
            seen.add((c.table, 0, c.row))
            if c.row and named(c.row):
                rows.setdefault(c.table, set()).add(c.row)
        elif c.index and (c.table, 1, c.column) not in seen:
            seen.add((c.table, 1, c.column))
            if c.column and named(c.column):
                columns.setdefault(c.table, set()).add(c.column)
    return {t: (frozenset(rows.get(t, ())), frozenset(columns.get(t, ()))) for t in {c.table for c in cells}}


def out_of_scope(cell: Cell | None, scope: Scope) -> bool:
    """Is this cell no figure for the claim: a row label, another row than the one the claim names, or
    another column than the one it names ("Seven people died in Besk": not Arlen's dead, nor Besk's injured)?"""
    if cell is None:
        return False
    rows, columns = scope.get(cell.table, (frozenset(), frozenset()))
    return cell.index == 0 or bool(rows and cell.row not in rows) or bool(columns and cell.column not in columns)


_UNIT_IN_HEADER = re.compile(r"\(([^()]{1,12})\)\s*$|([^\W\d_]+|%)\s*$")


def header_unit_readings(cell: Cell, text: str) -> list[str]:
    """How a bare cell reads with the unit its column's header names ("Delay (minutes)": "35 minutes",
    "Cost (£m)": "£12m"), for the number reader to try; none when the header names no unit."""
    m = _UNIT_IN_HEADER.search(cell.column or "")
    if not m or not text:
        return []
    unit = (m.group(1) or m.group(2)).strip()
    readings = [f"{text} {unit}", f"{text}{unit}"]
    if unit[0] in "$£€₪":
        readings.append(f"{unit[0]}{text}{unit[1:]}")
    return readings


def with_header_unit(q: dict, cell: Cell) -> dict:
    """A bare table cell read with the measure its column's header names ("Delay (minutes)": 35 minutes). Only a
    measure (a duration, a sum, a share): a header's noun ("Trains cancelled") is matched as the cell's words."""
    if q["unit"] is not None:
        return q
    for reading in header_unit_readings(cell, q["text"]):
        read = find_quantities(reading)
        if len(read) == 1 and read[0].kind not in ("count", "age") and read[0].unit:
            return dict(q, value=read[0].value, unit=read[0].unit, kind=read[0].kind)
    return q
