"""Raising missed deadlines, run by the background worker.

Level 1, as soon as a deadline is missed: the case's supervisors. Level 2,
a week later if it is still missed: the alternate team's supervisors are
told, and administrators get an alert. Both are recorded on the case, and
each is raised once, however often the check runs.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from peluit.cases import notices
from peluit.cases.models import Case, CaseAccess, Event
from peluit.cases.statuses import FINAL
from peluit.deadlines.models import DeadlinePolicy, Escalation
from peluit.deadlines.tracking import deadlines_for
from peluit.routing.models import Alert

SECOND_LEVEL_AFTER = timedelta(days=7)


def check_all(today: date | None = None) -> int:
    today = today or timezone.localdate()
    policies = list(DeadlinePolicy.objects.all())
    raised = 0
    for case in Case.objects.exclude(status__in=FINAL).iterator():
        for deadline in deadlines_for(case, policies):
            if deadline.met_at is not None or today <= deadline.due:
                continue
            raised += _raise(case, deadline.kind, 1)
            if today > deadline.due + SECOND_LEVEL_AFTER:
                raised += _raise(case, deadline.kind, 2)
    return raised


def level_of(case: Case) -> int:
    levels = Escalation.objects.filter(case=case).values_list("level", flat=True)
    return max(levels, default=0)


def at_risk():
    """Open cases that no active person can open: nobody holds a usable
    copy of the key. They need the recovery key holders."""
    readable = CaseAccess.objects.filter(
        case=OuterRef("pk"), user__is_active=True, sealed_key__isnull=False
    )
    return Case.objects.exclude(status__in=FINAL).exclude(Exists(readable))


def _raise(case: Case, kind: str, level: int) -> int:
    try:
        with transaction.atomic():
            now = timezone.now()
            Escalation.objects.create(case=case, kind=kind, level=level, at=now)
            Event.objects.create(case=case, at=now, kind=Event.Kind.ESCALATED)
            notices.deadline_missed(case)
            if level == 2:
                Alert.objects.create(kind=Alert.Kind.OVERDUE, case_number=case.number)
                notices.deadline_missed_long(case)
    except IntegrityError:
        return 0  # raised before, by this or another worker
    return 1
