/* The interface's words in the page's language: Django's JavaScript catalog (/jsi18n/, loaded before
   this file) defines gettext, ngettext and interpolate; without it the English stays. Shared by every
   block below, so defined once here. */
var gettext = window.gettext || function (s) { return s; };
var ngettext = window.ngettext || function (s, p, n) { return n === 1 ? s : p; };
function fcFormat(fmt, values) {
  return window.interpolate ? window.interpolate(fmt, values, true)
    : fmt.replace(/%\((\w+)\)s/g, function (m, k) { return values[k]; });
}

/* factcheck browser helpers (no inline scripts: CSP). Event delegation on document,
   so everything keeps working after htmx swaps parts of the page. */
(function () {
  "use strict";

  // Offsets are counted in Unicode code points, like Python's str indices;
  // JavaScript strings count UTF-16 units, so astral characters need care.
  function cpLength(s) { return Array.from(s).length; }

  function segmentOf(node, container) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!el) return null;
    var seg = el.closest("[data-start]");
    return seg && container.contains(seg) && seg !== container ? seg : null;
  }

  // Map one DOM boundary point (node, offset) to an offset in the stored text. Only logical
  // positions (a text node and an index into it) are read, never screen coordinates, so this holds
  // in right-to-left and mixed-direction text too, where bidi reordering puts the start of a passage
  // on the right or in the middle of a line.
  function boundaryOffset(container, node, offset, atEnd) {
    var total = parseInt(container.dataset.length, 10);
    if (!container.contains(node)) {
      // The selection runs past the article text: clamp to its start or end.
      var pos = container.compareDocumentPosition(node);
      return (pos & Node.DOCUMENT_POSITION_PRECEDING) ? 0 : total;
    }
    if (node === container) {
      var child = container.childNodes[offset];
      return child ? parseInt(child.dataset.start, 10) : total;
    }
    var seg = segmentOf(node, container);
    if (!seg) return atEnd ? total : 0;
    var start = parseInt(seg.dataset.start, 10);
    if (node.nodeType === Node.TEXT_NODE) {
      return start + cpLength(node.data.slice(0, offset));
    }
    return offset === 0 ? start : start + cpLength(seg.textContent);
  }

  function currentSelection(container) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!range.intersectsNode(container)) return null;
    var start = boundaryOffset(container, range.startContainer, range.startOffset, false);
    var end = boundaryOffset(container, range.endContainer, range.endOffset, true);
    var chars = Array.from(container.textContent);
    // Leave out white space at either end, as the server refuses blank edges anyway.
    while (start < end && /\s/.test(chars[start])) start++;
    while (end > start && /\s/.test(chars[end - 1])) end--;
    if (end <= start) return null;
    // A selection that begins or ends inside a word takes the whole word ("xpected to carry 18,00"
    // becomes "expected to carry 18,000"): a claim is made of words.
    var from = start, to = end;
    var inWord = function (i) {
      var c = chars[i];
      if (c === undefined) return false;
      if (WORD.test(c)) return true;
      return /[,.]/.test(c) && DIGIT.test(chars[i - 1] || "") && DIGIT.test(chars[i + 1] || "");
    };
    while (from > 0 && inWord(from - 1) && inWord(from)) from--;
    // A selection ending on a noun before its possessive ("in the region" of "the region's history")
    // stops there: the clitic belongs to the next words, not to the claim.
    var possessive = function (i) {
      return /['’]/.test(chars[i] || "") && /[sS]/.test(chars[i + 1] || "") && !WORD.test(chars[i + 2] || "");
    };
    while (to < chars.length && !possessive(to) && inWord(to) && inWord(to - 1)) to++;
    var quote = chars.slice(from, to).join("");
    return { start: from, end: to, quote: quote, snapped: from !== start || to !== end,
             crossesParagraph: /\n/.test(quote) };
  }
  // Letters, marks and digits of any script, and what joins them inside a word or a figure
  // (an apostrophe, a digit group's comma or point when a digit follows: "2,400", "11.2").
  var WORD = /[\p{L}\p{M}\p{N}'’]/u;
  var DIGIT = /\p{N}/u;

  var lastSelection = null;

  function showSelection(sel) {
    var form = document.getElementById("create-claim-form");
    var info = document.getElementById("selection-info");
    if (form) {
      form.querySelector("[name=start]").value = sel ? sel.start : "";
      form.querySelector("[name=end]").value = sel ? sel.end : "";
      if (sel) form.querySelector("[name=quote]").value = sel.quote;
    }
    if (info) {
      var said = sel ? fcFormat(ngettext("Selected characters %(start)s–%(end)s (%(n)s character).",
                                    "Selected characters %(start)s–%(end)s (%(n)s characters).", sel.end - sel.start),
                                  {start: sel.start, end: sel.end, n: sel.end - sel.start}) : "";
      if (sel && sel.snapped) said += " " + gettext("Widened to whole words.");
      info.textContent = said;
      var warn = document.getElementById("selection-warning");
      if (warn) {
        // Said as soon as it happens, not at the server's refusal; the passage stays in the box to shorten.
        warn.hidden = !(sel && sel.crossesParagraph);
        warn.textContent = warn.hidden ? "" : gettext("This passage runs across a paragraph break. A claim stays within one paragraph: select it again within one, or shorten the passage below.");
      }
    }
    document.querySelectorAll(".place-form").forEach(function (f) {
      f.querySelector(".sel-start").value = sel ? sel.start : "";
      f.querySelector(".sel-end").value = sel ? sel.end : "";
    });
  }

  document.addEventListener("selectionchange", function () {
    var container = document.getElementById("article-text");
    if (!container) return;
    var sel = currentSelection(container);
    if (sel) {
      lastSelection = sel;
      showSelection(sel);
    }
  });

  // Typing a passage by hand drops the offsets of an earlier mouse selection
  // unless the text still matches it (the server checks again).
  document.addEventListener("input", function (ev) {
    if (ev.target && ev.target.id === "id_quote" && lastSelection && ev.target.value !== lastSelection.quote) {
      var form = document.getElementById("create-claim-form");
      form.querySelector("[name=start]").value = "";
      form.querySelector("[name=end]").value = "";
      lastSelection = null;
      document.getElementById("selection-info").textContent = "";
    }
  });

  // Clicking a highlight shows its claim in the side panel.
  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest && ev.target.closest("#article-text mark[data-claims]");
    if (!mark) return;
    var sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    var id = mark.dataset.claims.split(" ").pop();
    var item = document.getElementById("claim-" + id);
    if (item) {
      document.querySelectorAll(".claim-item.is-current").forEach(function (el) { el.classList.remove("is-current"); });
      item.classList.add("is-current");
      item.scrollIntoView({ block: "nearest" });
      var link = item.querySelector("a.claim-text");
      if (link) link.focus({ preventScroll: true });
    }
  });

  // Hovering or focusing a claim in the panel outlines its passage.
  function outline(item, on) {
    var id = item.dataset.claimId;
    document.querySelectorAll("#article-text mark[data-claims]").forEach(function (m) {
      if (m.dataset.claims.split(" ").indexOf(id) !== -1) m.classList.toggle("hl-focus", on);
    });
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      var item = ev.target.closest && ev.target.closest(".claim-item[data-claim-id]");
      if (item) outline(item, true);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      var item = ev.target.closest && ev.target.closest(".claim-item[data-claim-id]");
      if (item) outline(item, false);
    });
  });

  // A form that asks for confirmation carries data-confirm (no inline onclick under CSP).
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) ev.preventDefault();
  }, true);

  // A form marked data-send-once goes to the server once per showing of the page: a double click on
  // Save would otherwise send it twice (the server then refuses the second, but the browser would
  // show that refusal instead of the saved article). Shown again from the back-forward cache, it may be sent again.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (ev.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-send-once")) return;
    if (form.dataset.sent === "yes") { ev.preventDefault(); return; }
    form.dataset.sent = "yes";
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-send-once]").forEach(function (form) { delete form.dataset.sent; });
  });

  // The progress poll (web/_progress.html) carries every claim's state; copy changed badges onto
  // the side panel and recolour the highlights, leaving the rest of the workspace (forms,
  // selection, focus) as it is.
  function readStates(el) {
    // "id status verdict start end" per claim, joined by ";" (factcheck/web/claim_rows.py); "-" is no verdict.
    return (el.dataset.states || "").split(";").filter(Boolean).map(function (row) {
      var f = row.split(" ");
      return { id: f[0], status: f[1], verdict: f[2] === "-" ? "" : f[2], start: parseInt(f[3], 10), end: parseInt(f[4], 10) };
    });
  }
  function applyClaimStates() {
    var el = document.getElementById("claim-states");
    if (!el) return;
    var states = readStates(el);
    recolourHighlights(states);
    var badges = document.getElementById("claim-badges");
    states.forEach(function (state) {
      var item = document.getElementById("claim-" + state.id);
      // As the claim_badge filter does: a resolved claim's verdict names its badge.
      var key = state.status === "resolved" && state.verdict ? state.verdict : state.status;
      var fresh = badges && badges.querySelector(".badge-" + key);
      if (!item || !fresh) return;
      var badge = item.querySelector(".claim-meta [data-testid=claim-status]");
      if (item.dataset.status === state.status && badge && badge.className === fresh.className &&
          badge.textContent === fresh.textContent) return;
      item.dataset.status = state.status;
      Array.prototype.slice.call(item.classList).forEach(function (name) {
        if (/^(st|v)-/.test(name)) item.classList.remove(name);
      });
      item.classList.add("st-" + state.status);
      if (state.verdict) item.classList.add("v-" + state.verdict);
      if (badge) {
        var copy = fresh.cloneNode(true);
        copy.setAttribute("data-testid", "claim-status");
        badge.replaceWith(copy);
      }
    });
  }
  document.addEventListener("htmx:load", applyClaimStates);

  // As factcheck/web/highlight.py does: the innermost claim (latest start, then shortest) colours a passage.
  function recolourHighlights(states) {
    var byId = {};
    states.forEach(function (s) { byId[s.id] = s; });
    document.querySelectorAll("#article-text mark[data-claims]").forEach(function (mark) {
      var top = null;
      mark.dataset.claims.split(" ").forEach(function (id) {
        var c = byId[id];
        if (c && (!top || c.start > top.start || (c.start === top.start && c.end - c.start < top.end - top.start))) top = c;
      });
      // A claim rejected since the page loaded loses its highlight on the next full render.
      if (!top || top.status === "rejected") return;
      Array.prototype.slice.call(mark.classList).forEach(function (name) {
        if (/^hl-/.test(name) && name !== "hl-overlap" && name !== "hl-focus") mark.classList.remove(name);
      });
      mark.classList.add("hl-" + top.status);
      if (top.verdict) mark.classList.add("hl-" + top.verdict);
    });
  }

  // A claim's edit and split forms are fetched when its "Edit" is first opened (the workspace does not
  // carry them for every claim); until then the slot links to the claim page, which has the same forms.
  // "toggle" does not bubble, hence the capture.
  document.addEventListener("toggle", function (ev) {
    var details = ev.target;
    if (!details.open || !details.dataset || !details.dataset.editForms || !window.htmx) return;
    var slot = details.querySelector(".edit-slot");
    if (!slot) return;
    htmx.ajax("GET", details.dataset.editForms, { source: details, target: slot, swap: "outerHTML", select: ".edit-forms" });
  }, true);

  // After htmx swaps the workspace the pressed button is gone; put focus where the news is.
  // (Only then: a poll swapping a small fragment must not move focus or scroll the page.)
  document.addEventListener("htmx:afterSettle", function (ev) {
    var target = ev.detail && ev.detail.target;
    if (target && target.id !== "workspace") return;
    if (document.activeElement && document.activeElement !== document.body) return;
    var status = document.getElementById("workspace-status");
    if (status && status.textContent.trim()) status.focus();
  });

  // A refused attach re-renders the sources panel with each field's error beside it; the button pressed
  // is gone, so focus goes to the first field in error (its error is its description, read out with it).
  document.addEventListener("htmx:afterSettle", function (ev) {
    var config = ev.detail && ev.detail.requestConfig;
    if (!config || config.verb === "get") return;
    var panel = document.getElementById("claim-sources");
    if (!panel) return;
    var bad = panel.querySelector("form.attach-source [aria-invalid='true']");
    if (bad) bad.focus();
  });

  // A poll must not wipe what someone is typing: the sources panel re-renders itself every 2 s while
  // its lookups run, the attach form included, so a URL typed meanwhile vanished and the form then
  // posted an empty one (the 400 of issue 13, most often on a busy machine where lookups run longer).
  // Fields the user changed, and the focus, are carried over a polling (GET) swap; with a file chosen
  // (which a script cannot set again) that poll is skipped instead.
  var carried = null;
  function changed(field) {
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }
  document.addEventListener("htmx:beforeSwap", function (ev) {
    carried = null;
    var config = ev.detail.requestConfig, target = ev.detail.target;
    if (!config || config.verb !== "get" || !target || !target.id) return;
    var values = [];
    var fields = target.querySelectorAll("form input[id], form textarea[id], form select[id]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === "file") {
        if (field.files && field.files.length) { ev.detail.shouldSwap = false; return; }
      } else if (field.type !== "hidden" && changed(field)) {
        values.push({ id: field.id, value: field.value, checked: field.checked });
      }
    }
    var active = document.activeElement;
    var focus = active && active.id && target.contains(active) ? active : null;
    if (!values.length && !focus) return;
    carried = { id: target.id, values: values, focus: focus && focus.id,
                start: focus && typeof focus.selectionStart === "number" ? focus.selectionStart : null,
                end: focus && typeof focus.selectionEnd === "number" ? focus.selectionEnd : null };
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (!carried) return;
    var kept = carried;
    carried = null;
    var root = document.getElementById(kept.id);
    if (!root) return;
    kept.values.forEach(function (v) {
      var field = document.getElementById(v.id);
      if (!field || !root.contains(field)) return;
      if (field.type === "checkbox" || field.type === "radio") field.checked = v.checked;
      else field.value = v.value;
    });
    var focus = kept.focus && document.getElementById(kept.focus);
    if (focus && root.contains(focus)) {
      focus.focus({ preventScroll: true });
      if (kept.start !== null && typeof focus.setSelectionRange === "function") {
        try { focus.setSelectionRange(kept.start, kept.end); } catch (e) { /* not a text field */ }
      }
    }
  });
})();

/* Back (or Forward) to a page of the desk shows it as it is now, not as it was: the browser may
   bring back its copy (the back/forward cache), which said "Resolved" after a reopen. A page that
   answered a sent form (its refusal, say) is replaced by a fresh read of its address, which leads
   to the page the form belongs to. The server also sends such pages with Cache-Control: no-store. */
(function () {
  "use strict";
  // A page that answers a sent form (a refusal: the error and the user's input) has a history entry that
  // carries the form: Back or Forward to it, or Reload, would send it again (Chromium asks, or just
  // does). Replacing the entry with its own address makes it a plain read, so a history step reads the
  // address afresh (the action's address leads to the page the form belongs to); the page in view,
  // with the error and what was typed, stays as it is.
  if (document.body && document.body.hasAttribute("data-answers-post") && window.history.replaceState) {
    window.history.replaceState(window.history.state, "", window.location.href);
  }
  window.addEventListener("pageshow", function (ev) {
    var how = document.body && document.body.dataset.back;
    if (!how || how === "keep") return;
    var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    var historyStep = ev.persisted || (nav && nav.type === "back_forward");
    if (!historyStep) return;
    if (how === "reread-get") window.location.replace(window.location.href);
    else if (ev.persisted) window.location.reload();
  });
})();

/* Live character count of the article text (web/_char_count.html). The box has no maxlength,
   so a long paste is never cut; the count says how far over the limit it is, and the server
   refuses the text as a whole. Counted in code points, as the server counts. */
(function () {
  "use strict";
  var fmt = function (n) { return n.toLocaleString("en-GB"); };

  function update(box, announce) {
    var counter = document.querySelector('[data-count-for="' + box.id + '"]');
    if (!counter) return;
    var limit = parseInt(counter.dataset.maxChars, 10);
    var n = Array.from(box.value).length;
    var over = n > limit;
    counter.querySelector(".count-now").textContent = fmt(n);
    counter.querySelector(".count-max").textContent = fmt(limit);
    counter.classList.toggle("is-over", over);
    var extra = counter.querySelector(".count-over");
    if (over) {
      if (!extra) {
        extra = document.createElement("strong");
        extra.className = "count-over";
        counter.appendChild(extra);
      }
      extra.textContent = " — " + fcFormat(gettext("%(n)s too many: shorten the text (nothing has been cut) before saving."),
                                    {n: fmt(n - limit)});
    } else if (extra) {
      extra.remove();
    }
    box.setAttribute("aria-invalid", over ? "true" : "false");
    var live = document.getElementById("text-count-live");
    // Announce crossing the limit, not every keystroke.
    if (live && announce && live.dataset.over !== String(over)) {
      live.dataset.over = String(over);
      live.textContent = over ? fcFormat(gettext("The text is %(n)s characters over the limit of %(limit)s."), {n: fmt(n - limit), limit: fmt(limit)})
                              : fcFormat(gettext("The text is within the limit of %(limit)s characters."), {limit: fmt(limit)});
    }
  }

  document.addEventListener("input", function (ev) {
    var box = ev.target;
    if (box && box.matches && box.matches("textarea[data-max-chars]")) update(box, true);
  });
  function init() {
    document.querySelectorAll("textarea[data-max-chars]").forEach(function (box) { update(box, false); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

/* Select all / none of the claims ticked for a bulk action, and keyboard triage of the
   workspace's claims: J / K next and previous, A accept, R reject, O open, X tick.
   Each step is said in the live region #triage-live for screen-reader users. */
(function () {
  "use strict";

  function boxes() {
    return Array.prototype.filter.call(
      document.querySelectorAll('input[type=checkbox][name=claim_ids][form="bulk-form"]'),
      function (b) { return !b.disabled; });
  }
  function sayCount() {
    var n = boxes().filter(function (b) { return b.checked; }).length;
    document.querySelectorAll("[data-pick-count]").forEach(function (el) {
      el.textContent = n ? fcFormat(ngettext("%(n)s ticked", "%(n)s ticked", n), {n: n}) : "";
    });
  }
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("[data-pick]");
    if (!btn) return;
    var on = btn.dataset.pick === "all";
    boxes().forEach(function (b) { b.checked = on; });
    sayCount();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.name === "claim_ids") sayCount();
  });

  var pending = null;  // after an action swaps the workspace: which position to land on

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("#claims > .claim-item"));
  }
  function say(text) {
    var live = document.getElementById("triage-live");
    if (live) live.textContent = text;
  }
  function label(item) {
    var link = item.querySelector("a.claim-text");
    var status = item.querySelector("[data-testid=claim-status]");
    return (link ? link.textContent.trim() : "") + (status ? " (" + status.textContent.trim() + ")" : "");
  }
  function current() { return document.querySelector("#claims > .claim-item.is-current"); }
  function focusItem(list, i, prefix) {
    if (!list.length) { say((prefix || "") + gettext("No claims left in the list.")); return; }
    i = Math.max(0, Math.min(i, list.length - 1));
    list.forEach(function (el) { el.classList.remove("is-current"); });
    var item = list[i];
    item.classList.add("is-current");
    item.scrollIntoView({ block: "nearest" });
    var link = item.querySelector("a.claim-text");
    if (link) link.focus({ preventScroll: true });
    say((prefix || "") + fcFormat(gettext("Claim %(n)s of %(total)s: %(label)s"), {n: i + 1, total: list.length, label: label(item)}));
  }
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) && el.type !== "checkbox";
  }

  document.addEventListener("keydown", function (ev) {
    if (!document.getElementById("triage-keys")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    var key = ev.key.toLowerCase();
    if ("jkarox".indexOf(key) === -1 || key.length !== 1) return;
    var list = items();
    var item = current();
    var i = item ? list.indexOf(item) : -1;
    if (key === "j" || key === "k") {
      ev.preventDefault();
      focusItem(list, i === -1 ? 0 : i + (key === "j" ? 1 : -1));
      return;
    }
    if (!item) { say(gettext("Press J to go to the first claim.")); return; }
    ev.preventDefault();
    if (key === "o") { window.location.href = item.querySelector("a.claim-text").href; return; }
    if (key === "x") {
      var box = item.querySelector("input[name=claim_ids]");
      if (box) { box.checked = !box.checked; sayCount(); say(fcFormat(box.checked ? gettext("Ticked: %(label)s") : gettext("Unticked: %(label)s"), {label: label(item)})); }
      return;
    }
    var button = item.querySelector(key === "a" ? "[data-testid=accept]" : "[data-testid=reject]");
    if (!button) { say(fcFormat(key === "a" ? gettext("This claim cannot be accepted: %(label)s") : gettext("This claim cannot be rejected: %(label)s"), {label: label(item)})); return; }
    // Accepted claims stay in the list (move on to the next); rejected ones leave it (the next takes their place).
    pending = { index: key === "a" ? i + 1 : i, done: (key === "a" ? gettext("Accepted.") : gettext("Rejected.")) + " " };
    // A click, not requestSubmit: the button submits the shared #claim-act form to its own formaction,
    // which htmx reads from the button last clicked.
    button.click();
  });

  document.addEventListener("htmx:afterSettle", function (ev) {
    var target = ev.detail && ev.detail.target;
    if (!pending || !target || target.id !== "workspace") return;
    var p = pending;
    pending = null;
    var list = items();
    focusItem(list, Math.min(p.index, list.length - 1), p.done);
  });
})();

// Accept and reject pressed while the last press is still saving. Every such button submits the
// workspace's one #claim-act form, and htmx drops a request from a form that has one in flight, so
// a quick second press did nothing (and the workspace swap would drop an htmx queue too). Such
// presses wait here, marked on their button, and are made again, in order, on the same button of
// the new workspace once it has settled (so with the claim's version as it is then).
(function () {
  var saving = false;
  var waiting = [];
  function buttonFor(action) {
    return Array.prototype.find.call(document.querySelectorAll("button[form=claim-act]"),
      function (b) { return b.getAttribute("formaction") === action; });
  }
  function giveUp() {
    saving = false;
    waiting = [];
    document.querySelectorAll("button[form=claim-act].is-waiting").forEach(function (b) {
      b.classList.remove("is-waiting");
      b.removeAttribute("aria-busy");
    });
  }
  document.addEventListener("htmx:beforeRequest", function (ev) {
    if (ev.detail.elt && ev.detail.elt.id === "claim-act") saving = true;
  });
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("button[form=claim-act]");
    if (!button || !saving) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    var action = button.getAttribute("formaction");
    if (waiting.indexOf(action) < 0) waiting.push(action);
    button.classList.add("is-waiting");
    button.setAttribute("aria-busy", "true");
  }, true);
  document.addEventListener("htmx:afterSettle", function (ev) {
    if (!ev.detail.target || ev.detail.target.id !== "workspace") return;
    saving = false;
    while (waiting.length) {
      var button = buttonFor(waiting.shift());
      if (button && !button.disabled) {
        // The presses still waiting stay marked on the new page's buttons.
        waiting.forEach(function (a) { var b = buttonFor(a); if (b) { b.classList.add("is-waiting"); b.setAttribute("aria-busy", "true"); } });
        button.click();
        return;
      }
    }
  });
  // A request that ends without a new workspace (network down, server error): nothing more is pressed.
  ["htmx:sendError", "htmx:timeout", "htmx:responseError"].forEach(function (name) {
    document.addEventListener(name, function (ev) {
      if (ev.detail.elt && ev.detail.elt.id === "claim-act") giveUp();
    });
  });
})();
