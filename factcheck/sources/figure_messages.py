"""What a figure check says to the reviewer, in words: the sentence above its passages.

Kept apart from the matching (figures.py) because pages say it again in the reader's language from
a stored result, long after the worker wrote it in the site's.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext


def _(message: str) -> str:
    # The matching is plain Python that also runs without Django (bench/figure_eval.py), where
    # there is no catalog to ask: the sentence stays in English there.
    return gettext(message) if apps.ready else message


def figure_label(text: str) -> str:
    """A figure as a phrase inside a sentence: "about 230", not "About 230"; "a quarter", not "A quarter"."""
    if len(text) > 1 and text[0].isupper() and (text[1].islower() or (text[0] == "A" and text[1] == " ")):
        return text[0].lower() + text[1:]
    return text


def summary(label: str, figures: list[dict]) -> str:
    """One sentence (or two) a reviewer reads above the passages, in the active language.

    The worker stores it in the site's language (the API's `summary`); pages call summary_of() to
    say it again in the reader's language from the stored labels and figures.
    """
    def named(f: dict) -> str:
        return figure_label(f["figure"])

    def quoted(f: dict) -> str:
        return ", ".join(f"“{s}”" for s in f["source_figures"])

    if label == "contradicts":
        bad = next(f for f in figures if f["label"] == "contradicts")
        if bad.get("how") == "later":
            return _("The source gives %(figure)s (%(quoted)s), then a later sentence disputes or withdraws it; "
                     "see the passage.") % {"figure": named(bad), "quoted": quoted(bad)}
        if bad.get("how") == "bound":
            return _("The source puts the figure on the other side of %(figure)s (%(quoted)s); the two bounds "
                     "cannot both hold.") % {"figure": named(bad), "quoted": quoted(bad)}
        if bad.get("how") == "revised" and bad.get("revised_to"):
            return _("The source first gave %(figure)s, then revised it down to %(later)s.") % {
                "figure": named(bad), "later": figure_label(bad["revised_to"])}
        return _("The source mentions %(figure)s but disputes or denies it (%(quoted)s); see the passage.") % {
            "figure": named(bad), "quoted": quoted(bad)}
    if label == "different":
        bad = next(f for f in figures if f["label"] == "different")
        if bad.get("how") == "competing" and bad.get("revised_to"):
            return _("The source gives %(figure)s from one side and %(later)s from another; it states neither "
                     "as fact.") % {"figure": named(bad), "later": figure_label(bad["revised_to"])}
        if bad.get("how") == "speaker" and bad.get("speaker_figure"):
            return _("The source gives “%(source)s”, but as someone else's figure than the speaker the claim "
                     "names.") % {"source": bad["speaker_figure"]}
        if bad.get("how") == "revised" and bad.get("revised_to"):
            return _("The source first gave %(figure)s; its later count is %(later)s.") % {
                "figure": named(bad), "later": figure_label(bad["revised_to"])}
        return _("The claim says %(figure)s; the source says %(source)s.") % {
            "figure": named(bad), "source": ", ".join(figure_label(f) for f in bad["source_figures"])}
    if label == "states":
        good = "; ".join(_("%(figure)s (as %(quoted)s)") % {"figure": named(f), "quoted": quoted(f)}
                         for f in figures if f["label"] == "states")
        missing = [named(f) for f in figures if f["label"] == "absent"]
        if missing:
            return _("The source states %(figures)s; it does not state %(missing)s.") % {
                "figures": good, "missing": ", ".join(missing)}
        return _("The source states %(figures)s.") % {"figures": good}
    return _("The source does not state %(figures)s (or any close figure).") % {
        "figures": ", ".join(named(f) for f in figures)}


def found_in_part(result: dict | None) -> bool:
    """A check that states some of the claim's figures and not others ("$38.2 million" found, "14 new
    posts" not). Its outcome stays `consistent` for API clients, which read each figure's label; what
    a person reads (the claim page's heading, the history row) must not say plainly that it matches."""
    result = result or {}
    return result.get("outcome") == "consistent" and any(f.get("label") == "absent" for f in result.get("figures") or [])


def summary_of(result: dict) -> str:
    """A stored figure check's summary in the active language (the stored text when it predates labels)."""
    figures = result.get("figures") or []
    label = result.get("label")
    try:
        if label and figures and all("label" in f and "figure" in f and "source_figures" in f for f in figures):
            return summary(label, figures)
    except StopIteration:  # a stored result whose figures do not carry its overall label
        pass
    return result.get("summary", "")
