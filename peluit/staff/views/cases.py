"""The inbox and the case page, for everyone who reads reports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peluit.accounts import services
from peluit.accounts.models import User
from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.audit import trail
from peluit.cases import aftercare, conversation, evidence, identity, workflow
from peluit.cases import keys as case_keys
from peluit.cases.content import open_report, open_text
from peluit.cases.models import ClosureProposal
from peluit.cases.statuses import Status, needs_approval
from peluit.routing import decisions
from peluit.staff import keyring
from peluit.staff.access import (
    OpenCase,
    StaffRequest,
    attachment_for,
    case_for,
    readable_cases,
    role_required,
)
from peluit.staff.forms import (
    DecisionForm,
    IdentityRequestForm,
    InboxFilter,
    MessageForm,
    PersonForm,
    ProtectionForm,
    ReplyForm,
    StatusForm,
)

INBOX_PAGE_SIZE = 50
readers_only = role_required(*CONTENT_ROLES)


@require_GET
@readers_only
def inbox(request: StaffRequest) -> HttpResponse:
    filters = InboxFilter(request.GET or None)
    cases = _filtered(request, readable_cases(request), filters)
    page = Paginator(cases, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))

    trail.record("inbox.view", actor_id=request.user.pk)
    rows = [
        {
            "case": case,
            "title": open_report(case, keyring.case_key(request, case)).title,
        }
        for case in page
    ]
    context = {
        "pending": services.pending_confirmations()
        .exclude(user=request.user)
        .select_related("user"),
        "awaiting_approval": _awaiting_my_approval(request),
        "filters": filters,
        "page": page,
        "rows": rows,
        "query": _query_without_page(request),
    }
    return render(request, "staff/inbox.html", context)


@require_GET
@readers_only
def case_detail(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number)
    case_keys.add_missing_recovery_copy(opened.case, opened.key)

    response = _render_case(request, opened)
    conversation.mark_read_by_staff(opened.case)
    return response


@require_POST
@role_required(Role.HANDLER, Role.SUPERVISOR)
def case_reply(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.reply")
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _render_case(request, opened, status=400, reply_form=form)

    conversation.add_staff_message(
        opened.case,
        opened.key,
        request.user,
        form.cleaned_data["body"].strip(),
        internal=False,
        question=form.cleaned_data["question"],
    )
    messages.success(request, _("Message sent to the reporter."))
    return redirect("staff:case", number=opened.case.number)


@require_POST
@readers_only
def case_note(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.note")
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _render_case(request, opened, status=400, note_form=form)

    conversation.add_staff_message(
        opened.case,
        opened.key,
        request.user,
        form.cleaned_data["body"].strip(),
        internal=True,
    )
    messages.success(request, _("Note saved."))
    return redirect("staff:case", number=opened.case.number)


@require_POST
@role_required(Role.HANDLER, Role.SUPERVISOR)
def case_status(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.status")
    form = StatusForm(request.POST, moves=workflow.allowed_moves(opened.case))
    if not form.is_valid():
        return _render_case(request, opened, status_form=form, status=400)

    try:
        done = _apply_move(request, opened, form.cleaned_data)
    except workflow.NoChange:
        form.add_error("status", _("The case already has this status."))
    except workflow.NotAllowed:
        form.add_error("status", _("This change is not possible now."))
    else:
        messages.success(request, done)
        return redirect("staff:case", number=opened.case.number)
    return _render_case(request, opened, status_form=form, status=400)


@require_POST
@role_required(Role.SUPERVISOR)
def case_decide(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.decide")
    proposal = get_object_or_404(
        ClosureProposal, case=opened.case, decided_at__isnull=True
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _render_case(request, opened, status=400)

    approve = form.cleaned_data["approve"]
    try:
        workflow.decide_closure(proposal, opened.key, request.user, approve=approve)
    except workflow.NotAllowed:
        raise PermissionDenied from None
    messages.success(
        request, _("Closure approved.") if approve else _("Closure refused.")
    )
    return redirect("staff:case", number=opened.case.number)


@require_GET
@readers_only
def attachment_download(
    request: StaffRequest, number: str, attachment_id: int
) -> StreamingHttpResponse:
    opened, attachment = attachment_for(request, number, attachment_id)
    shown = evidence.details(attachment, opened.key)

    # Always a download, never rendered: evidence may be hostile HTML, SVG
    # or PDF. The sandbox policy covers a browser that renders it anyway.
    response = StreamingHttpResponse(
        evidence.open_stream(attachment, opened.key),
        content_type="application/octet-stream",
    )
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=shown.name)
        or "attachment"
    )
    response["Content-Length"] = str(shown.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _apply_move(request: StaffRequest, opened: OpenCase, data: dict) -> str:
    target = Status(data["status"])
    if needs_approval(target):
        workflow.propose_closure(
            opened.case, opened.key, request.user, target, data["reason"]
        )
        return _("Proposed. A supervisor must approve it.")
    if target == Status.REFERRED:
        workflow.refer(
            opened.case,
            opened.key,
            request.user,
            agency=data["agency"],
            referred_on=data["referred_on"],
            reference=data["reference"],
            reason=data["reason"],
        )
        return _("Referral recorded.")
    workflow.change_status(
        opened.case, opened.key, request.user, target, data["reason"]
    )
    return _("Status changed.")


def _render_case(
    request: StaffRequest, opened: OpenCase, *, status: int = 200, **forms
) -> HttpResponse:
    case, key = opened.case, opened.key
    shown_messages = conversation.for_staff(case, key)
    private = keyring.private_key(request)
    identity_request = identity.open_request(case)
    report_files = case.attachments.filter(message__isnull=True)
    proposal = workflow.pending_proposal(case)
    moves = workflow.allowed_moves(case)
    context = {
        "case": case,
        "report": open_report(case, key),
        "report_files": [evidence.details(item, key) for item in report_files],
        "conversation": [m for m in shown_messages if not m.is_internal],
        "notes": [m for m in shown_messages if m.is_internal],
        "timeline": workflow.timeline(case, key, for_staff=True),
        "proposal": proposal,
        "proposal_reason": open_text(key, proposal.sealed_reason) if proposal else "",
        "can_decide": proposal is not None
        and proposal.proposed_by_id != request.user.pk
        and request.user.has_role(Role.SUPERVISOR),
        "is_supervisor": request.user.has_role(Role.SUPERVISOR),
        # Legal advisors advise: they read, note and record protection, but
        # do not write to the reporter or move the case.
        "works_the_case": request.user.has_role(Role.HANDLER)
        or request.user.has_role(Role.SUPERVISOR),
        "identity": identity.for_staff(case, request.user, private)
        if private
        else None,
        "identity_pending": identity.pending_copy(case, request.user),
        "identity_request": identity_request,
        "identity_reason": open_text(key, identity_request.sealed_reason)
        if identity_request
        else "",
        "identity_form": forms.get("identity_form", IdentityRequestForm()),
        "referrals": workflow.referrals(case, key),
        "protection_referrals": aftercare.protection_referrals(case, key),
        "is_legal_advisor": request.user.has_role(Role.LEGAL_ADVISOR),
        "protection_form": forms.get("protection_form", ProtectionForm()),
        "reply_form": forms.get("reply_form", ReplyForm()),
        "note_form": forms.get("note_form", MessageForm()),
        "status_form": forms.get("status_form", StatusForm(moves=moves))
        if moves
        else None,
        "assign_form": PersonForm(
            people=_team_handlers(opened), label=_("Handler to assign")
        ),
        "share_form": PersonForm(
            people=_legal_advisors(opened), label=_("Legal advisor to share with")
        ),
        "exclude_form": PersonForm(
            people=_people_with_access(opened).exclude(pk=request.user.pk),
            label=_("Person to exclude"),
        ),
    }
    return render(request, "staff/case_detail.html", context, status=status)


def _team_handlers(opened: OpenCase):
    team = opened.case.team
    handlers = decisions.readers_in(team, {Role.HANDLER}) if team else []
    return User.objects.filter(pk__in=[h.pk for h in handlers]).exclude(
        exclusions__case=opened.case
    )


def _legal_advisors(opened: OpenCase):
    team = opened.case.team
    advisors = decisions.readers_in(team, {Role.LEGAL_ADVISOR}) if team else []
    return User.objects.filter(pk__in=[a.pk for a in advisors])


def _people_with_access(opened: OpenCase):
    return User.objects.filter(
        case_access__case=opened.case, case_access__sealed_key__isnull=False
    ).distinct()


def _awaiting_my_approval(request: StaffRequest) -> int:
    if not request.user.has_role(Role.SUPERVISOR):
        return 0
    return (
        ClosureProposal.objects.filter(
            decided_at__isnull=True, case__in=readable_cases(request)
        )
        .exclude(proposed_by=request.user)
        .count()
    )


def _filtered(request: StaffRequest, cases, filters: InboxFilter):
    if not filters.is_valid():
        return cases

    data = filters.cleaned_data
    if data.get("status"):
        cases = cases.filter(status=data["status"])
    if data.get("category"):
        cases = cases.filter(category=data["category"])
    if data.get("unread"):
        cases = cases.filter(unread_by_staff=True)
    if data.get("mine"):
        cases = cases.filter(assignee=request.user)
    return cases


def _query_without_page(request: StaffRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
