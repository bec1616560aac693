"""The handler's inbox and case page, and who may open them."""

import hashlib
from datetime import timedelta

from django.urls import reverse

from peluit.audit import trail
from peluit.audit.models import Entry
from peluit.cases import conversation, evidence, workflow
from peluit.cases.models import Case, Event
from peluit.cases.statuses import Status
from peluit.staff.views import cases as case_views
from tests.conftest import file_sample, sample_upload, written_by_people


def case_url(case, name="staff:case", *extra):
    return reverse(name, args=[case.number, *extra])


def test_strangers_are_sent_to_sign_in(client, filed):
    for url in (reverse("staff:inbox"), case_url(filed.case)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("staff:login"))


def test_administrators_cannot_read_reports(adi_client, filed):
    attachment = filed.case.attachments.first()

    inbox = adi_client.get(reverse("staff:inbox"))
    page = adi_client.get(case_url(filed.case))
    download = adi_client.get(case_url(filed.case, "staff:attachment", attachment.pk))
    reply = adi_client.post(case_url(filed.case, "staff:case_reply"), {"body": "x"})

    assert [inbox.status_code, page.status_code, download.status_code] == [403] * 3
    assert reply.status_code == 403
    assert "Biaya tambahan" not in page.content.decode()
    assert written_by_people(conversation.for_staff(filed.case, filed.key)) == []


def test_the_inbox_lists_newest_first_and_marks_unread(hana_client, filed, samples):
    older = Case.objects.get(pk=filed.case.pk)
    older.created_at -= timedelta(days=2)
    older.save()
    newer = file_sample(samples[1], evidence=[]).case
    hana_client.get(case_url(older))
    conversation.add_reporter_message(older, filed.key, "Tambahan informasi", [])
    hana_client.get(case_url(newer))

    body = hana_client.get(reverse("staff:inbox")).content.decode()

    assert body.index(newer.number) < body.index(older.number)
    assert body.count('class="unread"') == 1
    assert body.index('class="unread"') > body.index(newer.number)
    assert "Biaya tambahan untuk percepatan izin PBG" in body


def test_the_inbox_filters_by_status_category_and_unread(
    hana_client, filed, samples, hana
):
    second = file_sample(samples[1], evidence=[])
    other = second.case
    workflow.change_status(other, second.key, hana, Status.VERIFICATION, "Mulai")
    hana_client.get(case_url(other))
    inbox = reverse("staff:inbox")

    by_status = hana_client.get(inbox, {"status": "verifikasi"}).content.decode()
    by_category = hana_client.get(
        inbox, {"category": filed.case.category_id}
    ).content.decode()
    unread = hana_client.get(inbox, {"unread": "on"}).content.decode()

    assert other.number in by_status and filed.case.number not in by_status
    assert filed.case.number in by_category and other.number not in by_category
    assert filed.case.number in unread and other.number not in unread


def test_the_inbox_is_paginated(hana_client, filed, samples, monkeypatch):
    monkeypatch.setattr(case_views, "INBOX_PAGE_SIZE", 1)
    file_sample(samples[1], evidence=[])

    first = hana_client.get(reverse("staff:inbox")).content.decode()
    second = hana_client.get(reverse("staff:inbox"), {"page": 2}).content.decode()

    assert "page=2" in first
    assert filed.case.number in second and filed.case.number not in first


def test_the_case_page_shows_every_field_and_the_evidence(hana_client, filed, samples):
    body = hana_client.get(case_url(filed.case)).content.decode()

    sample = samples[0]
    for field in ("title", "what", "who", "where", "how_known"):
        assert sample[field].replace("'", "&#x27;") in body
    assert "Rp 2.500.000" in body
    assert "foto_kwitansi.jpg" in body and "tangkapan_layar.png" in body


def test_evidence_downloads_as_an_attachment_byte_for_byte(hana_client, filed):
    attachment = filed.case.attachments.order_by("id").first()

    response = hana_client.get(case_url(filed.case, "staff:attachment", attachment.pk))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "foto_kwitansi.jpg" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    downloaded = b"".join(response.streaming_content)
    shown = evidence.details(attachment, filed.key)
    assert hashlib.sha256(downloaded).hexdigest() == shown.sha256_stored
    original = sample_upload("foto_kwitansi.jpg").read()
    assert hashlib.sha256(original).hexdigest() == shown.sha256_received
    assert b"Budi Santoso" in original and b"Budi Santoso" not in downloaded


def test_an_attachment_of_another_case_is_not_found(hana_client, filed, samples):
    other = file_sample(samples[1], evidence=["notulen_rapat.docx"]).case
    foreign = other.attachments.get()

    response = hana_client.get(case_url(filed.case, "staff:attachment", foreign.pk))

    assert response.status_code == 404


def test_the_handler_replies_notes_and_changes_status(hana_client, filed):
    case = filed.case

    hana_client.post(
        case_url(case, "staff:case_reply"), {"body": "Terima kasih, kami cek."}
    )
    hana_client.post(
        case_url(case, "staff:case_note"), {"body": "Cek rekening loket 3"}
    )
    response = hana_client.post(
        case_url(case, "staff:case_status"),
        {"status": "verifikasi", "reason": "Laporan sedang diverifikasi."},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.VERIFICATION
    shown = written_by_people(conversation.for_staff(case, filed.key))
    assert [(m.body, m.is_internal) for m in shown] == [
        ("Terima kasih, kami cek.", False),
        ("Cek rekening loket 3", True),
    ]
    event = case.events.get(kind=Event.Kind.STATUS_CHANGED)
    assert (event.from_status, event.to_status) == ("diterima", "verifikasi")


def test_a_status_change_needs_a_reason_and_a_new_status(hana_client, filed):
    url = case_url(filed.case, "staff:case_status")

    no_reason = hana_client.post(url, {"status": "verifikasi", "reason": ""})
    same = hana_client.post(url, {"status": "diterima", "reason": "x"})
    bogus = hana_client.post(url, {"status": "dibuang", "reason": "x"})

    assert [no_reason.status_code, same.status_code, bogus.status_code] == [400] * 3
    filed.case.refresh_from_db()
    assert filed.case.status == Status.RECEIVED
    assert not filed.case.events.filter(kind=Event.Kind.STATUS_CHANGED).exists()


def test_an_empty_reply_is_refused(hana_client, filed):
    response = hana_client.post(case_url(filed.case, "staff:case_reply"), {"body": ""})

    assert response.status_code == 400
    assert written_by_people(conversation.for_staff(filed.case, filed.key)) == []


def test_a_new_report_is_unread_until_a_handler_opens_it(hana_client, filed):
    assert Case.objects.get(pk=filed.case.pk).unread_by_staff

    hana_client.get(case_url(filed.case))

    assert not Case.objects.get(pk=filed.case.pk).unread_by_staff


def test_a_reporter_answer_marks_the_case_unread_again(hana_client, filed):
    hana_client.get(case_url(filed.case))

    conversation.add_reporter_message(filed.case, filed.key, "Halo", [])

    assert Case.objects.get(pk=filed.case.pk).unread_by_staff


def test_every_access_leaves_a_trace_in_an_intact_chain(
    hana_client, adi_client, hana, adi, filed
):
    attachment = filed.case.attachments.first()

    hana_client.get(case_url(filed.case))
    hana_client.get(case_url(filed.case, "staff:attachment", attachment.pk))
    hana_client.post(case_url(filed.case, "staff:case_reply"), {"body": "Halo"})
    adi_client.get(case_url(filed.case))

    actions = list(Entry.objects.values_list("actor_id", "action", "case_id"))
    assert (hana.pk, "case.view", filed.case.pk) in actions
    assert (hana.pk, "attachment.download", filed.case.pk) in actions
    assert (hana.pk, "case.reply", filed.case.pk) in actions
    assert (adi.pk, "access.denied", None) in actions
    assert trail.verify() is None
