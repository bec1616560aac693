"""Moving a case between statuses, and the timeline that results."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from peluit.accounts.models import User
from peluit.cases.content import open_text, seal_text
from peluit.cases.models import Case, Event
from peluit.cases.statuses import Status


class NoChange(Exception):
    """The case already has the requested status."""


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    kind_label: str
    to_status: str
    to_status_label: str
    reason: str
    actor_name: str


@transaction.atomic
def change_status(
    case: Case, key: bytes, actor: User, new_status: Status, reason: str
) -> Event:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == new_status:
        raise NoChange

    now = timezone.now()
    event = Event.objects.create(
        case=case,
        at=now,
        kind=Event.Kind.STATUS_CHANGED,
        actor=actor,
        from_status=case.status,
        to_status=new_status,
        sealed_reason=seal_text(key, reason),
    )
    case.status = new_status
    case.updated_at = now
    case.save(update_fields=["status", "updated_at"])
    return event


def timeline(case: Case, key: bytes, *, for_staff: bool) -> list[TimelineEntry]:
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
        )
        for event in case.events.select_related("actor")
    ]
