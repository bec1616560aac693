"""Supervisors' oversight: deadlines across cases, cases at risk of being
stranded, and handing a leaving colleague's cases over."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.cases import keys as case_keys
from peluit.cases import people
from peluit.cases.models import Case
from peluit.cases.statuses import FINAL
from peluit.deadlines import escalation
from peluit.deadlines.models import DeadlinePolicy
from peluit.deadlines.tracking import deadlines_for
from peluit.routing import decisions
from peluit.staff import keyring
from peluit.staff.access import StaffRequest, readable_cases, role_required
from peluit.staff.forms import HandoverForm

PAGE_SIZE = 50


@role_required(Role.SUPERVISOR, Role.AUDITOR)
def deadlines(request: StaffRequest) -> HttpResponse:
    # Auditors see deadlines across every case (metadata only); supervisors
    # see the cases they hold a key for.
    if request.user.has_role(Role.SUPERVISOR):
        cases = readable_cases(request)
    else:
        cases = Case.objects.select_related("category")
    cases = cases.exclude(status__in=FINAL).select_related("assignee", "team")
    page = Paginator(cases.order_by("created_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )

    trail.record("deadlines.view", actor_id=request.user.pk)
    policies = list(DeadlinePolicy.objects.all())
    rows = [
        {
            "case": case,
            "deadlines": deadlines_for(case, policies),
            "level": escalation.level_of(case),
        }
        for case in page
    ]
    context = {
        "rows": rows,
        "page": page,
        "at_risk": escalation.at_risk().values_list("number", flat=True)[:200],
        "handover_form": HandoverForm(people=_colleagues(), handlers=_handlers()),
    }
    return render(request, "staff/deadlines.html", context)


@require_POST
@role_required(Role.SUPERVISOR)
def handover(request: StaffRequest) -> HttpResponse:
    form = HandoverForm(request.POST, people=_colleagues(), handlers=_handlers())
    if not form.is_valid():
        messages.error(request, _("Choose who leaves and who takes over."))
        return redirect("staff:deadlines")

    leaving, successor = form.cleaned_data["leaving"], form.cleaned_data["successor"]
    moved, stuck = _hand_over(request, leaving, successor)
    trail.record("cases.handover", actor_id=request.user.pk, target_id=leaving.pk)
    messages.success(
        request,
        ngettext("%(count)d case handed over.", "%(count)d cases handed over.", moved)
        % {"count": moved},
    )
    if stuck:
        messages.error(
            request,
            _(
                "You hold no key for these cases; another supervisor must hand them "
                "over: %(numbers)s"
            )
            % {"numbers": ", ".join(stuck)},
        )
    return redirect("staff:deadlines")


def _hand_over(request: StaffRequest, leaving: User, successor: User):
    cases = Case.objects.filter(
        Q(assignee=leaving) | Q(access__user=leaving), ~Q(status__in=FINAL)
    ).distinct()
    moved, stuck = 0, []
    for case in cases:
        try:
            key = keyring.case_key(request, case)
            people.assign(case, key, request.user, successor)
        except (case_keys.NoAccess, people.NotAllowed):
            stuck.append(case.number)
            continue
        moved += 1
    return moved, stuck


def _colleagues():
    return User.objects.filter(
        grants__role__in=[Role.HANDLER, Role.SUPERVISOR]
    ).distinct()


def _handlers():
    return (
        decisions.active_readers()
        .filter(grants__role=Role.HANDLER, grants__confirmed_at__isnull=False)
        .distinct()
    )
