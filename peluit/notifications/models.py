"""The outbox: one row for each e-mail owed to a staff member.

A row names the person, what happened and at most a case number. The
message is written only when it is sent, from fixed text, so nothing a
reporter wrote is ever stored here or put into an e-mail.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_ATTEMPTS = 10


class Kind(models.TextChoices):
    NEW_CASE = "new_case", _("New case")
    REPORTER_MESSAGE = "reporter_message", _("Message from a reporter")
    APPROVAL_WAITING = "approval_waiting", _("Approval waiting")
    DEADLINE = "deadline", _("Deadline")
    REPORTER_NEWS = "reporter_news", _("News for a reporter who asked for e-mail")


class Notice(models.Model):
    # A staff member, or -- for REPORTER_NEWS -- the reporter of a case who
    # left an address (see ReporterAddress).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    reporter_case = models.ForeignKey(
        "cases.Case", null=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    case_number = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True)
    # The exception's class and the SMTP code only: a server's reply text
    # may quote the recipient's address.
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def will_retry(self) -> bool:
        return self.sent_at is None and self.attempts < MAX_ATTEMPTS


class ReporterAddress(models.Model):
    """An address a reporter chose to leave for news of their report.

    Sealed with a server key, not the case key: the worker must be able to
    send to it without anyone's key online. So unlike the report it is
    readable by whoever holds the server's secrets -- the form says so.
    """

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE)
    sealed_address = models.BinaryField()
