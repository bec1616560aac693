"""Who works on a case: assignment, sharing, conflicts and exclusions."""

from django.db import transaction
from django.utils import timezone

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.cases import keys as case_keys
from peluit.cases.models import Case, Event, Exclusion, IdentityAccess
from peluit.routing import decisions


class NotAllowed(Exception):
    pass


@transaction.atomic
def assign(case: Case, key: bytes, supervisor: User, handler: User) -> None:
    if not supervisor.has_role(Role.SUPERVISOR) or not handler.has_role(Role.HANDLER):
        raise NotAllowed
    _require_team_member(case, handler)
    _give_copy(case, key, handler)
    case.assignee = handler
    case.save(update_fields=["assignee"])
    _event(case, Event.Kind.ASSIGNED, supervisor, handler)


@transaction.atomic
def share_with_legal_advisor(
    case: Case, key: bytes, actor: User, advisor: User
) -> None:
    if not advisor.has_role(Role.LEGAL_ADVISOR):
        raise NotAllowed
    _require_team_member(case, advisor)
    _give_copy(case, key, advisor)
    _event(case, Event.Kind.SHARED, actor, advisor)


@transaction.atomic
def declare_conflict(case: Case, person: User) -> None:
    """The person loses their copy of the key at once and can never be
    given one again for this case."""
    _exclude(case, person, by=person)
    _event(case, Event.Kind.CONFLICT_DECLARED, person, person)


@transaction.atomic
def exclude(case: Case, supervisor: User, person: User) -> None:
    if not supervisor.has_role(Role.SUPERVISOR) or supervisor == person:
        raise NotAllowed
    _exclude(case, person, by=supervisor)
    _event(case, Event.Kind.EXCLUDED, supervisor, person)


def bring_in_legal_advisors(case: Case, key: bytes) -> list[User]:
    """Gives the case team's legal advisors a copy, for whoever holds the
    key right now (a handler moving the case, a reporter reporting
    retaliation). Returns those who got a new copy; the excluded get none."""
    team = case.team
    advisors = decisions.readers_in(team, {Role.LEGAL_ADVISOR}) if team else []
    added = []
    for advisor in advisors:
        if case_keys.has_access(case, advisor):
            continue
        try:
            case_keys.grant(case, key, advisor)
        except case_keys.NoAccess:
            continue  # excluded from this case
        added.append(advisor)
    return added


def _require_team_member(case: Case, person: User) -> None:
    """A case stays within its team: a report about the Inspectorate must
    never be handed or shown to the Inspectorate's own people."""
    if case.team_id is None or not person.teams.filter(pk=case.team_id).exists():
        raise NotAllowed


def _give_copy(case: Case, key: bytes, person: User) -> None:
    if not case_keys.has_access(case, person):
        try:
            case_keys.grant(case, key, person)
        except case_keys.NoAccess as error:
            raise NotAllowed from error


def _exclude(case: Case, person: User, *, by: User) -> None:
    Exclusion.objects.get_or_create(
        case=case,
        user=person,
        defaults={"declared_by_self": by == person, "by": by, "at": timezone.now()},
    )
    case_keys.revoke(case, person)
    IdentityAccess.objects.filter(case=case, user=person).delete()
    if case.assignee_id == person.pk:
        case.assignee = None
        case.save(update_fields=["assignee"])


def _event(case: Case, kind: str, actor: User, subject: User) -> None:
    Event.objects.create(
        case=case, at=timezone.now(), kind=kind, actor=actor, subject=subject
    )
