"""Where each case stands against its deadlines, from stored dates only.

Nothing here is remembered between calls: due dates come from the date a
case was filed and the policies, and whether a deadline was met from the
case's own messages and events. A restart, or another worker, gives the
same answer.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from peluit.cases.models import Case, Event, Message
from peluit.cases.statuses import FINAL, Status
from peluit.deadlines.calendar import due_date
from peluit.deadlines.models import DeadlinePolicy, Kind

_SUBSTANTIVE = {Status.INVESTIGATION, Status.REFERRED, *FINAL}
_OUTCOME = {Status.REFERRED, *FINAL}
DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class Deadline:
    kind: str
    label: str
    due: date
    met_at: datetime | None

    @property
    def overdue(self) -> bool:
        return self.met_at is None and timezone.localdate() > self.due

    @property
    def due_soon(self) -> bool:
        days_left = (self.due - timezone.localdate()).days
        return self.met_at is None and 0 <= days_left <= DUE_SOON_DAYS


def deadlines_for(
    case: Case, policies: list[DeadlinePolicy] | None = None
) -> list[Deadline]:
    start = timezone.localtime(case.created_at).date()
    met = {
        Kind.ACKNOWLEDGE: _acknowledged_at(case),
        Kind.FIRST_FEEDBACK: _first_status_at(case, _SUBSTANTIVE),
        Kind.OUTCOME: _first_status_at(case, _OUTCOME),
    }
    return [
        Deadline(
            kind=policy.kind,
            label=str(policy.get_kind_display()),
            due=due_date(start, policy),
            met_at=met.get(Kind(policy.kind)),
        )
        for policy in policies or list(DeadlinePolicy.objects.all())
    ]


def _acknowledged_at(case: Case) -> datetime | None:
    """A person answered: a handler's message to the reporter or a status
    change. Peluit's automatic acknowledgement does not count."""
    replied = (
        case.messages.filter(author=Message.Author.STAFF, is_internal=False)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    moved = _first_status_at(case, set(Status.values))
    return min((at for at in (replied, moved) if at is not None), default=None)


def _first_status_at(case: Case, statuses: set) -> datetime | None:
    return (
        case.events.filter(kind=Event.Kind.STATUS_CHANGED, to_status__in=statuses)
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )
