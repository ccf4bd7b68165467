// Pinning a passage of a source snapshot: turn the reader's text selection into
// character offsets of the snapshot text (the marked-up text has exactly the
// snapshot's characters, so counting the selection's preceding text is enough).
(function () {
  "use strict";

  // Django's JavaScript catalog (/jsi18n/) translates; English without it.
  var gettext = window.gettext || function (s) { return s; };

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function update() {
    var text = document.querySelector("[data-snapshot-text]");
    var form = document.querySelector("[data-pin-form]");
    if (!text || !form) return;
    var button = form.querySelector("button[type=submit]");
    var preview = form.querySelector("[data-pin-preview]");
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var start = offsetIn(text, range.startContainer, range.startOffset);
    var end = offsetIn(text, range.endContainer, range.endOffset);
    if (end <= start) return;
    form.querySelector("[data-pin-start]").value = String(start);
    form.querySelector("[data-pin-end]").value = String(end);
    var quote = range.toString();
    preview.textContent = gettext("Selected:") + " “" + (quote.length > 240 ? quote.slice(0, 240) + "…" : quote) + "”";
    button.disabled = false;
  }

  document.addEventListener("selectionchange", update);
  document.addEventListener("mouseup", update);
  document.addEventListener("keyup", update);
})();
