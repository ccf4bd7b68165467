"""Article text pasted (or sent through the API) as HTML, turned into the plain text readers see.

Claims are character offsets into the stored text, so markup must not be stored: "<p>The council
said</p>" would put every offset off by the tags, and highlights on the wrong words. A text is HTML
when an HTML parser finds an element of HTML in it (a paragraph, a line break, a link ...); plain
text with a stray "<" ("a rise of <5%", "x<y", "a<b and b>c") has none and is kept exactly as written.

The conversion reads the document as a browser would (lxml's HTML parser, which trafilatura already
brings in): scripts, styles and the head are dropped, entities decoded, runs of white space are one
space as on screen, block elements (paragraphs, headings, list items, table rows ...) become
paragraphs separated by a blank line, and <br> a line break. Text with inline markup only keeps its
own line breaks and blank lines (it was written as text, with a few tags in it).
"""

from __future__ import annotations

from html.parser import HTMLParser

import lxml.etree
import lxml.html

# Elements that make a text HTML when found as tags. Inline ones count too ("<b>Breaking</b>: ...").
HTML_ELEMENTS = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "caption", "cite", "code",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "img", "ins", "kbd", "li", "link", "main",
    "mark", "meta", "nav", "noscript", "ol", "p", "pre", "q", "s", "script", "section", "small", "span",
    "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "tfoot", "th", "thead",
    "time", "title", "tr", "u", "ul",
})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
DROPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe",
                     "object", "embed", "svg", "math", "button", "select", "textarea"})
PARAGRAPH, LINE = "\x00P", "\x00L"  # break marks while walking; the text cannot hold NUL (it is stripped)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs) -> None:
        # "a<b and b>c" parses as <b and b>: words after a tag name without "=" are prose, not attributes.
        self.found = self.found or (tag in HTML_ELEMENTS and all(value is not None for _, value in attrs))

    def handle_endtag(self, tag) -> None:
        self.found = self.found or tag in HTML_ELEMENTS


def looks_like_html(text: str) -> bool:
    """Whether the text holds HTML elements (a stray "<" or "a<b" alone is not enough: see _Tags)."""
    if "<" not in (text or ""):
        return False
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.found


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROPPED or not tag:
        # Comments and processing instructions have a non-string tag; the text after them is still text.
        if el.tail:
            out.append(el.tail)
        return
    if tag in BLOCKS:
        out.append(PARAGRAPH)
    if tag == "br":
        out.append(LINE)
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if tag in BLOCKS:
        out.append(PARAGRAPH)
    if el.tail:
        out.append(el.tail)


def _tidy(raw: str) -> str:
    """Collapse white space as a browser shows it, then turn the break marks into newlines."""
    paragraphs = []
    for block in raw.split(PARAGRAPH):
        lines = [" ".join(line.split()) for line in block.split(LINE)]
        text = "\n".join(lines).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def html_to_text(text: str) -> str:
    """The visible text of an HTML document or fragment, in paragraphs; "" when nothing is visible."""
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return ""
    out: list[str] = []
    _walk(root, out)
    raw = "".join(out).replace("\xa0", " ")
    if PARAGRAPH not in raw and LINE not in raw:
        raw = _lines_as_written(raw)
    return _tidy(raw) + "\n" if raw.strip() else ""


def _lines_as_written(raw: str) -> str:
    """Text with inline markup only ("... a <b>record</b> year.\n\nNext ..."): its line breaks are
    the writer's, not the source formatting of a page, so blank lines stay paragraphs."""
    marked, blank = [], False
    for line in raw.split("\n"):
        if not line.strip():
            blank = True
            continue
        if marked:
            marked.append(PARAGRAPH if blank else LINE)
        marked.append(line)
        blank = False
    return "".join(marked)


def plain_text(text: str) -> tuple[str, bool]:
    """(text to store, whether it was converted from HTML)."""
    if looks_like_html(text):
        return html_to_text(text), True
    return text, False
