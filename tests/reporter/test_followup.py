"""Coming back with the receipt: status, replies, answers, more evidence."""

import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peluit.cases import conversation, workflow
from peluit.cases.models import Case
from peluit.cases.statuses import Status
from peluit.reporter import session
from tests.conftest import written_by_people

WRONG = "Kode tanda terima ini tidak dikenali"


def sign_in(client, receipt: str):
    return client.post(reverse("reporter:followup_login"), {"receipt": receipt})


def grouped(receipt: str, separator: str) -> str:
    return separator.join(receipt[i : i + 4] for i in range(0, 16, 4))


@pytest.mark.parametrize("separator", ["", " ", "-", " - "])
def test_the_receipt_opens_the_report_however_it_is_typed(client, filed, separator):
    response = sign_in(client, grouped(filed.receipt, separator))

    assert response.status_code == 302
    assert response["Location"] == reverse("reporter:followup_case")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Biaya tambahan untuk percepatan izin PBG" in page.content.decode()


def test_a_wrong_receipt_gets_the_same_answer_as_a_malformed_one(client, filed):
    wrong = "0000000000000000" if filed.receipt != "0000000000000000" else "1" * 16

    unknown = sign_in(client, wrong)
    malformed = sign_in(client, "12345")

    assert unknown.status_code == malformed.status_code == 400
    assert WRONG in unknown.content.decode()
    assert _without_csrf(unknown.content) == _without_csrf(malformed.content)
    assert session.COOKIE not in unknown.cookies


def test_an_empty_receipt_is_asked_for(client, db):
    response = sign_in(client, "")

    assert response.status_code == 200
    assert "Bidang ini tidak boleh kosong" in response.content.decode()


def test_the_reporter_sees_replies_status_and_reason_but_not_notes(client, filed, hana):
    case = filed.case
    conversation.add_staff_message(
        case, filed.key, hana, "Mohon kirim foto kuitansi.", internal=False
    )
    conversation.add_staff_message(
        case, filed.key, hana, "Catatan rahasia tim.", internal=True
    )
    workflow.change_status(
        case, filed.key, hana, Status.VERIFICATION, "Sedang kami periksa."
    )

    sign_in(client, filed.receipt)
    page = client.get(reverse("reporter:followup_case")).content.decode()

    assert "Mohon kirim foto kuitansi." in page
    assert "Sedang kami periksa." in page
    assert "Verifikasi" in page
    assert "Catatan rahasia tim." not in page
    assert "Hana" not in page  # reporters never learn who handles their case


def test_the_reporter_answers_and_adds_evidence(client, filed):
    conversation.mark_read_by_staff(filed.case)
    sign_in(client, filed.receipt)

    response = client.post(
        reverse("reporter:followup_case"),
        {
            "body": "Ini foto kuitansinya 🙏",
            "evidence": [SimpleUploadedFile("kuitansi2.jpg", b"\xff\xd8 jpeg bytes")],
        },
    )

    assert response.status_code == 302
    case = Case.objects.get(pk=filed.case.pk)
    assert case.unread_by_staff
    shown = written_by_people(conversation.for_staff(case, filed.key))
    assert shown[-1].body == "Ini foto kuitansinya 🙏"
    assert [f.name for f in shown[-1].attachments] == ["kuitansi2.jpg"]


def test_an_empty_answer_is_refused(client, filed):
    sign_in(client, filed.receipt)

    response = client.post(reverse("reporter:followup_case"), {"body": "  "})

    assert response.status_code == 400
    assert written_by_people(conversation.for_staff(filed.case, filed.key)) == []


def test_an_oversized_answer_file_is_refused_and_the_text_is_not_sent(
    client, filed, settings
):
    sign_in(client, filed.receipt)
    big = SimpleUploadedFile("video.mp4", b"0" * (settings.PELUIT_MAX_FILE_BYTES + 10))

    response = client.post(
        reverse("reporter:followup_case"), {"body": "lihat video", "evidence": [big]}
    )

    assert response.status_code == 400
    assert "video.mp4" in response.content.decode()
    assert written_by_people(conversation.for_staff(filed.case, filed.key)) == []


def test_the_follow_up_page_needs_a_fresh_receipt_after_idle_time(
    client, filed, settings, monkeypatch
):
    sign_in(client, filed.receipt)
    later = time.time() + settings.PELUIT_REPORTER_SESSION_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)

    response = client.get(reverse("reporter:followup_case"))

    assert response.status_code == 302
    assert response["Location"] == reverse("reporter:followup_login")


def test_a_forged_cookie_opens_nothing(client, filed):
    client.cookies[session.COOKIE] = "00" * 60

    response = client.get(reverse("reporter:followup_case"))

    assert response.status_code == 302


def test_signing_out_forgets_the_case(client, filed):
    sign_in(client, filed.receipt)

    client.post(reverse("reporter:followup_logout"))

    assert client.get(reverse("reporter:followup_case")).status_code == 302


def test_the_cookie_does_not_reveal_the_case(client, filed):
    response = sign_in(client, filed.receipt)

    cookie = response.cookies[session.COOKIE]
    assert b'"case"' not in bytes.fromhex(cookie.value)  # sealed, not just signed
    assert filed.receipt not in cookie.value
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert not cookie["expires"] and not cookie["max-age"]  # gone with the browser


def _without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)
