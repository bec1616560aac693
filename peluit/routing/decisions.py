"""Deciding who receives a new report.

A report goes to the team its routing rule names, and is sealed to that
team's active handlers and supervisors. When the team has nobody who can
read it, it goes to the supervisors -- unless the report is about the
Inspectorate or the head of the region, where the other supervisors are
exactly the people it must not reach; then only the recovery key holds it
until the alternate team is staffed. Either way administrators are
alerted, and the filing itself never fails.
"""

from dataclasses import dataclass, field

from peluit.accounts.models import User
from peluit.accounts.roles import INTAKE_ROLES, Role
from peluit.routing.models import Concerns, Rule, Team


@dataclass(frozen=True)
class Decision:
    team: Team | None
    rule: Rule | None
    readers: list[User] = field(default_factory=list)
    fell_back: bool = False


def route(concerns: str) -> Decision:
    rule = Rule.objects.select_related("team").filter(concerns=concerns).first()
    if rule is None:
        rule = (
            Rule.objects.select_related("team").filter(concerns=Concerns.OTHER).first()
        )
    team = rule.team if rule else None

    readers = list(readers_in(team, INTAKE_ROLES)) if team else []
    if readers:
        return Decision(team, rule, readers)
    if team is not None and team.is_alternate:
        return Decision(team, rule, [], fell_back=True)
    return Decision(team, rule, list(_all_supervisors()), fell_back=True)


def readers_in(team: Team, roles) -> list[User]:
    return list(
        active_readers()
        .filter(teams=team, grants__role__in=roles, grants__confirmed_at__isnull=False)
        .distinct()
    )


def active_readers():
    return User.objects.filter(is_active=True, public_key__isnull=False).order_by("pk")


def _all_supervisors():
    return (
        active_readers()
        .filter(grants__role=Role.SUPERVISOR, grants__confirmed_at__isnull=False)
        .distinct()
    )
