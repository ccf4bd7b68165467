"""Steps the browser journeys share: logging in, selecting text with the mouse, screenshots."""

from __future__ import annotations

import os
from pathlib import Path

PASSWORD = "correct horse battery"  # tests/support/factories.py UserFactory
VIEWPORT = {"width": 1280, "height": 800}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# For each end of [start, end) of an element's text: the character's client rectangle and whether it is
# a strong right-to-left letter (Hebrew or Arabic script), found by walking the element's text nodes (the
# workspace renders the stored text verbatim, so DOM offsets equal stored offsets). Bidi reordering puts a
# right-to-left character's logical start on its right edge; digits and Latin letters keep theirs on the
# left, even in an rtl run. Shared by every mouse selection of the suite (tests/browser/bidi.py too).
_CHAR_ENDS = r"""([selector, start, end]) => {
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


def login(page, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def login_by_id(page, base_url: str, member, password: str = PASSWORD) -> None:
    """Log in by the fields' ids: the login page's labels are in the browser's language."""
    page.goto(f"{base_url}/accounts/login/")
    page.locator("#id_username").fill(member.username)
    page.locator("#id_password").fill(password)
    page.get_by_test_id("login").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def select_with_mouse(page, selector: str, passage: str) -> None:
    """Drag the mouse from just before the passage's first character to just after its last one.

    "Before" a right-to-left letter is its right edge, so the press and the release land on
    whichever side of each end character begins or ends it in the stored text (for left-to-right
    text: the first character's left edge to the last one's right edge).
    """
    text = page.locator(selector).text_content()
    assert text.count(passage) == 1, f"{passage!r} is not unique in {selector}"
    start = text.index(passage)
    page.locator(selector).scroll_into_view_if_needed()
    ends = page.evaluate(_CHAR_ENDS, [selector, start, start + len(passage)])
    assert ends["text"] == passage
    first, last = ends["first"], ends["last"]
    press_x = first["x"] + first["w"] - 1 if first["rtl"] else first["x"] + 1
    release_x = last["x"] + 1 if last["rtl"] else last["x"] + last["w"] - 1
    page.mouse.move(press_x, first["y"] + first["h"] / 2)
    page.mouse.down()
    page.mouse.move(release_x, last["y"] + last["h"] / 2, steps=8)
    page.mouse.up()


def shoot(page, name: str) -> None:
    """Save a screenshot for the README when SAVE_SCREENSHOTS=1 (so CI never dirties the tree)."""
    if os.environ.get("SAVE_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORT)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled", caret="hide")


def edit_article_text(page, article, old: str, new: str) -> None:
    """From the article's workspace: Edit text, change ``old`` to ``new`` in the box, save, back on the workspace."""
    import re

    page.get_by_test_id("edit-text").click()
    box = page.get_by_label(re.compile(r"^Text"))
    text = box.input_value()
    assert old in text, f"{old!r} is not in the article's text"
    box.fill(text.replace(old, new))
    page.get_by_test_id("save-text").click()
    page.wait_for_url(f"**/articles/{article.pk}/")
