"""Who works on a case, from the case page: assignment, sharing,
conflicts and exclusions, the reporter's identity, protection referrals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.cases import aftercare, identity, people
from peluit.staff import keyring
from peluit.staff.access import StaffRequest, case_for, role_required
from peluit.staff.forms import (
    DecisionForm,
    IdentityRequestForm,
    PersonForm,
    ProtectionForm,
)
from peluit.staff.views.cases import (
    _legal_advisors,
    _people_with_access,
    _render_case,
    _team_handlers,
)

readers_only = role_required(*CONTENT_ROLES)


@require_POST
@role_required(Role.SUPERVISOR)
def case_assign(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.assign")
    form = PersonForm(request.POST, people=_team_handlers(opened))
    if not form.is_valid():
        return _render_case(request, opened, status=400)

    people.assign(opened.case, opened.key, request.user, form.cleaned_data["person"])
    messages.success(request, _("Handler assigned."))
    return redirect("staff:case", number=opened.case.number)


@require_POST
@readers_only
def case_share(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.share")
    form = PersonForm(request.POST, people=_legal_advisors(opened))
    if not form.is_valid():
        return _render_case(request, opened, status=400)

    try:
        people.share_with_legal_advisor(
            opened.case, opened.key, request.user, form.cleaned_data["person"]
        )
    except people.NotAllowed:
        raise PermissionDenied from None
    messages.success(request, _("Shared with the legal advisor."))
    return redirect("staff:case", number=opened.case.number)


@require_POST
@readers_only
def case_conflict(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.conflict")
    people.declare_conflict(opened.case, request.user)
    messages.success(
        request, _("Your conflict of interest is recorded. You no longer have access.")
    )
    return redirect("staff:inbox")


@require_POST
@role_required(Role.SUPERVISOR)
def case_exclude(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.exclude")
    form = PersonForm(request.POST, people=_people_with_access(opened))
    if not form.is_valid():
        return _render_case(request, opened, status=400)

    try:
        people.exclude(opened.case, request.user, form.cleaned_data["person"])
    except people.NotAllowed:
        raise PermissionDenied from None
    messages.success(request, _("The person is excluded from this case."))
    return redirect("staff:case", number=opened.case.number)


@require_POST
@role_required(Role.HANDLER, Role.SUPERVISOR)
def case_identity_request(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.identity.request")
    form = IdentityRequestForm(request.POST)
    if not form.is_valid():
        return _render_case(request, opened, status=400, identity_form=form)

    try:
        identity.ask(opened.case, opened.key, request.user, form.cleaned_data["reason"])
    except identity.NotAllowed:
        raise PermissionDenied from None
    messages.success(request, _("Your request goes to a supervisor."))
    return redirect("staff:case", number=opened.case.number)


@require_POST
@role_required(Role.SUPERVISOR)
def case_identity_decide(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.identity.decide")
    pending = identity.open_request(opened.case)
    form = DecisionForm(request.POST)
    private = keyring.private_key(request)
    if pending is None or private is None or not form.is_valid():
        return _render_case(request, opened, status=400)

    approve = form.cleaned_data["approve"]
    try:
        identity.decide(pending, opened.key, request.user, private, approve=approve)
    except identity.NotAllowed:
        raise PermissionDenied from None
    done = _("Approved. The reporter is told first.") if approve else _("Refused.")
    messages.success(request, done)
    return redirect("staff:case", number=opened.case.number)


@require_POST
@role_required(Role.LEGAL_ADVISOR)
def case_protection(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.protection")
    form = ProtectionForm(request.POST)
    if not form.is_valid():
        return _render_case(request, opened, status=400, protection_form=form)

    aftercare.record_protection_referral(
        opened.case, opened.key, request.user, **form.cleaned_data
    )
    messages.success(request, _("Protection referral recorded."))
    return redirect("staff:case", number=opened.case.number)
