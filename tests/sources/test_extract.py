"""Reading uploaded and fetched documents: PDF, HTML, text, CSV."""

from __future__ import annotations

import io

import pytest

from factcheck.sources.extract import ExtractError, extract
from tests.sources.support import html_page


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer, written by hand (pypdf only reads it)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Title (Flood survey) /Author (Survey Office) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_text_and_metadata_are_read():
    doc = extract(tiny_pdf(["Flood survey, February", "2,190 homes flooded in the river district"]), "application/pdf")
    assert doc.kind == "pdf"
    assert "2,190 homes flooded in the river district" in doc.text
    assert doc.title == "Flood survey" and doc.author == "Survey Office"


def test_pdf_is_recognised_even_when_mislabelled():
    assert extract(tiny_pdf(["Only text"]), "application/octet-stream", filename="x.bin").kind == "pdf"


def test_broken_pdf_gives_a_readable_error():
    with pytest.raises(ExtractError, match="PDF"):
        extract(b"%PDF-1.4\n garbage that is not a pdf", "application/pdf")


def test_html_main_text_without_navigation():
    page = html_page("Survey results", ["The survey office counted 2,190 flooded homes across the district this week.",
                                        "Teams will return in spring to check the repairs on every street."],
                     site="County Council", author="Survey Office", date="2024-02-12")
    doc = extract(page, "text/html; charset=utf-8", url="https://council.example/survey")
    assert doc.kind == "html" and "2,190 flooded homes" in doc.text
    assert "Contact us" not in doc.text and "Home | News" not in doc.text
    assert (doc.title, doc.publisher, doc.author, doc.published) == (
        "Survey results", "County Council", "Survey Office", "2024-02-12")


def test_a_year_in_the_prose_is_not_taken_for_the_page_date():
    """"The 2019 Cedar Creek fire" once made a snapshot "dated 2019-01-01"; with no date in the markup, no date."""
    page = html_page("Cedar Creek, five years on", [
        "The 2019 Cedar Creek fire burned 12,000 acres of forest in the county, officials said this week.",
        "Crews worked for three weeks in 2019 to contain the blaze near the river and the highway.",
    ])
    doc = extract(page, "text/html; charset=utf-8", url="https://county.example/cedar-creek")
    assert "12,000 acres" in doc.text
    assert doc.published == ""


def test_csv_and_text_are_kept_as_they_are():
    csv = extract(b"district,homes\r\nriver,2190\r\n", "text/csv")
    assert csv.kind == "csv" and csv.text == "district,homes\nriver,2190"
    latin = extract("Caf\u00e9 owners counted 12 losses".encode("latin-1"), "text/plain; charset=latin-1")
    assert latin.text == "Café owners counted 12 losses"


def test_images_are_refused():
    with pytest.raises(ExtractError, match="PDF, HTML, text and CSV"):
        extract(b"\x89PNG\r\n\x1a\nxxxx", "image/png")


def test_a_page_with_no_readable_text_is_an_error_not_an_empty_snapshot():
    blank = b"<html><head><title>Gallery</title><script>render()</script></head><body><img src=a.jpg></body></html>"
    with pytest.raises(ExtractError) as err:
        extract(blank, "text/html")
    assert "no readable text in this page" in err.value.message.lower()
    with pytest.raises(ExtractError):
        extract(b"   \n\n ", "text/plain")


def test_an_unknown_charset_label_is_detected_instead_of_stored_as_mojibake():
    text = "Der Stadtrat zählte 2.190 überflutete Häuser; die Schäden übersteigen die Prognose für Gemeinden."
    body = f"<html><head><meta charset='x-unknown-8'></head><body><article><p>{text}</p><p>{text}</p>" \
           f"</article></body></html>".encode("latin-1")
    doc = extract(body, "text/html; charset=x-unknown-8")
    assert "zählte 2.190 überflutete Häuser" in doc.text
    plain = extract(text.encode("utf-8"), "text/plain; charset=no-such-charset")
    assert plain.text == text
    # Undeclared, not UTF-8: detected, not guessed as cp1252.
    cyrillic = ("Городской совет насчитал 2190 затопленных домов в речном районе после шторма. " * 3).encode("cp1251")
    assert "затопленных домов" in extract(cyrillic, "text/plain").text


def test_a_huge_page_is_read_in_bounded_time_without_the_main_text_heuristics():
    paragraph = b"<p>The council counted 2,190 flooded homes in the river district after the storm.</p>"
    body = b"<html><head><title>Big</title><script>" + b"x=1;" * 500_000 + b"</script></head><body>" \
        + paragraph * 70_000 + b"</body></html>"
    assert len(body) > 5_000_000
    doc = extract(body, "text/html")
    assert "2,190 flooded homes" in doc.text and "x=1" not in doc.text
    assert "too large" in doc.metadata["extractor"]
