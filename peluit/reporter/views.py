"""The reporter's side: landing page, report form, receipt and follow-up.

Every page here works without JavaScript and records nothing about the
visitor. Views that receive a receipt are marked sensitive so that an
error report cannot carry it.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from peluit.cases import conversation, intake, workflow
from peluit.cases.content import open_report
from peluit.cases.statuses import REPORTER_EXPLANATIONS, Status
from peluit.reporter import session
from peluit.reporter.forms import ReceiptForm, ReplyForm, ReportForm


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "reporter/home.html")


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
def report_new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "reporter/report_new.html", {"form": ReportForm()})

    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "reporter/report_new.html", {"form": form}, status=400)

    try:
        filed = intake.file_report(
            report=form.report(),
            category=form.cleaned_data["category"],
            uploads=form.cleaned_data["evidence"],
            nonce=form.cleaned_data["nonce"],
        )
    except intake.AlreadySubmitted:
        return render(request, "reporter/already_submitted.html", status=409)

    # Rendered in the response to the POST itself, never stored, so the
    # receipt exists nowhere but on this one page.
    return render(request, "reporter/receipt.html", {"receipt": filed.receipt})


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
def followup_login(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    if request.method == "GET" or not form.is_valid():
        return render(request, "reporter/followup_login.html", {"form": form})

    case = intake.find_by_receipt(form.cleaned_data["receipt"])
    if case is None:
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
    session.sign_in(response, case)
    return response


@require_http_methods(["GET", "POST"])
def followup_case(request: HttpRequest) -> HttpResponse:
    case = session.current_case(request)
    if case is None:
        messages.info(request, _("Please enter your receipt code again."))
        return redirect("reporter:followup_login")

    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        conversation.add_reporter_message(
            case, form.cleaned_data["body"].strip(), form.cleaned_data["evidence"]
        )
        messages.success(request, _("Your message has been sent."))
        response = redirect("reporter:followup_case")
        session.refresh(response, case)
        return response

    response = render(
        request,
        "reporter/followup_case.html",
        _followup_context(case, form),
        status=400 if form.is_bound else 200,
    )
    conversation.mark_read_by_reporter(case)
    session.refresh(response, case)
    return response


@require_POST
def followup_logout(request: HttpRequest) -> HttpResponse:
    response = redirect("reporter:home")
    session.sign_out(response)
    return response


def _followup_context(case, form: ReplyForm) -> dict:
    return {
        "case": case,
        "report": open_report(case),
        "status_label": Status(case.status).label,
        "status_explanation": REPORTER_EXPLANATIONS[Status(case.status)],
        "timeline": workflow.timeline(case, for_staff=False),
        "conversation": conversation.for_reporter(case),
        "form": form,
    }
