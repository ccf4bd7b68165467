"""Right-to-left and mixed-direction steps: a mouse selection that starts and ends on the right characters
whatever their direction, and checks that a text really renders in the direction it claims."""

from __future__ import annotations

# The mouse selection lives in helpers (one walker for left-to-right and right-to-left text alike);
# imported here for the tests that take it from this module.
from tests.browser.helpers import select_with_mouse

__all__ = ["direction_of", "page_overflow", "select_with_mouse", "starts_on_the_right"]


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
