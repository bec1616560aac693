"""Cases and what belongs to them.

Plain columns hold only what deadlines and statistics need (dates,
status, category, channel). Everything a person wrote is in the
``sealed`` columns, readable only through ``peluit.vault.content``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from peluit.cases.statuses import Status
from peluit.routing.models import Concerns


class Category(models.Model):
    name_id = models.CharField(_("name (Indonesian)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveIntegerField(_("position in the list"), default=0)
    is_active = models.BooleanField(_("offered on the report form"), default=True)

    class Meta:
        ordering = ["position", "name_id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_id


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    PHONE = "phone", _("Telephone")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    IN_PERSON = "in_person", _("In person")


# Channels where staff wrote down what the reporter said: the reporter is
# asked to read the transcript and confirm or correct it.
TRANSCRIBED = frozenset({Channel.PHONE, Channel.IN_PERSON})


class Case(models.Model):
    # A short random reference for staff; unrelated to the receipt and to
    # the order of submission, so it reveals neither.
    number = models.CharField(max_length=16, unique=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    status = models.CharField(
        max_length=32, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    is_anonymous = models.BooleanField(default=True)
    # Routing metadata: what the reporter said the report concerns, the
    # team it went to, and the handler responsible for it.
    concerns = models.CharField(
        max_length=32, choices=Concerns.choices, default=Concerns.OTHER
    )
    team = models.ForeignKey("routing.Team", null=True, on_delete=models.PROTECT)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )

    # The case key, three ways: for the reporter (under a key derived from
    # the receipt), for the organisation's offline recovery key, and, in
    # CaseAccess, for each staff member who may read the case.
    reporter_sealed_key = models.BinaryField()
    recovery_sealed_key = models.BinaryField(null=True)
    recovery_key = models.ForeignKey(
        "vault.RecoveryKey", null=True, on_delete=models.PROTECT
    )

    receipt_lookup = models.BinaryField(max_length=32, unique=True)
    # Hash of the form's one-time nonce, so a resubmitted form (a double
    # click, a reload) cannot file the same report twice.
    submission_nonce = models.CharField(max_length=64, unique=True)
    sealed_report = models.BinaryField()
    unread_by_staff = models.BooleanField(default=False, db_index=True)
    # Set when the reporter says they face retaliation; cleared by nobody,
    # so the flag stays on the case for the legal advisors.
    retaliation_reported_at = models.DateTimeField(null=True, db_index=True)
    transcript_confirmed_at = models.DateTimeField(null=True)
    # A reporter's name and contact, sealed apart from the report under a
    # key of its own that handlers do not hold (see peluit.cases.identity).
    sealed_identity = models.BinaryField(null=True)
    reporter_sealed_identity_key = models.BinaryField(null=True)
    recovery_sealed_identity_key = models.BinaryField(null=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return self.number


class CaseAccess(models.Model):
    """A staff member's copy of the case key, sealed to their public key.

    An empty ``sealed_key`` marks access that was lost with a forgotten
    password and waits to be granted again with the recovery key.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="access")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_access"
    )
    sealed_key = models.BinaryField(null=True)
    granted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="one_copy_per_person")
        ]


class Message(models.Model):
    class Author(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        STAFF = "staff", _("Staff")
        SYSTEM = "system", _("Peluit")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    created_at = models.DateTimeField()
    author = models.CharField(max_length=16, choices=Author.choices)
    staff_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT
    )
    # Internal notes are for staff only and never reach the reporter.
    is_internal = models.BooleanField(default=False)
    # A question to the reporter stays highlighted for them until they answer.
    is_question = models.BooleanField(default=False)
    sealed_body = models.BinaryField()
    read_by_reporter = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, on_delete=models.CASCADE, related_name="attachments"
    )
    created_at = models.DateTimeField()
    from_reporter = models.BooleanField(default=True)
    storage_name = models.CharField(max_length=255, unique=True)
    # File name, type, size, digest and file key, sealed with the case key.
    sealed_details = models.BinaryField()

    class Meta:
        ordering = ["created_at", "id"]


class Event(models.Model):
    """A lifecycle event of a case: registered, status changed, and later
    referred or closed. Kept as records of their own so that timelines,
    statistics and a public log can all be built from them."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("Report received")
        ROUTED = "routed", _("Sent to a team")
        ASSIGNED = "assigned", _("Handler assigned")
        STATUS_CHANGED = "status_changed", _("Status changed")
        CLOSURE_PROPOSED = "closure_proposed", _("Closure proposed")
        CLOSURE_REFUSED = "closure_refused", _("Closure refused")
        CONFLICT_DECLARED = "conflict_declared", _("Conflict of interest declared")
        EXCLUDED = "excluded", _("Person excluded from the case")
        SHARED = "shared", _("Shared with a legal advisor")
        RETALIATION = "retaliation", _("Reporter reported retaliation")
        PROTECTION = "protection", _("Protection referral recorded")
        ESCALATED = "escalated", _("Deadline missed, escalated")
        TRANSCRIPT_CONFIRMED = (
            "transcript_confirmed",
            _("Reporter confirmed the transcript"),
        )
        IDENTITY_REQUESTED = "identity_requested", _("Reporter's identity requested")
        IDENTITY_APPROVED = "identity_approved", _("Identity request approved")
        IDENTITY_REFUSED = "identity_refused", _("Identity request refused")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    kind = models.CharField(max_length=32, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT
    )
    from_status = models.CharField(max_length=32, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=32, choices=Status.choices, blank=True)
    # Whom the event concerns (the assigned handler, the excluded person),
    # and the explanation written for the reporter, sealed like any content.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    sealed_reason = models.BinaryField(null=True)

    class Meta:
        ordering = ["at", "id"]


class Referral(models.Model):
    """Where a case was referred, kept as plain metadata for statistics."""

    class Agency(models.TextChoices):
        POLICE = "kepolisian", _("Police (Kepolisian)")
        PROSECUTOR = "kejaksaan", _("Prosecutor's office (Kejaksaan)")
        KPK = "kpk", _("Corruption Eradication Commission (KPK)")
        BPK = "bpk", _("Audit Board (BPK)")
        OTHER_APIP = "apip", _("Internal auditor of another agency (APIP)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    agency = models.CharField(max_length=32, choices=Agency.choices)
    referred_on = models.DateField()
    # The letter's reference number says more than statistics need.
    sealed_reference = models.BinaryField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)


class ClosureProposal(models.Model):
    """A handler's proposal to close or reject a case, waiting for a
    supervisor who is not the proposer."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="proposals")
    target_status = models.CharField(max_length=32, choices=Status.choices)
    sealed_reason = models.BinaryField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True)
    approved = models.BooleanField(null=True)

    class Meta:
        ordering = ["-proposed_at"]


class Exclusion(models.Model):
    """Someone who must not see the case: they declared a conflict of
    interest, or a supervisor excluded them. They lose their copy of the
    key and can never be given one again."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exclusions"
    )
    declared_by_self = models.BooleanField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="excluded_once")
        ]


class ProtectionReferral(models.Model):
    """A referral of the reporter for protection, such as to the LPSK
    (Lembaga Perlindungan Saksi dan Korban)."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="protection_referrals"
    )
    referred_on = models.DateField()
    # Agency and reference, as written, sealed with the case key.
    sealed_details = models.BinaryField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)


class IdentityAccess(models.Model):
    """A copy of a case's identity key, sealed to one staff member. Shown to
    them only from ``visible_from``: the reporter is told first."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sealed_key = models.BinaryField()
    visible_from = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="one_identity_copy")
        ]


class IdentityRequest(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="identity_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    sealed_reason = models.BinaryField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True)
    approved = models.BooleanField(null=True)
