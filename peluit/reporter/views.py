"""The reporter's side: landing page, report form, receipt and follow-up.

Every page here works without JavaScript and records nothing about the
visitor. Views that receive a receipt are marked sensitive so that an
error report cannot carry it.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from peluit.cases import aftercare, conversation, evidence, identity, intake, workflow
from peluit.cases.content import open_report
from peluit.cases.statuses import REPORTER_EXPLANATIONS, Status
from peluit.evidence.decorators import takes_evidence
from peluit.notifications import outbox
from peluit.notifications.models import ReporterAddress
from peluit.reporter import session
from peluit.reporter.cleaning_text import describe
from peluit.reporter.forms import ReceiptForm, ReplyForm, ReportForm


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "reporter/home.html")


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@takes_evidence
def report_new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _report_form(request, ReportForm())

    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _report_form(request, form, status=400)

    try:
        filed = intake.file_report(**form.filing())
    except intake.AlreadySubmitted:
        return render(request, "reporter/already_submitted.html", status=409)

    # Rendered in the response to the POST itself, never stored, so the
    # receipt exists nowhere but on this one page.
    context = {
        "receipt": filed.receipt,
        "cleaning": [describe(item) for item in filed.evidence],
        # Switching language here would lose the receipt for good.
        "language_alternates": [],
    }
    return render(request, "reporter/receipt.html", context)


def _report_form(request: HttpRequest, form: ReportForm, status: int = 200):
    context = {"form": form, "clean_limit": settings.PELUIT_CLEAN_LIMIT_BYTES}
    return render(request, "reporter/report_new.html", context, status=status)


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
def followup_login(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    if request.method == "GET" or not form.is_valid():
        return render(request, "reporter/followup_login.html", {"form": form})

    opened = intake.find_by_receipt(form.cleaned_data["receipt"])
    if opened is None:
        # One message for every failure, so the form cannot be used to
        # learn whether a given code exists.
        form.add_error(
            "receipt",
            _("This receipt code was not recognised. Check the digits and try again."),
        )
        return render(
            request, "reporter/followup_login.html", {"form": form}, status=400
        )

    response = redirect("reporter:followup_case")
    session.sign_in(response, opened.case, opened.reporter_key)
    return response


@require_http_methods(["GET", "POST"])
@takes_evidence
def followup_case(request: HttpRequest) -> HttpResponse:
    current = session.current(request)
    if current is None:
        messages.info(request, _("Please enter your receipt code again."))
        return redirect("reporter:followup_login")

    form = ReplyForm(request.POST or None, request.FILES or None)
    may_write = aftercare.reporter_may_write(current.case)
    if request.method == "POST" and may_write and form.is_valid():
        _send_reply(request, current, form)
        response = redirect("reporter:followup_case")
        session.refresh(response, current)
        return response

    status = 400 if form.is_bound else 200
    context = _followup_context(current, form)
    page = render(request, "reporter/followup_case.html", context, status=status)
    conversation.mark_read_by_reporter(current.case)
    session.refresh(page, current)
    return page


@require_POST
def followup_confirm(request: HttpRequest) -> HttpResponse:
    """The reporter confirms that the hotline's transcript says what they
    said. Corrections go in a normal message."""
    current = session.current(request)
    if current is None:
        return redirect("reporter:followup_login")

    aftercare.confirm_transcript(current.case)
    messages.success(request, _("Thank you. Your confirmation has been recorded."))
    response = redirect("reporter:followup_case")
    session.refresh(response, current)
    return response


@require_POST
def followup_stop_mail(request: HttpRequest) -> HttpResponse:
    current = session.current(request)
    if current is None:
        return redirect("reporter:followup_login")

    outbox.forget_reporter_address(current.case)
    messages.success(request, _("Your e-mail address has been deleted."))
    response = redirect("reporter:followup_case")
    session.refresh(response, current)
    return response


@require_POST
def followup_logout(request: HttpRequest) -> HttpResponse:
    response = redirect("reporter:home")
    session.sign_out(response)
    return response


def _send_reply(request: HttpRequest, current, form: ReplyForm) -> None:
    uploads = form.cleaned_data["evidence"]
    conversation.add_reporter_message(
        current.case, current.case_key, form.cleaned_data["body"].strip(), uploads
    )
    if form.cleaned_data["retaliation"]:
        aftercare.report_retaliation(current.case, current.case_key)
    messages.success(request, _("Your message has been sent."))
    for upload in uploads:
        messages.info(request, describe(upload.stored))


def _followup_context(current: session.ReporterSession, form: ReplyForm) -> dict:
    case, key = current.case, current.case_key
    report_files = case.attachments.filter(message__isnull=True)
    return {
        "case": case,
        "report": open_report(case, key),
        "report_files": [evidence.details(item, key) for item in report_files],
        "identity": identity.for_reporter(case, current.reporter_key),
        "status_label": Status(case.status).label,
        "status_explanation": REPORTER_EXPLANATIONS[Status(case.status)],
        "timeline": workflow.timeline(case, key, for_staff=False),
        "conversation": conversation.for_reporter(case, key),
        "open_questions": conversation.open_questions(case),
        "may_write": aftercare.reporter_may_write(case),
        "awaits_confirmation": aftercare.awaits_confirmation(case),
        "gets_mail": ReporterAddress.objects.filter(case=case).exists(),
        "form": form,
    }
