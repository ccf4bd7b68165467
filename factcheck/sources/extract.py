"""Turning a fetched or uploaded body into text and metadata for a snapshot.

HTML goes through trafilatura (main text without menus and footers, plus title,
site name, author and date from the page's own markup; it never goes to the
network here), PDF through pypdf, plain text and CSV are kept as they are.
Pure functions: no Django, no I/O beyond the bytes handed in.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field

MAX_TEXT_CHARS = 1_000_000


class ExtractError(Exception):
    """The body cannot be read as a document; ``message`` is meant for the reviewer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Extracted:
    kind: str  # html, pdf, text, csv
    text: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    published: str = ""
    metadata: dict = field(default_factory=dict)


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


_EXTENSIONS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "text", ".text": "text", ".csv": "csv",
               ".md": "text"}
_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf", "text/plain": "text",
    "text/csv": "csv", "application/csv": "csv", "text/markdown": "text",
}


def sniff(body: bytes, content_type: str = "", filename: str = "") -> str | None:
    """The document kind, from the bytes first (a mislabelled upload is common), then the labels."""
    head = body[:1024].lstrip().lower()
    if body.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512] or b"<body" in head:
        return "html"
    mime = content_type.split(";")[0].strip().lower()
    if mime in _TYPES:
        return _TYPES[mime]
    lower = filename.lower()
    for ext, kind in _EXTENSIONS.items():
        if lower.endswith(ext):
            return kind
    if mime.startswith("text/"):
        return "text"
    return None


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=([\w.-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def decode_text(body: bytes, content_type: str = "") -> str:
    for encoding in filter(None, (_charset(content_type), "utf-8-sig")):
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()[:MAX_TEXT_CHARS]


def _html(body: bytes, url: str) -> Extracted:
    import trafilatura

    # fast=True skips the comparison with jusText, which costs two thirds of the time per page;
    # lookups run twenty to a process and share one GIL, so CPU per page is what limits them.
    # Dates only from the page's markup (meta tags, <time>, structured data): htmldate's
    # extensive search guesses from any year in the prose ("the 2019 Cedar Creek fire"
    # became "dated 2019-01-01"), and no date is better than a wrong one.
    doc = trafilatura.bare_extraction(body, url=url or None, with_metadata=True, include_comments=False,
                                      favor_recall=True, fast=True, date_extraction_params=DATE_PARAMS)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    title = data.get("title") or ""
    if not text:
        # Pages with almost no prose (a data table, a short notice) defeat the main-text
        # heuristics; the visible text is still worth keeping.
        import lxml.html

        try:
            tree = lxml.html.fromstring(body)
        except (ValueError, lxml.etree.ParserError):
            raise ExtractError("The page has no readable text.") from None
        for bad in tree.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        text = tree.text_content()
        title = title or (tree.findtext(".//title") or "").strip()
    return Extracted(
        kind="html",
        text=_tidy(text),
        title=title.strip()[:500],
        publisher=(data.get("sitename") or "").strip()[:300],
        author=(data.get("author") or "").strip()[:300],
        published=(data.get("date") or "").strip()[:64],
        metadata={k: data.get(k) for k in ("description", "hostname", "language") if data.get(k)},
    )


def _pdf(body: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ExtractError(f"The PDF could not be read ({exc.__class__.__name__}).") from None
    text = _tidy("\n\n".join(pages))
    if not text:
        raise ExtractError("The PDF has no text layer (a scan?); attach a text version or pin a note instead.")
    return Extracted(
        kind="pdf",
        text=text,
        title=str(info.get("/Title") or "").strip()[:500],
        author=str(info.get("/Author") or "").strip()[:300],
        published=str(info.get("/CreationDate") or "").strip()[:64],
        metadata={"pages": len(pages)},
    )


def extract(body: bytes, content_type: str = "", *, url: str = "", filename: str = "") -> Extracted:
    """Text and metadata of a document; raises ExtractError for what cannot be read."""
    kind = sniff(body, content_type, filename)
    if kind is None:
        shown = content_type.split(";")[0] or "unknown"
        raise ExtractError(f"Cannot read this kind of document ({shown}); PDF, HTML, text and CSV are supported.")
    if kind == "html":
        return _html(body, url)
    if kind == "pdf":
        return _pdf(body)
    text = _tidy(decode_text(body, content_type))
    first_line = text.split("\n", 1)[0][:200] if kind == "text" else ""
    return Extracted(kind=kind, text=text, title=first_line if len(first_line) < 120 else "")
