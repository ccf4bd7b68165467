"""The interface in Arabic and Hebrew: complete catalogs, and no English left on the main pages.

Two kinds of check. The catalogs: every msgid of locale/{ar,he} is translated (every plural form),
none is fuzzy, placeholders and markup survive, and the committed .po files hold every string the
code and templates mark (extracted again here with makemessages). The pages: each main page is
rendered as each persona with the Arabic and with the Hebrew interface, and every visible text node
and label (outside what members wrote) is searched for English words of the msgids. Test data is
written in Arabic and Hebrew, so a forgotten {% translate %} is the only way English gets in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from factcheck.accounts.models import Role
from factcheck.articles.models import Article
from factcheck.claims.models import ClaimStatus, Verdict
from factcheck.claims.services import claim_assign, claim_reopen, verdict_record
from factcheck.publishing.models import Report
from factcheck.publishing.services import article_publish
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus
from tests.publishing.conftest import back_with_source, resolve
from tests.support import services
from tests.support.factories import ArticleFactory, UserFactory, make_claim

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGS = {"ar": 6, "he": 4}  # nplurals: Arabic zero/one/two/few/many/other; Hebrew one/two/many/other
DOMAINS = ["django", "djangojs"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
TAG = re.compile(r"</?[a-z]+")


def catalog(lang: str, domain: str):
    with (LOCALE / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as f:
        return read_po(f, locale=lang)


def messages(lang: str, domain: str) -> list:
    return [m for m in catalog(lang, domain) if m.id]


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.id, (tuple, list)) else [message.string]


def ids(message) -> list[str]:
    return list(message.id) if isinstance(message.id, (tuple, list)) else [message.id]


# --- the catalogs ------------------------------------------------------------------------------

@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_msgid_is_translated_and_none_is_fuzzy(lang, domain):
    found = messages(lang, domain)
    assert found, f"{lang}/{domain}.po has no messages"
    untranslated = [m.id for m in found if not all((s or "").strip() for s in forms(m))]
    fuzzy = [m.id for m in found if m.fuzzy]
    assert untranslated == [], f"{lang}/{domain}.po: untranslated msgids"
    assert fuzzy == [], f"{lang}/{domain}.po: fuzzy msgids"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_follow_the_language(lang, domain):
    cat = catalog(lang, domain)
    assert cat.num_plurals == LANGS[lang]
    header = dict(cat.mime_headers)["Plural-Forms"]
    assert header.startswith(f"nplurals={LANGS[lang]};")
    wrong = [m.id for m in cat if m.id and isinstance(m.id, (tuple, list)) and len(m.string) != LANGS[lang]]
    assert wrong == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_every_placeholder_and_tag(lang, domain):
    broken = []
    for m in messages(lang, domain):
        wanted = set(PLACEHOLDER.findall(" ".join(ids(m))))
        wanted_tags = sorted(TAG.findall(ids(m)[-1]))
        for i, text in enumerate(forms(m)):
            got = set(PLACEHOLDER.findall(text))
            # A plural form for exactly one or two may spell the number out ("إشعاران"); no form invents one.
            singular_form = isinstance(m.id, (tuple, list)) and i < 3
            if got - wanted or (not singular_form and wanted - got) or sorted(TAG.findall(text)) != wanted_tags:
                broken.append((m.id, text))
    assert broken == []


def test_catalogs_hold_every_marked_string(tmp_path):
    """Extract the strings again from a copy of the code: a string marked but not in the .po fails."""
    if not shutil.which("xgettext"):
        services.missing("GNU gettext (xgettext) is not installed: apt-get install gettext")
    root = Path(settings.BASE_DIR)
    for part in ("factcheck", "templates", "static/js", "manage.py"):
        src, dst = root / part, tmp_path / part
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "vendor"))
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    (tmp_path / "locale" / "ar" / "LC_MESSAGES").mkdir(parents=True)
    for domain in DOMAINS:
        subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "ar", "-d", domain, "--no-location",
                        "--no-wrap"], cwd=tmp_path, check=True, capture_output=True)
    for domain in DOMAINS:
        with (tmp_path / "locale" / "ar" / "LC_MESSAGES" / f"{domain}.po").open("rb") as f:
            extracted = {(m.context, m.id) for m in read_po(f) if m.id}
        committed = {(m.context, m.id) for m in messages("ar", domain)}
        for lang in LANGS:
            assert {(m.context, m.id) for m in messages(lang, domain)} == committed
        assert sorted(map(str, extracted - committed)) == [], f"{domain}: marked strings missing from the .po files"
        assert sorted(map(str, committed - extracted)) == [], f"{domain}: .po entries no code uses any more"


def test_compiled_catalogs_are_current():
    """The suite (like make venv) compiles the catalogs; a page would otherwise show stale words."""
    call_command("compiletranslations")
    for lang in LANGS:
        for domain in DOMAINS:
            po = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
            mo = po.with_suffix(".mo")
            assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime


def test_babel_compiles_the_catalogs_where_gettext_is_missing(tmp_path, monkeypatch):
    """A fresh machine without msgfmt still gets a working interface (compiletranslations --python)."""
    from django.utils.translation.trans_real import DjangoTranslation

    for lang in LANGS:
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(LOCALE / lang / "LC_MESSAGES" / "django.po", target / "django.po")
    with override_settings(LOCALE_PATHS=[tmp_path]):
        call_command("compiletranslations", "--python")
        assert (tmp_path / "ar" / "LC_MESSAGES" / "django.mo").exists()
        import gettext as gettext_module

        with (tmp_path / "ar" / "LC_MESSAGES" / "django.mo").open("rb") as f:
            ar = gettext_module.GNUTranslations(f)
        assert ar.gettext("Dashboard") == "لوحة المتابعة"
        assert ar.ngettext("%(n)s claim", "%(n)s claims", 2) == "ادعاءان"
        assert ar.ngettext("%(n)s claim", "%(n)s claims", 11) == "%(n)s ادعاءً"
        with (tmp_path / "he" / "LC_MESSAGES" / "django.mo").open("rb") as f:
            he = gettext_module.GNUTranslations(f)
        assert he.gettext("Log in") == "התחברות"
    assert DjangoTranslation  # the app's own loader reads the same files (LOCALE_PATHS)


# --- the pages -----------------------------------------------------------------------------------

def english_words() -> set[str]:
    """Latin-script words of the msgids that no translation keeps (API, HTTP, JSON, webhook stay as they are)."""
    def words(text: str) -> set[str]:
        text = PLACEHOLDER.sub(" ", re.sub(r"<[^>]*>", " ", text))
        return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}

    english, kept = set(), set()
    for lang in LANGS:
        for domain in DOMAINS:
            for m in messages(lang, domain):
                for text in ids(m):
                    english |= words(text)
                for text in forms(m):
                    kept |= words(text)
    return english - kept


SKIP_TAGS = {"script", "style", "code", "pre", "textarea", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LABELS = ("aria-label", "title", "placeholder", "alt")


class VisibleText(HTMLParser):
    """Text a reader sees or hears, outside what members wrote and codes (see handle_starttag)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: inside skipped content?
        self.found: list[str] = []
        self.html_attrs: dict[str, str] = {}

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = {k: v or "" for k, v in attrs.items()}
        # Members' words (data-user-content, dir="auto" containers) and codes marked translate="no" stay as written.
        skip = (self._skipping() or tag in SKIP_TAGS or "data-user-content" in attrs or attrs.get("dir") == "auto"
                or attrs.get("translate") == "no")
        if not skip:
            self.found += [attrs[a] for a in LABELS if attrs.get(a)]
        if tag not in VOID:
            self.stack.append(skip)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.found.append(data.strip())


# An English month name is a date formatted with strftime or an f-string instead of |date / date_format.
MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")


def english_left(html: str, english: set[str]) -> tuple[list[str], dict[str, str]]:
    parser = VisibleText()
    parser.feed(html)
    left = [t for t in parser.found
            if {w.lower() for w in re.findall(r"[A-Za-z]{3,}", t)} & english or MONTHS.search(t)]
    return left, parser.html_attrs


ARTICLE_AR = (
    "قالت فرق الإنقاذ إنها انتشلت 14 ناجيًا من مبنى سكني منهار يوم الأحد. "
    "وأدى الزلزال إلى تضرر أكثر من 300 منزل ومقتل 9 أشخاص على الأقل، بحسب وزارة الداخلية. "
    "وهو أقوى زلزال يضرب الإقليم منذ أكثر من 40 عامًا.\n"
)


@pytest.fixture(params=list(LANGS))
def lang(request) -> str:
    return request.param


@pytest.fixture
def desk(db, lang):
    """A newsroom whose members (reading the interface in ``lang``) and articles are in Arabic and Hebrew."""
    editor = UserFactory(username="u1", role=Role.EDITOR, first_name="عبير", last_name="ناصر", language=lang)
    reviewer = UserFactory(username="u2", role=Role.REVIEWER, first_name="רינה", last_name="כהן", language=lang)
    admin = UserFactory(username="u3", role=Role.ADMIN, first_name="سامي", last_name="حداد", language=lang)
    article = ArticleFactory(title="زلزال الإقليم: ماذا عرفت السلطات", outlet="صحيفة الوادي",
                             author="ليلى سالم", url="https://xq.zz/p1", created_by=editor, text=ARTICLE_AR)
    survivors = make_claim(article, "انتشلت 14 ناجيًا", attributed_to="فرق الإنقاذ")
    resolve(survivors, reviewer, Verdict.DISPUTED, "سجل الدفاع المدني يذكر 11 ناجيًا.", rating="misleading")
    back_with_source(survivors, reviewer, url="https://qv.zz/s1", passage="أُنقذ 11 ناجيًا", title="سجل الحوادث")
    dead = make_claim(article, "مقتل 9 أشخاص على الأقل", attributed_to="وزارة الداخلية")
    resolve(dead, reviewer, Verdict.VERIFIED, "نشرة الوزارة تذكر 9 وفيات.")
    back_with_source(dead, reviewer, url="https://kw.zz/s2", passage="توفي تسعة أشخاص", title="نشرة الوزارة")
    article_publish(actor=editor, article_id=article.pk)
    # A correction after publication: the report's dated note "verdict changed from … to …".
    claim_reopen(actor=editor, claim_id=dead.pk, reason="عدّلت الوزارة حصيلتها")
    claim_assign(actor=editor, claim_id=dead.pk, reviewer=reviewer)
    verdict_record(actor=reviewer, claim_id=dead.pk, verdict=Verdict.DISPUTED, rationale="النشرة المعدّلة تذكر 12 وفاة.",
                   rating="mostly accurate")
    # Work still in progress: an assigned claim with a due date, and a suggestion.
    homes = make_claim(article, "تضرر أكثر من 300 منزل", status=ClaimStatus.ASSIGNED, assignee=reviewer,
                       due=dead.resolved_at.date())
    make_claim(article, "أقوى زلزال يضرب الإقليم", status=ClaimStatus.SUGGESTED)
    # The claim page's "Earlier checks": a finished search that found the rated claim, with its sources.
    Lookup.objects.create(kind=LookupKind.SIMILAR, claim=homes, status=LookupStatus.DONE, finished_at=timezone.now(),
                          result={"matches": [
                              {"claim": survivors.pk, "article": article.pk, "article_title": article.title,
                               "text": survivors.text, "status": "resolved", "verdict": "disputed", "rating": "misleading",
                               "score": 71.0, "figure_differs": True, "other_language": False,
                               "sources": [{"title": "سجل الحوادث", "url": "https://qv.zz/s1", "stance": "refutes"},
                                           {"title": "نشرة الوزارة", "url": "https://kw.zz/s2", "stance": "supports"}]},
                          ], "searched": 1})
    other = ArticleFactory(title="כותרת בעברית", outlet="עיתון העמק", created_by=editor,
                           text="הממשלה אישרה תקציב של 40 מיליון שקל.\n")
    make_claim(other, "תקציב של 40 מיליון שקל", status=ClaimStatus.OPEN)
    return {"editor": editor, "reviewer": reviewer, "admin": admin, "article": article, "homes": homes,
            "survivors": survivors,
            "evidence": Evidence.objects.filter(claim=survivors).first(),
            "report": Report.objects.get(article=article)}


def member_pages(desk) -> dict[str, list[str]]:
    from django.urls import reverse

    article, homes = desk["article"], desk["homes"]
    everyone = [reverse("dashboard"), reverse("article_list"), reverse("article_detail", args=[article.pk]),
                reverse("claim_detail", args=[homes.pk]), reverse("claim_detail", args=[desk["survivors"].pk]),
                reverse("claim_list"), reverse("notifications"),
                reverse("profile"), reverse("evidence_snapshot", args=[desk["evidence"].pk])]
    editors = [*everyone, reverse("insights"), reverse("workload"), reverse("members"), reverse("webhook_list"),
               reverse("article_new"), reverse("article_history", args=[article.pk]), reverse("article_import")]
    return {"editor": editors, "admin": editors, "reviewer": everyone}


@override_settings(NEWSROOM_NAME="صحيفة الوادي")
def test_main_pages_show_no_english_in_arabic_and_hebrew(desk, lang):
    english = english_words()
    assert {"dashboard", "claims", "verdict"} <= english  # the check has words to look for
    problems, seen = [], 0
    for persona, paths in member_pages(desk).items():
        member = desk[persona]
        client = Client()
        client.force_login(member)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (persona, path, response.status_code)
            left, html = english_left(response.content.decode(), english)
            assert html.get("lang") == lang and html.get("dir") == "rtl", (persona, path, html)
            problems += [(persona, path, t[:120]) for t in left]
            seen += 1
    anonymous = Client(HTTP_ACCEPT_LANGUAGE=f"{lang},en;q=0.5")
    for path in ["/accounts/login/", desk["report"].get_absolute_url()]:
        response = anonymous.get(path)
        assert response.status_code == 200, (path, response.status_code)
        left, html = english_left(response.content.decode(), english)
        assert html.get("lang") == lang and html.get("dir") == "rtl", (path, html)
        problems += [("anonymous", path, t[:120]) for t in left]
        seen += 1
    assert seen >= 30
    assert problems == [], "English left on the pages:\n" + "\n".join(map(str, problems))


@override_settings(NEWSROOM_NAME="صحيفة الوادي")
def test_the_check_catches_a_forgotten_translate_tag(db):
    """The page check is only as good as what it catches: an English sentence from a msgid is found."""
    english = english_words()
    page = '<html lang="ar" dir="rtl"><body><h1>لوحة المتابعة</h1><p>Nothing waiting for you.</p>' \
           '<p data-user-content>Nothing waiting for you.</p><nav aria-label="Main"></nav>' \
           '<p><time>2 ديسمبر 2026</time> <time>2 Dec 2026</time></p><p translate="no">text/html</p></body></html>'
    left, _ = english_left(page, english)
    assert left == ["Nothing waiting for you.", "Main", "2 Dec 2026"]


@pytest.mark.parametrize("lang", ["ar"])
def test_the_public_report_dates_its_correction_in_the_readers_language(desk):
    """'Updated 2 Dec 2026: verdict changed from verified to disputed' in Arabic and in Hebrew."""
    url = desk["report"].get_absolute_url()
    ar = Client(HTTP_ACCEPT_LANGUAGE="ar").get(url).content.decode()
    assert "حُدّث في" in ar and "تغيّر الحكم من صحيح إلى مطعون فيه" in ar
    he = Client(HTTP_ACCEPT_LANGUAGE="he-IL,he;q=0.9").get(url).content.decode()
    assert "ההכרעה שונתה ממאומתת לשנויה במחלוקת" in he
    en = Client().get(url).content.decode()
    assert "verdict changed from verified to disputed" in en and 'lang="en-gb" dir="ltr"' in en
    assert Article.objects.filter(pk=desk["article"].pk, published_report=True).exists()


def test_api_messages_follow_the_requests_language_and_codes_stay_english(db, editor):
    client = Client()
    client.force_login(editor)
    answers = {}
    for accept in ("ar", "he", "en"):
        response = client.get("/api/claims/999999/", HTTP_ACCEPT_LANGUAGE=accept)
        assert response.status_code == 404
        answers[accept] = response.json()["error"]
    assert {a["code"] for a in answers.values()} == {"not_found"}
    assert answers["en"]["message"] == "Claim 999999 does not exist."
    assert answers["ar"]["message"] == "الادعاء 999999 غير موجود."
    assert answers["he"]["message"] == "הטענה 999999 אינה קיימת."


@pytest.mark.parametrize("lang", ["he"])
def test_earlier_checks_ratings_and_lists_read_in_the_interface_language(desk):
    """Issue 17's leftovers: the earlier-check line, the verdict and rating of a match, the rating
    badge, "Attributed to" before a name in its own direction, Arabic list separators."""
    from django.urls import reverse

    expected = {
        "he": {"earlier": ["בדיקות קודמות של טענות דומות", "שנויה במחלוקת", "(מטעה)", "سجل الحوادث; نشرة الوزارة"],
               "rated": ["דירוג: מטעה", "ייחוס:"]},
        "ar": {"earlier": ["تدقيقات سابقة لادعاءات مشابهة", "(مضلِّل)", "سجل الحوادث؛ نشرة الوزارة"],
               "rated": ["التقييم: مضلِّل", "منسوب إلى:"]},
    }
    for lang, words in expected.items():
        desk["reviewer"].language = lang
        desk["reviewer"].save(update_fields=["language"])
        client = Client()
        client.force_login(desk["reviewer"])
        page = client.get(reverse("claim_detail", args=[desk["homes"].pk])).content.decode()
        assert [w for w in words["earlier"] if w not in page] == [], lang
        rated = client.get(reverse("claim_detail", args=[desk["survivors"].pk])).content.decode()
        assert [w for w in words["rated"] if w not in rated] == [], lang
        assert "<bdi data-user-content>فرق الإنقاذ</bdi>" in rated


def test_a_hebrew_report_has_a_hebrew_address_and_claimreview(db):
    """The slug keeps the Hebrew title's letters; alternateName is the rating in the report's language."""
    import json

    from factcheck.publishing.services import report_slug

    assert report_slug("כותרת בעברית: 40 מיליון") == "כותרת-בעברית-40-מיליון"
    assert report_slug("زلزال الإقليم") == "زلزال-الإقليم"
    assert report_slug("Council backs plant") == "council-backs-plant"
    assert report_slug("«» — ?!") == "report"
    editor = UserFactory(username="e1", role=Role.EDITOR, language="en-gb")
    reviewer = UserFactory(username="r1", role=Role.REVIEWER)
    article = ArticleFactory(title="תקציב העירייה: 40 מיליון", created_by=editor, language="he",
                             text="הממשלה אישרה תקציב של 40 מיליון שקל.\n")
    claim = make_claim(article, "תקציב של 40 מיליון שקל")
    resolve(claim, reviewer, Verdict.VERIFIED, "הפרוטוקול מאשר.", rating="mostly accurate")
    back_with_source(claim, reviewer, url="https://qv.zz/he1", passage="40 מיליון", title="פרוטוקול")
    article_publish(actor=editor, article_id=article.pk)
    report = Report.objects.get(article=article)
    assert report.slug == "תקציב-העירייה-40-מיליון"
    # Read in English, the report page still names the rating in Hebrew inside its ClaimReview.
    response = Client().get(report.get_absolute_url())
    assert response.status_code == 200
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.content.decode(), re.S)
    reviews = [r for b in blocks for r in (json.loads(b) if b.strip().startswith("[") else [json.loads(b)])]
    rating = next(r for r in reviews if r.get("@type") == "ClaimReview")["reviewRating"]
    assert rating["alternateName"] == "מדויק ברובו" and rating["ratingValue"] == 3
    assert "Rating: Mostly accurate" in response.content.decode()  # the page itself follows its reader
