"""A reporter who leaves an address hears that there is news -- and
nothing more."""

import re

from django.urls import reverse

from peluit.cases import conversation
from peluit.cases.models import Case
from peluit.notifications import outbox
from peluit.notifications.models import Kind, Notice, ReporterAddress
from tests.conftest import report_form_data, signed_in, staff_key

ADDRESS = "rina.pelapor@example.org"
RECEIPT = re.compile(r'id="receipt-code">([\d ]+)<')


def file_with_address(client, samples):
    response = client.post(
        reverse("reporter:report_new"),
        report_form_data(samples[0], news_email=ADDRESS),
    )
    return RECEIPT.search(response.content.decode()).group(1).replace(" ", "")


def test_a_reply_sends_the_reporter_a_bare_notice(client, relay, hana, samples):
    file_with_address(client, samples)
    address = ReporterAddress.objects.get()
    assert ADDRESS.encode() not in bytes(address.sealed_address)
    case = address.case

    signed_in(hana).post(
        reverse("staff:case_reply", args=[case.number]), {"body": "Kami sudah cek."}
    )
    outbox.deliver_due()

    to_reporter = [m for m in relay.received if m[0] == [ADDRESS]]
    assert len(to_reporter) == 1
    text = to_reporter[0][1].decode()
    assert reverse("reporter:followup_login") in text
    assert case.number not in text
    for secret in ("Kami sudah cek.", samples[0]["title"], samples[0]["what"][:30]):
        assert secret not in text


def test_several_replies_before_sending_make_one_notice(client, hana, samples):
    file_with_address(client, samples)
    case = ReporterAddress.objects.get().case
    key = staff_key(hana, case)

    for body in ("satu", "dua", "tiga"):
        conversation.add_staff_message(case, key, hana, body, internal=False)

    assert Notice.objects.filter(kind=Kind.REPORTER_NEWS).count() == 1


def test_internal_notes_send_nothing(client, hana, samples):
    file_with_address(client, samples)
    case = ReporterAddress.objects.get().case
    key = staff_key(hana, case)

    conversation.add_staff_message(case, key, hana, "catatan", internal=True)

    assert not Notice.objects.filter(kind=Kind.REPORTER_NEWS).exists()


def test_the_reporter_stops_the_mail_and_the_address_is_gone(client, hana, samples):
    receipt = file_with_address(client, samples)
    client.post(reverse("reporter:followup_login"), {"receipt": receipt})

    client.post(reverse("reporter:followup_stop_mail"))

    assert not ReporterAddress.objects.exists()


def test_without_an_address_no_reporter_notice_is_queued(client, hana, samples):
    client.post(reverse("reporter:report_new"), report_form_data(samples[0]))
    case = Case.objects.get()

    signed_in(hana).post(reverse("staff:case_reply", args=[case.number]), {"body": "x"})

    assert not Notice.objects.filter(kind=Kind.REPORTER_NEWS).exists()
