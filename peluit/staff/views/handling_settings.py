"""Administrators' settings for case handling: receiving teams and their
members, routing rules, deadline policies and extra days off.

Every change goes to the access trail; routing and deadlines shape who
reads which report and when it is overdue, so they are audited like any
staff action.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.cases import keys as case_keys
from peluit.deadlines.models import DeadlinePolicy, ExtraHoliday
from peluit.routing.models import Concerns, Rule, Team
from peluit.staff.access import StaffRequest, role_required
from peluit.staff.forms import (
    ExtraHolidayForm,
    PolicyForm,
    RuleForm,
    TeamForm,
    TeamMembersForm,
)

_admin_only = role_required(Role.ADMINISTRATOR)


@_admin_only
def handling_settings(request: StaffRequest) -> HttpResponse:
    rules = {rule.concerns: rule for rule in Rule.objects.select_related("team")}
    context = {
        "teams": [
            (team, TeamMembersForm(instance=team, prefix=f"team{team.pk}"))
            for team in Team.objects.prefetch_related("members")
        ],
        "team_form": TeamForm(),
        "rule_forms": [
            (label, RuleForm(instance=rules.get(value), prefix=value, concerns=value))
            for value, label in Concerns.choices
        ],
        "policy_forms": [
            (policy, PolicyForm(instance=policy, prefix=policy.kind))
            for policy in DeadlinePolicy.objects.all()
        ],
        "holidays": ExtraHoliday.objects.all(),
        "holiday_form": ExtraHolidayForm(),
    }
    return render(request, "staff/handling_settings.html", context)


@require_POST
@_admin_only
def team_create(request: StaffRequest) -> HttpResponse:
    form = TeamForm(request.POST)
    if form.is_valid():
        team = form.save()
        trail.record("team.create", actor_id=request.user.pk, target_id=team.pk)
        messages.success(request, _("Team added."))
    else:
        messages.error(request, _("A team needs a name that is not taken."))
    return redirect("staff:handling_settings")


@require_POST
@_admin_only
def team_members(request: StaffRequest, team_id: int) -> HttpResponse:
    team = get_object_or_404(Team, pk=team_id)
    before = set(team.members.all())
    form = TeamMembersForm(request.POST, instance=team, prefix=f"team{team.pk}")
    if form.is_valid():
        form.save()
        # Whoever left the team keeps no copy of its cases.
        for person in before - set(team.members.all()):
            case_keys.revoke_outside_teams(person)
        trail.record("team.members", actor_id=request.user.pk, target_id=team.pk)
        messages.success(request, _("Team members saved."))
    return redirect("staff:handling_settings")


@require_POST
@_admin_only
def rule_save(request: StaffRequest, concerns: str) -> HttpResponse:
    if concerns not in Concerns.values:
        return redirect("staff:handling_settings")
    rule = Rule.objects.filter(concerns=concerns).first()
    form = RuleForm(request.POST, instance=rule, prefix=concerns, concerns=concerns)
    if form.is_valid():
        saved = form.save()
        trail.record("routing.rule", actor_id=request.user.pk, target_id=saved.pk)
        messages.success(request, _("Routing rule saved."))
    return redirect("staff:handling_settings")


@require_POST
@_admin_only
def policy_save(request: StaffRequest, kind: str) -> HttpResponse:
    policy = get_object_or_404(DeadlinePolicy, kind=kind)
    form = PolicyForm(request.POST, instance=policy, prefix=kind)
    if form.is_valid():
        form.save()
        trail.record("deadline.policy", actor_id=request.user.pk, target_id=policy.pk)
        messages.success(request, _("Deadline saved."))
    else:
        messages.error(request, _("A deadline needs a whole number and a unit."))
    return redirect("staff:handling_settings")


@require_POST
@_admin_only
def holiday_add(request: StaffRequest) -> HttpResponse:
    form = ExtraHolidayForm(request.POST)
    if form.is_valid():
        holiday = form.save()
        trail.record("deadline.holiday", actor_id=request.user.pk, target_id=holiday.pk)
        messages.success(request, _("Day off added."))
    else:
        messages.error(request, _("Give a date that is not listed yet, and its names."))
    return redirect("staff:handling_settings")


@require_POST
@_admin_only
def holiday_delete(request: StaffRequest, holiday_id: int) -> HttpResponse:
    holiday = get_object_or_404(ExtraHoliday, pk=holiday_id)
    holiday.delete()
    trail.record(
        "deadline.holiday.delete", actor_id=request.user.pk, target_id=holiday_id
    )
    messages.success(request, _("Day off removed."))
    return redirect("staff:handling_settings")
