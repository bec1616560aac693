"""The auditor's view: case metadata and the access trail, never content."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.audit.models import Entry
from peluit.cases.models import Case
from peluit.staff.access import StaffRequest, role_required

TRAIL_PAGE_SIZE = 100


@require_GET
@role_required(Role.AUDITOR)
def audit(request: StaffRequest) -> HttpResponse:
    cases = Case.objects.select_related("category", "team", "assignee")
    case_page = Paginator(cases, 50).get_page(request.GET.get("cases"))
    entries = Entry.objects.using("audit").order_by("-id")
    entry_page = Paginator(entries, TRAIL_PAGE_SIZE).get_page(request.GET.get("trail"))

    trail.record("audit.view", actor_id=request.user.pk)
    shown = list(entry_page)
    people = User.objects.filter(pk__in={e.actor_id for e in shown})
    cases_named = Case.objects.filter(pk__in={e.case_id for e in shown})
    names: dict[int | None, str] = dict(people.values_list("pk", "username"))
    numbers: dict[int | None, str] = dict(cases_named.values_list("pk", "number"))
    rows = [
        {
            "entry": entry,
            "actor": names.get(entry.actor_id, ""),
            "case": numbers.get(entry.case_id, ""),
        }
        for entry in shown
    ]
    context = {
        "case_page": case_page,
        "entry_page": entry_page,
        "rows": rows,
        "broken": trail.verify(),
    }
    return render(request, "staff/audit.html", context)
