"""Turning a fetched or uploaded body into text and metadata for a snapshot.

HTML goes through trafilatura (main text without menus and footers, plus title,
site name, author and date from the page's own markup; it never goes to the
network here), PDF through pypdf, plain text and CSV are kept as they are.
Pure functions: no Django, no I/O beyond the bytes handed in.
"""

from __future__ import annotations

import codecs
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
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


# The legacy encodings of the WHATWG Encoding Standard (what browsers decode): detection chooses
# among these only, so a German page is never read as a DOS code page (cp850) that scores alike.
WEB_ENCODINGS = [
    "utf_8", "cp1252", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u", "mac_roman",
    "mac_cyrillic", "cp874", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr", "utf_16_be", "utf_16_le",
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _known(label: str | None) -> str | None:
    """Python's name for a charset label, or None for a label nobody knows (``x-user-defined-2``)."""
    if not label:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_text(body: bytes, content_type: str = "", *, html: bool = False) -> str:
    """The body as text: the declared charset if it decodes, else UTF-8, else detected.

    Detection (charset-normalizer) replaces the old cp1252 guess, which stored pages in other
    encodings, or with a label Python does not know, as mojibake (issue 13).
    """
    declared = [_charset(content_type)]
    if html:
        meta = _META_CHARSET.search(body[:4096])
        declared.append(meta.group(1).decode("ascii", "ignore") if meta else None)
    for encoding in filter(None, [*map(_known, declared), "utf-8-sig"]):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000], cp_isolation=WEB_ENCODINGS).best()
    if best is not None:
        return body.decode(best.encoding, errors="replace")
    return body.decode("utf-8", errors="replace")


DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()[:MAX_TEXT_CHARS]


# Above this much markup trafilatura's time grows faster than the size (0.9 s for 1 MB, 16 s for
# 5 MB on the development machine) and a lookup thread holds the GIL all along, starving the
# other nineteen. Bigger pages lose their scripts and styles first (lxml, ~0.1 s for 5 MB);
# if what is left is still too big, their visible text is kept without the main-text heuristics.
HTML_PARSE_MAX_BYTES = 1_000_000
NO_TEXT = "No readable text in this page (it may be only images, or need JavaScript to show its text)."


def _visible_text(tree) -> str:
    """The text a reader sees: the body's, not the head's title and metadata."""
    body = tree.find(".//body")
    return (body if body is not None else tree).text_content()


def _plain_tree(markup: str):
    import lxml.etree
    import lxml.html

    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)  # lxml refuses a str with an encoding declaration
    try:
        tree = lxml.html.fromstring(markup) if markup.strip() else None
    except (ValueError, lxml.etree.ParserError):
        return None
    if tree is not None:
        for bad in tree.xpath("//script|//style|//noscript|//template|//svg"):
            bad.drop_tree()
    return tree


def _html(body: bytes, url: str, content_type: str = "") -> Extracted:
    import lxml.html
    import trafilatura

    markup = decode_text(body, content_type, html=True)
    metadata: dict = {}
    if len(markup) > HTML_PARSE_MAX_BYTES:
        tree = _plain_tree(markup)
        if tree is None:
            raise ExtractError(NO_TEXT)
        markup = lxml.html.tostring(tree, encoding="unicode")
        if len(markup) > HTML_PARSE_MAX_BYTES:
            text = _tidy(_visible_text(tree))
            if not text:
                raise ExtractError(NO_TEXT)
            return Extracted(kind="html", text=text, title=(tree.findtext(".//title") or "").strip()[:500],
                             metadata={"extractor": "visible text (page too large for main-text extraction)"})
        metadata["extractor"] = "main text, after removing scripts and styles"
    # fast=True skips the comparison with jusText, which costs two thirds of the time per page;
    # lookups run twenty to a process and share one GIL, so CPU per page is what limits them.
    doc = trafilatura.bare_extraction(markup, url=url or None, with_metadata=True, include_comments=False,
                                      favor_recall=True, fast=True, date_extraction_params=DATE_PARAMS)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    title = data.get("title") or ""
    if not text:
        # Pages with almost no prose (a data table, a short notice) defeat the main-text
        # heuristics; the visible text is still worth keeping.
        tree = _plain_tree(markup)
        if tree is None:
            raise ExtractError(NO_TEXT)
        text = _visible_text(tree)
        title = title or (tree.findtext(".//title") or "").strip()
    text = _tidy(text)
    if not text:
        raise ExtractError(NO_TEXT)
    metadata.update({k: data.get(k) for k in ("description", "hostname", "language") if data.get(k)})
    return Extracted(
        kind="html",
        text=text,
        title=title.strip()[:500],
        publisher=(data.get("sitename") or "").strip()[:300],
        author=(data.get("author") or "").strip()[:300],
        published=(data.get("date") or "").strip()[:64],
        metadata=metadata,
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
        return _html(body, url, content_type)
    if kind == "pdf":
        return _pdf(body)
    text = _tidy(decode_text(body, content_type))
    if not text:
        raise ExtractError(NO_TEXT)
    first_line = text.split("\n", 1)[0][:200] if kind == "text" else ""
    return Extracted(kind=kind, text=text, title=first_line if len(first_line) < 120 else "")
