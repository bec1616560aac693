"""Queueing and sending e-mail notices to staff.

``notify`` writes outbox rows in the caller's transaction, so an action
that is rolled back tells nobody. ``deliver_due`` runs in the worker
(``manage.py peluit_worker``) and sends what is due, one notice at a time.

Every e-mail is fixed text and a link into Peluit: never a title, a name,
a category or anything else from a report. Mailboxes are read on phones,
forwarded, and kept by providers long after a case is closed.
"""

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peluit.accounts.models import User
from peluit.notifications.models import MAX_ATTEMPTS, Kind, Notice, ReporterAddress
from peluit.vault import keys

logger = logging.getLogger(__name__)

FIRST_BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(hours=6)
# Long enough to send one message through a slow relay. A worker that dies
# mid-send leaves its notice to be claimed again once this has passed.
CLAIM_LEASE = timedelta(minutes=15)

_SUBJECTS = {
    Kind.NEW_CASE: gettext_lazy("Peluit: new case"),
    Kind.REPORTER_MESSAGE: gettext_lazy("Peluit: new message from a reporter"),
    Kind.APPROVAL_WAITING: gettext_lazy("Peluit: waiting for your approval"),
    Kind.DEADLINE: gettext_lazy("Peluit: deadline"),
    Kind.REPORTER_NEWS: gettext_lazy("Peluit: news about your report"),
}
_SENTENCES = {
    Kind.NEW_CASE: gettext_lazy("A new report has arrived."),
    Kind.REPORTER_MESSAGE: gettext_lazy(
        "A reporter has written a new message in a case."
    ),
    Kind.APPROVAL_WAITING: gettext_lazy(
        "A decision in a case is waiting for your approval."
    ),
    Kind.DEADLINE: gettext_lazy("A deadline in a case is near or has passed."),
    Kind.REPORTER_NEWS: gettext_lazy(
        "There is news about the report you made: a reply or a change of status."
    ),
}
_ADDRESS_BOX = b"peluit-reportmail"


def notify(users: Iterable[User], kind: str, case_number: str = "") -> list[Notice]:
    """Queues one notice for each person who can receive e-mail. Someone
    named twice (through two teams, say) still gets one message."""
    people = {user.pk: user for user in users if user.is_active and user.email}
    notices = [
        Notice(recipient=person, kind=Kind(kind), case_number=case_number)
        for person in people.values()
    ]
    return Notice.objects.bulk_create(notices)


def remember_reporter_address(case, address: str) -> None:
    ReporterAddress.objects.update_or_create(
        case=case,
        defaults={
            "sealed_address": bytes(keys.box(_ADDRESS_BOX).encrypt(address.encode()))
        },
    )


def forget_reporter_address(case) -> None:
    ReporterAddress.objects.filter(case=case).delete()
    Notice.objects.filter(reporter_case=case, sent_at__isnull=True).delete()


def notify_reporter(case) -> None:
    """Queues news for a reporter who asked for it; one waiting notice is
    enough, however much happens before it goes out."""
    if not ReporterAddress.objects.filter(case=case).exists():
        return
    waiting = Notice.objects.filter(reporter_case=case, sent_at__isnull=True)
    if not waiting.exists():
        Notice.objects.create(kind=Kind.REPORTER_NEWS, reporter_case=case)


def deliver_due(now: datetime | None = None, limit: int = 100) -> int:
    """Sends up to ``limit`` notices that are due; returns how many went."""
    now = now or timezone.now()
    _forget_unreachable()

    sent = tried = 0
    while tried < limit and (notice := _claim(now)) is not None:
        tried += 1
        error = _send(notice, now)
        if error is None:
            sent += 1
        elif _relay_unusable(error):
            # The rest would fail the same way, each perhaps after a
            # timeout; they wait for the next round instead.
            break

    if sent:
        logger.info("sent %s notice(s)", sent)
    return sent


def failures() -> QuerySet[Notice]:
    """Notices not sent after at least one attempt, newest first. Those past
    the last attempt stay listed: nothing tries them again."""
    unsent = Notice.objects.filter(attempts__gt=0, sent_at__isnull=True)
    return unsent.select_related("recipient").order_by("-created_at", "-id")


def counts() -> dict[str, int]:
    unsent = Q(sent_at__isnull=True)
    return Notice.objects.aggregate(
        sent=Count("pk", filter=~unsent),
        waiting=Count("pk", filter=unsent & Q(attempts=0)),
        failed=Count("pk", filter=unsent & Q(attempts__gt=0)),
    )


def backoff(attempts: int) -> timedelta:
    """The pause after the given number of failed attempts: 1, 2, 4, 8 ...
    minutes, so a relay that is down briefly costs little delay and one
    that is down for long is not hammered."""
    return min(FIRST_BACKOFF * 2 ** (attempts - 1), MAX_BACKOFF)


def _forget_unreachable() -> None:
    # Someone deactivated, or whose address was removed, after a notice was
    # queued is no longer to hear about cases.
    unreachable = Q(recipient__is_active=False) | Q(recipient__email="")
    Notice.objects.filter(unreachable, sent_at__isnull=True).delete()


def _claim(now: datetime) -> Notice | None:
    """Takes the next due notice. Rows another worker has locked are
    skipped, and the claim moves the row's next attempt forward, so the
    message is sent without holding a lock (or, with SQLite, the whole
    database) while the relay answers."""
    due = Notice.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
    )
    with transaction.atomic():
        notice = (
            due.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "id")
            .first()
        )
        if notice is not None:
            notice.next_attempt_at = now + CLAIM_LEASE
            notice.save(update_fields=["next_attempt_at"])
    return notice


def _send(notice: Notice, now: datetime) -> Exception | None:
    try:
        subject, body = _message(notice)
        send_mail(subject, body, None, [_address(notice)])
    except Exception as error:
        # Whatever went wrong, the row records it where administrators look.
        _record_failure(notice, now, error)
        return error

    notice.sent_at = now
    notice.save(update_fields=["sent_at"])
    return None


def _address(notice: Notice) -> str:
    if notice.recipient is not None:
        return notice.recipient.email
    stored = ReporterAddress.objects.get(case=notice.reporter_case_id)
    return keys.box(_ADDRESS_BOX).decrypt(bytes(stored.sealed_address)).decode()


def _relay_unusable(error: Exception) -> bool:
    # Network and SMTP errors are all OSErrors; of those, only a refused
    # recipient is about one message rather than the relay.
    refused = isinstance(error, smtplib.SMTPRecipientsRefused)
    return isinstance(error, OSError) and not refused


def _message(notice: Notice) -> tuple[str, str]:
    # The organisation's language, whatever language a request may have
    # activated: the worker serves no request, and the text must not vary.
    with translation.override(settings.LANGUAGE_CODE):
        kind = Kind(notice.kind)
        if kind == Kind.REPORTER_NEWS:
            # No case number and no receipt: the e-mail must not lead from
            # the mailbox to the report.
            link = settings.SITE_URL + reverse("reporter:followup_login")
            paragraphs = [
                str(_SENTENCES[kind]),
                _("Open it with your receipt code here:") + "\n" + link,
                _("This e-mail holds nothing from your report."),
            ]
            return str(_SUBJECTS[kind]), "\n\n".join(paragraphs) + "\n"
        link = settings.SITE_URL + _path(notice.case_number)
        paragraphs = [
            str(_SENTENCES[kind]),
            _("Sign in to Peluit to see it:") + "\n" + link,
            _("To protect the reporter, this e-mail holds nothing from the report."),
        ]
        return str(_SUBJECTS[kind]), "\n\n".join(paragraphs) + "\n"


def _path(case_number: str) -> str:
    if case_number:
        return reverse("staff:case", args=[case_number])
    return reverse("staff:inbox")


def _record_failure(notice: Notice, now: datetime, error: Exception) -> None:
    notice.attempts += 1
    notice.next_attempt_at = now + backoff(notice.attempts)
    notice.last_error = _describe(error)[:300]
    notice.save(update_fields=["attempts", "next_attempt_at", "last_error"])
    logger.warning(
        "notice %s not sent (attempt %s): %s",
        notice.pk,
        notice.attempts,
        notice.last_error,
    )


def _describe(error: Exception) -> str:
    """The exception's class and any SMTP codes. Never its message: a
    server's reply can quote the address, and a bug's message anything."""
    codes: list[int] = []
    if isinstance(error, smtplib.SMTPResponseException):
        codes = [error.smtp_code]
    elif isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reply in error.recipients.values()]
    return " ".join([type(error).__name__, *map(str, codes)])
