"""Hotline intake: reports taken by phone, letter, e-mail or in person.

The operator types the report in for the caller and reads the receipt
code out once. The operator holds no copy of the case key afterwards:
the report is sealed to its team like any other.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.cases import intake
from peluit.evidence.decorators import takes_evidence
from peluit.reporter.cleaning_text import describe
from peluit.staff.access import StaffRequest, role_required
from peluit.staff.forms import HotlineForm


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@takes_evidence
@role_required(Role.HOTLINE)
def hotline_intake(request: StaffRequest) -> HttpResponse:
    form = HotlineForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "staff/hotline.html", {"form": form}, status=status)

    try:
        filed = intake.file_report(
            **form.filing(), channel=form.cleaned_data["channel"]
        )
    except intake.AlreadySubmitted:
        return render(request, "reporter/already_submitted.html", status=409)

    trail.record("case.hotline_intake", actor_id=request.user.pk, case_id=filed.case.pk)
    context = {
        "receipt": filed.receipt,
        "cleaning": [describe(item) for item in filed.evidence],
        "language_alternates": [],
    }
    return render(request, "staff/hotline_receipt.html", context)
