"""Whom to tell about what happens in a case. The notices carry a link and
the case number only; see peluit.notifications."""

from django.utils import timezone

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.cases.models import Case, IdentityAccess
from peluit.notifications import outbox
from peluit.notifications.models import Kind


def holders(case: Case, role: Role | None = None) -> list[User]:
    people = User.objects.filter(
        case_access__case=case, case_access__sealed_key__isnull=False, is_active=True
    )
    if role is not None:
        people = people.filter(grants__role=role, grants__confirmed_at__isnull=False)
    return list(people.distinct())


def new_case(case: Case) -> None:
    outbox.notify(holders(case), Kind.NEW_CASE, case.number)


def reporter_wrote(case: Case) -> None:
    # The assigned handler if there is one, otherwise everyone holding it.
    # While an identity disclosure is pending the supervisors hear too: the
    # reporter may be writing to object to it.
    people = [case.assignee] if case.assignee else holders(case)
    pending = IdentityAccess.objects.filter(case=case, visible_from__gt=timezone.now())
    if pending.exists():
        people += holders(case, Role.SUPERVISOR)
    outbox.notify(people, Kind.REPORTER_MESSAGE, case.number)


def retaliation(case: Case) -> None:
    people = holders(case, Role.LEGAL_ADVISOR) + holders(case, Role.SUPERVISOR)
    outbox.notify(people, Kind.REPORTER_MESSAGE, case.number)


def approval_waiting(case: Case) -> None:
    outbox.notify(holders(case, Role.SUPERVISOR), Kind.APPROVAL_WAITING, case.number)


def news_for_reporter(case: Case) -> None:
    outbox.notify_reporter(case)


def deadline_missed(case: Case) -> None:
    outbox.notify(holders(case, Role.SUPERVISOR), Kind.DEADLINE, case.number)


def deadline_missed_long(case: Case) -> None:
    """A week on, the alternate team's supervisors hear of it too: they are
    outside the team that let it slip. They learn the case number and that
    it is overdue; reading it takes a copy from someone who holds it."""
    alternate = User.objects.filter(
        teams__is_alternate=True,
        grants__role=Role.SUPERVISOR,
        grants__confirmed_at__isnull=False,
        is_active=True,
    ).distinct()
    outbox.notify(alternate, Kind.DEADLINE, case.number)
