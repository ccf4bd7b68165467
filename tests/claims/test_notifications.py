"""Notifications without floods: one per batch, the member's email choice, the daily digest."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.models import ClaimStatus, Notification
from factcheck.claims.services import claim_assign, claims_assign_bulk
from factcheck.claims.tasks import notification_digest
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

TEXT = " ".join(f"Crews counted {n} burned homes in sector {n}." for n in range(1, 25)) + "\n"


@pytest.fixture
def eager_celery():
    from factcheck.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def fire(editor):
    editor.first_name, editor.last_name = "Elena", ""
    editor.save()
    article = ArticleFactory(created_by=editor, title="Ridgeline fire: what the county knew and when", text=TEXT)
    claims = [make_claim(article, f"Crews counted {n} burned homes in sector {n}.") for n in range(1, 23)]
    return article, claims


def test_assigning_22_claims_sends_one_notification_and_one_email(
    editor, reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    claims = fire[1]
    with django_capture_on_commit_callbacks(execute=True):
        done = claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in claims], reviewer=reviewer,
                                  due=dt.date(2031, 12, 5))
    assert len(done) == 22 and all(c.status == ClaimStatus.ASSIGNED for c in done)
    notes = list(Notification.objects.filter(recipient=reviewer))
    assert [n.message for n in notes] == [
        "\u2068Elena\u2069 assigned you 22 claims in “\u2068Ridgeline fire: what the county knew…\u2069”, due 5 Dec"]
    assert len(mailoutbox) == 1 and "22 claims" in mailoutbox[0].subject


def test_member_with_email_off_gets_the_notification_but_no_email(
    editor, reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    reviewer.email_notifications = False
    reviewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        claim_assign(actor=editor, claim_id=fire[1][0].pk, reviewer=reviewer)
    assert Notification.objects.filter(recipient=reviewer).count() == 1
    assert mailoutbox == []
    assert notification_digest() == 0


def test_digest_reader_gets_one_email_a_day_with_everything(
    editor, reviewer, other_reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    reviewer.daily_digest = True
    reviewer.save()
    claims = fire[1]
    # (Two articles: two assignments on one article would be one grouped notification.)
    other = ArticleFactory(created_by=editor, title="Harbour dredging", text="Crews dredged 40 berths.\n")
    elsewhere = make_claim(other, "Crews dredged 40 berths.")
    with django_capture_on_commit_callbacks(execute=True):
        claim_assign(actor=editor, claim_id=claims[0].pk, reviewer=reviewer)
        claim_assign(actor=editor, claim_id=elsewhere.pk, reviewer=reviewer)
        claim_assign(actor=editor, claim_id=claims[2].pk, reviewer=other_reviewer)
    # Instant emails go only to the member who did not choose the digest.
    assert [m.to for m in mailoutbox] == [["oscar@example.org"]]
    assert notification_digest() == 1
    digest = mailoutbox[-1]
    assert digest.to == ["rita@example.org"] and "2 notification" in digest.subject
    assert digest.body.count("assigned you a claim") == 2
    # Run again (a second beat, a redelivery): nothing is sent twice.
    assert notification_digest() == 0 and len(mailoutbox) == 2


# --- a burst of single changes is one notification with a count (tryout: 30 assignments, 30 notices) ---


def test_claims_assigned_one_by_one_are_one_notification_with_a_count(
    editor, reviewer, fire, django_capture_on_commit_callbacks, eager_celery, mailoutbox
):
    article, claims = fire
    with django_capture_on_commit_callbacks(execute=True):
        for c in claims:  # 22 changes, each its own transaction (the claim page, the API)
            claim_assign(actor=editor, claim_id=c.pk, reviewer=reviewer)
    notes = list(Notification.objects.filter(recipient=reviewer))
    assert len(notes) == 1
    note = notes[0]
    assert (note.count, note.kind, note.article_id, note.claim_id) == (22, "assigned", article.pk, None)
    assert note.message == "22 claims assigned to you on “\u2068Ridgeline fire: what the county knew and when\u2069”"
    # One email, not 22: the first notice's (sent here after the burst, so it reads the total); the
    # delayed emails of the later ones (run at once by the eager test worker) find it sent.
    assert len(mailoutbox) == 1 and "22 claims assigned to you" in mailoutbox[0].subject


def test_a_settled_group_is_emailed_once_with_its_total(editor, reviewer, fire):
    from factcheck.claims.services.conversation import notification_send

    claims = fire[1]
    for c in claims[:3]:
        claim_assign(actor=editor, claim_id=c.pk, reviewer=reviewer)
    note = Notification.objects.get(recipient=reviewer)
    assert note.count == 3 and note.emailed_at is None
    assert notification_send(note.pk, grouped=True) is False  # still growing
    Notification.objects.filter(pk=note.pk).update(created_at=note.created_at - dt.timedelta(minutes=6))
    from django.core import mail

    assert notification_send(note.pk, grouped=True) is True
    assert mail.outbox[-1].subject.endswith(
        "3 claims assigned to you on “\u2068Ridgeline fire: what the county knew and when\u2069”")
    assert notification_send(note.pk, grouped=True) is False  # once


def test_groups_are_per_article_kind_unread_and_window(editor, reviewer, other_reviewer, fire):
    _article, claims = fire
    other = ArticleFactory(created_by=editor, title="Harbour dredging", text="Crews dredged 40 berths.\n")
    elsewhere = make_claim(other, "Crews dredged 40 berths.")
    claim_assign(actor=editor, claim_id=claims[0].pk, reviewer=reviewer)
    claim_assign(actor=editor, claim_id=elsewhere.pk, reviewer=reviewer)  # another article: its own
    claim_assign(actor=editor, claim_id=claims[1].pk, reviewer=other_reviewer)  # another recipient
    assert Notification.objects.filter(recipient=reviewer).count() == 2
    # Read: the next one starts a new notice rather than adding to one already seen.
    Notification.objects.filter(recipient=reviewer).update(read_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    claim_assign(actor=editor, claim_id=claims[2].pk, reviewer=reviewer)
    assert Notification.objects.filter(recipient=reviewer, read_at__isnull=True).count() == 1
    # Past the window: a new one too.
    from django.utils import timezone

    Notification.objects.filter(recipient=reviewer).update(created_at=timezone.now() - dt.timedelta(hours=1))
    claim_assign(actor=editor, claim_id=claims[3].pk, reviewer=reviewer)
    assert Notification.objects.filter(recipient=reviewer, read_at__isnull=True).count() == 2
    # A bulk batch of the same article joins the open group, with its claims counted.
    claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in claims[4:9]], reviewer=reviewer)
    latest = Notification.objects.filter(recipient=reviewer).order_by("-created_at").first()
    assert latest.count == 6 and latest.message.startswith("6 claims assigned to you on")


def test_a_rolled_back_change_adds_nothing_to_the_group(editor, reviewer, fire):
    from django.db import transaction

    claims = fire[1]
    claim_assign(actor=editor, claim_id=claims[0].pk, reviewer=reviewer)
    with pytest.raises(RuntimeError), transaction.atomic():
        claim_assign(actor=editor, claim_id=claims[1].pk, reviewer=reviewer)
        raise RuntimeError("the change fails after its notice was written")
    note = Notification.objects.get(recipient=reviewer)
    assert note.count == 1 and "assigned you a claim" in note.message


def test_a_group_is_written_in_the_recipients_language(editor, reviewer, fire):
    reviewer.language = "ar"
    reviewer.save(update_fields=["language"])
    for c in fire[1][:3]:
        claim_assign(actor=editor, claim_id=c.pk, reviewer=reviewer)
    assert Notification.objects.get(recipient=reviewer).message.startswith("أُسندت إليك 3 ادعاءات في")


def test_words_of_people_are_isolated_in_a_notice_so_a_hebrew_claim_keeps_its_direction(editor, reviewer):
    # In an English notice a Hebrew claim's closing figure and punctuation were laid out at the
    # wrong end; first-strong isolates give the quoted words their own direction (and the names too).
    article = ArticleFactory(title="דו״ח השריפה", text="בשריפה נשרפו 40 בתים.\n", created_by=editor, language="he")
    claim = make_claim(article, "בשריפה נשרפו 40 בתים.")
    claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    note = Notification.objects.get(recipient=reviewer)
    assert note.message == f"\u2068{editor.display_name}\u2069 assigned you a claim: \u2068בשריפה נשרפו 40 בתים.\u2069"


def test_a_member_who_switches_language_reads_earlier_notices_in_the_new_one(editor, reviewer, fire, client):
    # A tryout's editor switched to Arabic and found every notice still in English: each was kept in
    # the language of the day it came. Each is now written in every interface language.
    claim_assign(actor=editor, claim_id=fire[1][0].pk, reviewer=reviewer)  # one notice
    for c in fire[1][1:4]:
        claim_assign(actor=editor, claim_id=c.pk, reviewer=reviewer)  # grouped with it: "4 claims"
    note = Notification.objects.get(recipient=reviewer)
    assert note.count == 4 and note.message.startswith("4 claims assigned to you")
    assert note.texts["ar"].startswith("أُسندت إليك 4 ادعاءات في") and set(note.texts) == {"en-gb", "ar", "he"}
    assert note.text_in("en") == note.message  # any English reads the English text
    reviewer.language = "ar"
    reviewer.save(update_fields=["language"])
    client.force_login(reviewer)
    page = client.get("/notifications/").content.decode()
    assert note.texts["ar"] in page and note.message not in page


def test_a_notice_from_before_the_texts_reads_as_it_was_written(reviewer):
    old = Notification.objects.create(recipient=reviewer, kind="assigned", message="Edna assigned you a claim.")
    assert old.text_in("ar") == "Edna assigned you a claim."
