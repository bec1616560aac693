"""After a report: the reporter's channel stays open for a year after
closure, in particular to report retaliation, and legal advisors record
protection referrals."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from peluit.accounts.models import User
from peluit.cases import notices, people
from peluit.cases.models import TRANSCRIBED, Case, Event, ProtectionReferral
from peluit.cases.statuses import FINAL
from peluit.vault import content as vault

OPEN_AFTER_CLOSURE = timedelta(days=365)


def reporter_may_write(case: Case) -> bool:
    if case.status not in FINAL:
        return True
    closed = (
        case.events.filter(kind=Event.Kind.STATUS_CHANGED, to_status=case.status)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return closed is None or timezone.now() - closed <= OPEN_AFTER_CLOSURE


@transaction.atomic
def report_retaliation(case: Case, key: bytes) -> None:
    """Flags the case and brings in the team's legal advisors. The reporter
    holds the case key at this moment, so their copies are made now."""
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(
        retaliation_reported_at=now, unread_by_staff=True
    )
    Event.objects.create(case=case, at=now, kind=Event.Kind.RETALIATION)
    people.bring_in_legal_advisors(case, key)
    notices.retaliation(case)


@transaction.atomic
def record_protection_referral(
    case: Case,
    key: bytes,
    advisor: User,
    *,
    agency: str,
    referred_on: date,
    reference: str,
) -> ProtectionReferral:
    details = {"agency": agency, "reference": reference}
    referral = ProtectionReferral.objects.create(
        case=case,
        referred_on=referred_on,
        sealed_details=vault.seal(key, details),
        recorded_by=advisor,
    )
    Event.objects.create(
        case=case, at=timezone.now(), kind=Event.Kind.PROTECTION, actor=advisor
    )
    return referral


def awaits_confirmation(case: Case) -> bool:
    return case.channel in TRANSCRIBED and case.transcript_confirmed_at is None


@transaction.atomic
def confirm_transcript(case: Case) -> None:
    if not awaits_confirmation(case):
        return
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(transcript_confirmed_at=now)
    Event.objects.create(case=case, at=now, kind=Event.Kind.TRANSCRIPT_CONFIRMED)


def protection_referrals(case: Case, key: bytes) -> list[dict]:
    return [
        {
            "referred_on": referral.referred_on,
            **vault.unseal(key, referral.sealed_details),
        }
        for referral in case.protection_referrals.all()
    ]
