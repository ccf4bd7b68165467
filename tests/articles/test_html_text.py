"""HTML pasted as article text becomes the text a reader sees (articles/html_text.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.articles.html_text import html_to_text, looks_like_html, plain_text


@pytest.mark.parametrize(("html", "text"), [
    ("<p>The council said</p><p>It cost &euro;84&nbsp;million &amp; more.</p>",
     "The council said\n\nIt cost €84 million & more.\n"),
    ("<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Flood</h1>"
     "<ul><li>one</li><li>two</li></ul><script>alert(1)</script></body></html>", "Flood\n\none\n\ntwo\n"),
    ("Line one<br>line two <!-- a comment --> ends", "Line one\nline two ends\n"),
    ("<div>\n   Spread   over\n   lines\n</div>", "Spread over lines\n"),
    ("First paragraph, <b>bold</b>.\n\nSecond, <i>italic</i>.\n", "First paragraph, bold.\n\nSecond, italic.\n"),
    ("<table><tr><td>Year</td><td>2024</td></tr></table>", "Year\n\n2024\n"),
    ("<p dir=\"rtl\">قالت الوزارة إن 14 ناجيًا</p><p>עוד פסקה</p>", "قالت الوزارة إن 14 ناجيًا\n\nעוד פסקה\n"),
])
def test_html_becomes_paragraphs_of_visible_text(html, text):
    assert looks_like_html(html)
    assert html_to_text(html) == text


@pytest.mark.parametrize("text", [
    "Inflation stayed <3% this year.", "a<b and b>c", "x < y", "Use <<quotes>> sparingly", "No markup at all.",
    "The <council> said", "5<6",
])
def test_plain_text_with_a_stray_angle_bracket_is_not_html(text):
    assert not looks_like_html(text)
    assert plain_text(text) == (text, False)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_conversion_never_crashes_and_never_leaves_a_tag(text):
    converted, was_html = plain_text(text)
    assert isinstance(converted, str)
    if was_html:
        assert not looks_like_html(converted) or converted.count("<") < text.count("<")
    else:
        assert converted == text
