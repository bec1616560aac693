"""Reports taken by the hotline, and the caller confirming the transcript."""

import re

from django.urls import reverse

from peluit.accounts.roles import Role
from peluit.audit.models import Entry
from peluit.cases.models import Case, CaseAccess, Event
from tests.conftest import make_staff, report_form_data, signed_in

RECEIPT = re.compile(r'id="receipt-code">([\d ]+)<')


def take_call(operator, samples, **extra):
    data = {**report_form_data(samples[0]), "channel": "phone", **extra}
    return operator.post(reverse("staff:hotline"), data)


def test_the_operator_enters_a_phoned_report_and_reads_out_the_receipt(hana, samples):
    operator_account = make_staff("tono", Role.HOTLINE)
    operator = signed_in(operator_account)

    response = take_call(operator, samples)

    assert response.status_code == 200
    assert RECEIPT.search(response.content.decode())
    case = Case.objects.get()
    assert case.channel == "phone"
    assert not CaseAccess.objects.filter(user=operator_account).exists()
    assert set(CaseAccess.objects.values_list("user__username", flat=True)) == {"hana"}
    assert Entry.objects.filter(
        action="case.hotline_intake", actor_id=operator_account.pk, case_id=case.pk
    ).exists()


def test_the_caller_confirms_the_transcript_with_the_receipt(client, hana, samples):
    operator = signed_in(make_staff("tono", Role.HOTLINE))
    receipt = RECEIPT.search(take_call(operator, samples).content.decode()).group(1)
    client.post(reverse("reporter:followup_login"), {"receipt": receipt})

    before = client.get(reverse("reporter:followup_case")).content.decode()
    client.post(reverse("reporter:followup_confirm"))
    after = client.get(reverse("reporter:followup_case")).content.decode()

    assert 'id="transcript"' in before and 'id="transcript"' not in after
    case = Case.objects.get()
    assert case.transcript_confirmed_at is not None
    assert case.events.filter(kind=Event.Kind.TRANSCRIPT_CONFIRMED).exists()


def test_a_letter_needs_no_transcript_confirmation(client, hana, samples):
    operator = signed_in(make_staff("tono", Role.HOTLINE))
    response = take_call(operator, samples, channel="letter")
    receipt = RECEIPT.search(response.content.decode()).group(1)
    client.post(reverse("reporter:followup_login"), {"receipt": receipt})

    page = client.get(reverse("reporter:followup_case")).content.decode()

    assert 'id="transcript"' not in page


def test_only_hotline_operators_take_reports(hana_client, samples):
    response = take_call(hana_client, samples)

    assert response.status_code == 403
    assert not Case.objects.exists()


def test_a_caller_may_give_their_name_confidentially(hana, samples):
    operator = signed_in(make_staff("tono", Role.HOTLINE))

    take_call(
        operator,
        samples,
        identity_choice="confidential",
        reporter_name="Agus Salim",
        reporter_contact="0812-0000",
    )

    assert not Case.objects.get().is_anonymous
