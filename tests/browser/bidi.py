"""Right-to-left and mixed-direction steps: a mouse selection that starts and ends on the right characters
whatever their direction, and checks that a text really renders in the direction it claims."""

from __future__ import annotations

# For each end of [start, end) of an element's text: the character's box and whether it is a strong
# right-to-left letter (Hebrew or Arabic script). Bidi reordering puts a right-to-left character's
# logical start on its right edge; digits and Latin letters keep theirs on the left, even in an rtl run.
_ENDS = r"""([selector, start, end]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const rtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  let seen = 0, node, first = null, last = null;
  const at = (n, i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                         const b = r.getClientRects()[0];
                         return {x: b.x, y: b.y, w: b.width, h: b.height, rtl: rtl.test(n.data[i])}; };
  while ((node = walker.nextNode())) {
    const len = node.data.length;
    if (!first && start < seen + len) first = at(node, start - seen);
    if (end - 1 < seen + len) { last = at(node, end - 1 - seen); break; }
    seen += len;
  }
  return {first, last, text: root.textContent.slice(start, end)};
}"""


def select_with_mouse(page, selector: str, passage: str) -> None:
    """Drag the mouse from just before the passage's first character to just after its last one.

    "Before" a right-to-left letter is its right edge, so the press and the release land on
    whichever side of each end character begins or ends it in the stored text.
    """
    text = page.locator(selector).text_content()
    assert text.count(passage) == 1, f"{passage!r} is not unique in {selector}"
    start = text.index(passage)
    page.locator(selector).scroll_into_view_if_needed()
    ends = page.evaluate(_ENDS, [selector, start, start + len(passage)])
    assert ends["text"] == passage
    first, last = ends["first"], ends["last"]
    press_x = first["x"] + first["w"] - 1 if first["rtl"] else first["x"] + 1
    release_x = last["x"] + 1 if last["rtl"] else last["x"] + last["w"] - 1
    page.mouse.move(press_x, first["y"] + first["h"] / 2)
    page.mouse.down()
    page.mouse.move(release_x, last["y"] + last["h"] / 2, steps=8)
    page.mouse.up()


def direction_of(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).direction")


def starts_on_the_right(page, selector: str) -> bool:
    """The first letter of the element's text sits at its right-hand edge: it is laid out right to left."""
    return page.locator(selector).first.evaluate(r"""el => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let node; while ((node = walker.nextNode()) && !node.data.trim()) {}
      const i = node.data.search(/\S/);
      const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
      const ch = r.getClientRects()[0], box = el.getBoundingClientRect();
      const pad = parseFloat(getComputedStyle(el).paddingRight) + parseFloat(getComputedStyle(el).borderRightWidth);
      return Math.abs(box.right - pad - ch.right) < 4;
    }""")


def page_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
