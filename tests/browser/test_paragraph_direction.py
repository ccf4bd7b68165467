"""An English paragraph inside a Hebrew article reads left to right (tryout item 14), in Chromium.

What a person saw: the whole Hebrew article was laid out right to left, so a quoted English
statement in its own paragraph began at the right-hand edge with its full stop moved to the
front. Each paragraph now takes its direction from its own first letter; offsets for selection
are unchanged (the claim made from a selection in that paragraph is exactly the passage).
"""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from factcheck.articles.services import article_create
from factcheck.claims.models import Claim
from tests.browser.bidi import select_with_mouse
from tests.browser.helpers import login

HEBREW = "לדברי עיריית נווה ים, שיפוץ הגשר הצפוני יימשך 14 חודשים ויעלה כ־3.2 מיליון שקלים."
ENGLISH = 'The ministry said in English: "Traffic on the bridge will resume at 6 a.m. on Sunday."'
TEXT = f"{HEBREW}\n\n{ENGLISH}\n\nדובר העירייה מסר כי כ־12 אלף מכוניות חוצות את הגשר מדי יום.\n"

# Where the first and the last character of a passage sit on screen.
_ENDS = """([selector, passage]) => {
  const root = document.querySelector(selector);
  const start = root.textContent.indexOf(passage), end = start + passage.length;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0, node, first = null, last = null;
  const box = (n, i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                          const b = r.getClientRects()[0]; return {left: b.left, right: b.right, top: b.top}; };
  while ((node = walker.nextNode())) {
    const len = node.data.length;
    if (!first && start < seen + len) first = box(node, start - seen);
    if (end - 1 < seen + len) { last = box(node, end - 1 - seen); break; }
    seen += len;
  }
  const frame = root.getBoundingClientRect();
  return {first, last, left: frame.left, right: frame.right};
}"""


def _check(page, selector: str) -> None:
    english = page.evaluate(_ENDS, [selector, ENGLISH])
    # Left to right: it begins near the left edge and its closing full stop comes after its first letter.
    assert english["first"]["left"] - english["left"] < 40, english
    assert english["last"]["left"] > english["first"]["left"] or english["last"]["top"] > english["first"]["top"]
    hebrew = page.evaluate(_ENDS, [selector, HEBREW])
    # The Hebrew paragraphs stay right to left: the first letter at the right-hand edge.
    assert english["right"] - hebrew["first"]["right"] < 40, hebrew


def test_an_english_paragraph_in_a_hebrew_article_reads_left_to_right(app, page, editor):
    article = article_create(actor=editor, title="הגשר הצפוני", text=TEXT)
    assert article.language == "he"
    login(page, app, editor.username)
    page.goto(f"{app}{reverse('article_detail', args=[article.pk])}")
    _check(page, "#article-text")

    # Selecting in that paragraph still makes exactly that claim.
    passage = "Traffic on the bridge will resume at 6 a.m. on Sunday"
    select_with_mouse(page, "#article-text", passage)
    expect(page.locator("#id_quote")).to_have_value(passage)
    page.get_by_test_id("create-claim").click()
    start = TEXT.index(passage)
    made = page.locator(f".claim-item[data-start='{start}'][data-end='{start + len(passage)}']")
    expect(made).to_have_attribute("data-status", "open")
    claim = Claim.objects.get(pk=int(made.get_attribute("data-claim-id")))
    assert claim.quote == passage

    page.goto(f"{app}{reverse('claim_detail', args=[claim.pk])}")
    # The claim page shows the claim's paragraph alone, left to right too.
    para = page.evaluate(_ENDS, ["#claim-paragraph", ENGLISH])
    assert para["first"]["left"] - para["left"] < 40, para
