"""The handler's inbox and case page."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peluit.accounts import services
from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.cases import conversation, evidence, workflow
from peluit.cases import keys as case_keys
from peluit.cases.content import open_report
from peluit.cases.statuses import Status
from peluit.staff import keyring
from peluit.staff.access import (
    OpenCase,
    StaffRequest,
    attachment_for,
    case_for,
    readable_cases,
    role_required,
)
from peluit.staff.forms import InboxFilter, MessageForm, StatusForm

INBOX_PAGE_SIZE = 50


@require_GET
@role_required(Role.HANDLER)
def inbox(request: StaffRequest) -> HttpResponse:
    filters = InboxFilter(request.GET or None)
    cases = _filtered(readable_cases(request), filters)
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
        "filters": filters,
        "page": page,
        "rows": rows,
        "query": _query_without_page(request),
    }
    return render(request, "staff/inbox.html", context)


@require_GET
@role_required(Role.HANDLER)
def case_detail(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number)
    case_keys.add_missing_recovery_copy(opened.case, opened.key)

    response = _render_case(request, opened)
    conversation.mark_read_by_staff(opened.case)
    return response


@require_POST
@role_required(Role.HANDLER)
def case_reply(request: StaffRequest, number: str) -> HttpResponse:
    return _post_message(request, number, internal=False)


@require_POST
@role_required(Role.HANDLER)
def case_note(request: StaffRequest, number: str) -> HttpResponse:
    return _post_message(request, number, internal=True)


@require_POST
@role_required(Role.HANDLER)
def case_status(request: StaffRequest, number: str) -> HttpResponse:
    opened = case_for(request, number, action="case.status")
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _render_case(request, opened, status_form=form, status=400)

    data = form.cleaned_data
    try:
        workflow.change_status(
            opened.case,
            opened.key,
            request.user,
            Status(data["status"]),
            data["reason"],
        )
    except workflow.NoChange:
        form.add_error("status", _("The case already has this status."))
        return _render_case(request, opened, status_form=form, status=400)

    messages.success(request, _("Status changed."))
    return redirect("staff:case", number=opened.case.number)


@require_GET
@role_required(Role.HANDLER)
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


def _post_message(
    request: StaffRequest, number: str, *, internal: bool
) -> HttpResponse:
    opened = case_for(request, number, action="case.note" if internal else "case.reply")
    form = MessageForm(request.POST)
    if not form.is_valid():
        form_name = "note_form" if internal else "reply_form"
        return _render_case(request, opened, status=400, **{form_name: form})

    body = form.cleaned_data["body"].strip()
    conversation.add_staff_message(
        opened.case, opened.key, request.user, body, internal=internal
    )
    done = _("Note saved.") if internal else _("Message sent to the reporter.")
    messages.success(request, done)
    return redirect("staff:case", number=opened.case.number)


def _render_case(
    request: HttpRequest, opened: OpenCase, *, status: int = 200, **forms
) -> HttpResponse:
    case, key = opened.case, opened.key
    shown_messages = conversation.for_staff(case, key)
    report_files = case.attachments.filter(message__isnull=True)
    context = {
        "case": case,
        "report": open_report(case, key),
        "report_files": [evidence.details(item, key) for item in report_files],
        "conversation": [m for m in shown_messages if not m.is_internal],
        "notes": [m for m in shown_messages if m.is_internal],
        "timeline": workflow.timeline(case, key, for_staff=True),
        "reply_form": forms.get("reply_form", MessageForm()),
        "note_form": forms.get("note_form", MessageForm()),
        "status_form": forms.get(
            "status_form", StatusForm(initial={"status": case.status})
        ),
    }
    return render(request, "staff/case_detail.html", context, status=status)


def _filtered(cases, filters: InboxFilter):
    if not filters.is_valid():
        return cases

    data = filters.cleaned_data
    if data.get("status"):
        cases = cases.filter(status=data["status"])
    if data.get("category"):
        cases = cases.filter(category=data["category"])
    if data.get("unread"):
        cases = cases.filter(unread_by_staff=True)
    return cases


def _query_without_page(request: StaffRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
