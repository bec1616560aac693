"""Moving a case between statuses, four-eyes closure, and the timeline.

Every move records who, when and a reason the reporter can read. Closing
or rejecting a case is proposed by one person and approved by a
supervisor who is someone else.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.cases import notices, people
from peluit.cases.content import open_text, seal_text
from peluit.cases.models import Case, ClosureProposal, Event, Referral
from peluit.cases.statuses import NEXT, Status, needs_approval


class NoChange(Exception):
    """The case already has the requested status."""


class NotAllowed(Exception):
    """This move is not possible from the case's status, or not by this
    person (a closure by its own proposer, for one)."""


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    kind_label: str
    to_status: str
    to_status_label: str
    reason: str
    actor_name: str
    subject_name: str = ""


@transaction.atomic
def change_status(
    case: Case, key: bytes, actor: User, new_status: Status, reason: str
) -> Event:
    """A move that needs no second person (not a closure or rejection)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_move(case, new_status)
    if needs_approval(new_status):
        raise NotAllowed
    return _move(case, key, actor, new_status, seal_text(key, reason))


@transaction.atomic
def refer(
    case: Case,
    key: bytes,
    actor: User,
    *,
    agency: str,
    referred_on: date,
    reference: str,
    reason: str,
) -> Event:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_move(case, Status.REFERRED)
    Referral.objects.create(
        case=case,
        agency=agency,
        referred_on=referred_on,
        sealed_reference=seal_text(key, reference),
        recorded_by=actor,
    )
    return _move(case, key, actor, Status.REFERRED, seal_text(key, reason))


@transaction.atomic
def propose_closure(
    case: Case, key: bytes, proposer: User, target: Status, reason: str
) -> ClosureProposal:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_move(case, target)
    if not needs_approval(target) or pending_proposal(case) is not None:
        raise NotAllowed

    now = timezone.now()
    Event.objects.create(
        case=case,
        at=now,
        kind=Event.Kind.CLOSURE_PROPOSED,
        actor=proposer,
        to_status=target,
    )
    proposal = ClosureProposal.objects.create(
        case=case,
        target_status=target,
        sealed_reason=seal_text(key, reason),
        proposed_by=proposer,
        proposed_at=now,
    )
    notices.approval_waiting(case)
    return proposal


@transaction.atomic
def decide_closure(
    proposal: ClosureProposal, key: bytes, decider: User, *, approve: bool
) -> None:
    proposal = ClosureProposal.objects.select_for_update().get(pk=proposal.pk)
    if (
        proposal.decided_at is not None
        or proposal.proposed_by_id == decider.pk
        or not decider.has_role(Role.SUPERVISOR)
    ):
        raise NotAllowed

    proposal.decided_by, proposal.decided_at = decider, timezone.now()
    proposal.approved = approve
    proposal.save(update_fields=["decided_by", "decided_at", "approved"])
    case = Case.objects.select_for_update().get(pk=proposal.case_id)
    if not approve:
        Event.objects.create(
            case=case,
            at=proposal.decided_at,
            kind=Event.Kind.CLOSURE_REFUSED,
            actor=decider,
        )
        return
    _check_move(case, Status(proposal.target_status))
    _move(case, key, decider, Status(proposal.target_status), proposal.sealed_reason)


def referrals(case: Case, key: bytes) -> list[dict]:
    return [
        {
            "agency": referral.get_agency_display(),
            "referred_on": referral.referred_on,
            "reference": open_text(key, referral.sealed_reference),
        }
        for referral in case.referrals.all()
    ]


def pending_proposal(case: Case) -> ClosureProposal | None:
    return case.proposals.filter(decided_at__isnull=True).first()


def allowed_moves(case: Case) -> list[Status]:
    return [Status(value) for value in Status.values if value in NEXT[case.status]]


def timeline(case: Case, key: bytes, *, for_staff: bool) -> list[TimelineEntry]:
    events = case.events.select_related("actor")
    if not for_staff:
        events = events.filter(
            kind__in=[Event.Kind.REGISTERED, Event.Kind.STATUS_CHANGED]
        )
    return [
        TimelineEntry(
            at=event.at,
            kind=event.kind,
            kind_label=str(event.get_kind_display()),
            to_status=event.to_status,
            to_status_label=str(event.get_to_status_display())
            if event.to_status
            else "",
            reason=open_text(key, event.sealed_reason),
            # Reporters never learn who handles their case.
            actor_name=str(event.actor) if for_staff and event.actor else "",
            subject_name=str(event.subject) if for_staff and event.subject else "",
        )
        for event in events.select_related("subject")
    ]


def _check_move(case: Case, new_status: Status) -> None:
    if case.status == new_status:
        raise NoChange
    if new_status not in NEXT[case.status]:
        raise NotAllowed


def _move(
    case: Case, key: bytes, actor: User, new_status: Status, sealed_reason: bytes
) -> Event:
    now = timezone.now()
    event = Event.objects.create(
        case=case,
        at=now,
        kind=Event.Kind.STATUS_CHANGED,
        actor=actor,
        from_status=case.status,
        to_status=new_status,
        sealed_reason=sealed_reason,
    )
    case.status = new_status
    case.updated_at = now
    case.save(update_fields=["status", "updated_at"])
    notices.news_for_reporter(case)
    _add_people_for(case, key, actor, new_status)
    return event


def _add_people_for(case: Case, key: bytes, actor: User, new_status: Status) -> None:
    """Status changes can bring people in, as the team's routing rule says
    (moving to investigation adds its legal advisors, by default). The
    person moving the case holds the key, so the copies are made now."""
    team = case.team
    rule = team.rule_set.first() if team else None
    if team is None or rule is None or rule.legal_advisors_join_at != new_status:
        return
    for advisor in people.bring_in_legal_advisors(case, key):
        Event.objects.create(
            case=case,
            at=timezone.now(),
            kind=Event.Kind.SHARED,
            actor=actor,
            subject=advisor,
        )
