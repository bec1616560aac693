"""Notices are queued with the action, sent with a link only, and retried
with growing pauses when the relay cannot be reached."""

import contextlib
import logging
import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.urls import reverse
from django.utils import timezone, translation

from peluit.accounts.models import User
from peluit.notifications import outbox
from peluit.notifications.models import MAX_ATTEMPTS, Kind, Notice
from tests.notifications.conftest import HANA_ADDRESS, free_port


def case_link(number: str) -> str:
    return settings.SITE_URL + reverse("staff:case", args=[number])


def test_the_message_holds_the_case_link_and_nothing_from_the_report(
    relay, hana_with_address, filed, samples
):
    # Filing the report queued the notice to its handler.
    sent = outbox.deliver_due()

    assert sent == 1
    assert [recipients for recipients, _ in relay.received] == [[HANA_ADDRESS]]
    message = relay.messages()[0]
    text = str(message["Subject"]) + "\n" + message.get_content()
    assert case_link(filed.case.number) in text
    report = samples[0]
    for secret in (report["title"], report["what"], report["who"], report["where"]):
        assert secret not in text
        assert secret.encode() not in relay.received[0][1]
    assert filed.receipt not in text
    assert filed.receipt.replace(" ", "") not in text


def test_the_message_is_in_the_organisations_language_whatever_is_active(
    relay, hana_with_address
):
    outbox.notify([hana_with_address], Kind.REPORTER_MESSAGE, "2026-0001")

    with translation.override("en"):
        outbox.deliver_due()

    assert case_link("2026-0001") in relay.messages()[0].get_content()


def test_a_notice_without_a_case_links_to_the_inbox(relay, hana_with_address):
    outbox.notify([hana_with_address], Kind.APPROVAL_WAITING)

    outbox.deliver_due()

    inbox = settings.SITE_URL + reverse("staff:inbox")
    assert inbox in relay.messages()[0].get_content()


def test_a_failed_send_waits_a_minute_then_goes_out(relay, settings, hana_with_address):
    outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()
    now = timezone.now()

    assert outbox.deliver_due(now) == 0
    notice = Notice.objects.get()
    assert notice.attempts == 1
    assert notice.next_attempt_at == now + timedelta(minutes=1)
    assert notice.last_error == "ConnectionRefusedError"
    assert notice.sent_at is None

    settings.EMAIL_PORT = working_port
    assert outbox.deliver_due(now) == 0
    assert outbox.deliver_due(now + timedelta(seconds=59)) == 0
    assert relay.received == []

    later = now + timedelta(minutes=1, seconds=1)
    assert outbox.deliver_due(later) == 1
    notice.refresh_from_db()
    assert notice.sent_at == later
    assert len(relay.received) == 1


def test_an_unreachable_relay_ends_the_round_after_one_try(settings, hana_with_address):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = free_port()
    for number in ("2026-0001", "2026-0002", "2026-0003"):
        outbox.notify([hana_with_address], Kind.NEW_CASE, number)

    outbox.deliver_due()

    assert sorted(Notice.objects.values_list("attempts", flat=True)) == [0, 0, 1]


def test_a_refused_recipient_does_not_hold_up_the_others(relay, hana_with_address):
    relay.refuse_recipients = True
    for number in ("2026-0001", "2026-0002"):
        outbox.notify([hana_with_address], Kind.NEW_CASE, number)

    outbox.deliver_due()

    assert list(Notice.objects.values_list("attempts", flat=True)) == [1, 1]


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_notice_twice(
    default_categories, relay, hana_with_address
):
    for number in range(1, 21):
        outbox.notify([hana_with_address], Kind.NEW_CASE, f"2026-{number:04}")
    failures = []

    def work() -> None:
        try:
            outbox.deliver_due()
        except Exception as error:  # reported below, not swallowed
            failures.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert failures == []
    assert len(relay.received) == 20
    assert not Notice.objects.filter(sent_at__isnull=True).exists()


def test_the_pauses_double_up_to_six_hours():
    pauses = [outbox.backoff(attempts) for attempts in (1, 2, 3, 4, 9, 10, 20)]

    assert pauses == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
        timedelta(minutes=8),
        timedelta(minutes=256),
        timedelta(hours=6),
        timedelta(hours=6),
    ]


def test_after_the_last_attempt_the_notice_stays_failed(settings, hana_with_address):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = free_port()
    outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")
    Notice.objects.update(attempts=MAX_ATTEMPTS - 1)

    outbox.deliver_due()
    outbox.deliver_due(timezone.now() + timedelta(days=30))

    notice = Notice.objects.get()
    assert notice.attempts == MAX_ATTEMPTS
    assert notice.sent_at is None and not notice.will_retry
    assert list(outbox.failures()) == [notice]


def test_a_refusal_is_recorded_and_logged_without_the_address(
    relay, hana_with_address, caplog
):
    relay.refuse_recipients = True
    outbox.notify([hana_with_address], Kind.DEADLINE, "2026-0001")

    with caplog.at_level(logging.INFO, logger="peluit.notifications"):
        outbox.deliver_due()

    notice = Notice.objects.get()
    assert notice.last_error == "SMTPRecipientsRefused 550"
    ours = "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("peluit.")
    )
    assert "SMTPRecipientsRefused 550" in ours
    assert HANA_ADDRESS not in ours
    assert "2026-0001" not in ours


def test_notify_skips_people_without_an_address_or_no_longer_active(
    hana_with_address, adi
):
    gone = User.objects.create(username="budi", email="budi@example.org")
    gone.is_active = False
    gone.save()

    notices = outbox.notify(
        [hana_with_address, adi, gone, hana_with_address], Kind.NEW_CASE, "2026-0001"
    )

    assert [notice.recipient for notice in notices] == [hana_with_address]
    assert Notice.objects.count() == 1


def test_a_rolled_back_action_tells_nobody(hana_with_address):
    with contextlib.suppress(RuntimeError), transaction.atomic():
        outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")
        raise RuntimeError("the action failed after notifying")

    assert not Notice.objects.exists()


def test_someone_deactivated_before_sending_gets_nothing(relay, hana_with_address):
    outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")
    User.objects.filter(pk=hana_with_address.pk).update(is_active=False)

    assert outbox.deliver_due() == 0
    assert relay.received == []
    assert not Notice.objects.exists()


def test_the_counts_tell_sent_waiting_and_failed_apart(relay, hana_with_address):
    for number in ("2026-0001", "2026-0002", "2026-0003"):
        outbox.notify([hana_with_address], Kind.NEW_CASE, number)
    outbox.deliver_due(limit=1)
    Notice.objects.filter(case_number="2026-0003").update(
        attempts=2, last_error="TimeoutError"
    )

    assert outbox.counts() == {"sent": 1, "waiting": 1, "failed": 1}
