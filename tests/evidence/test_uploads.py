"""Evidence through the real request path: cleaned in memory when small,
encrypted as it streams when large, and nothing left behind on refusal."""

import hashlib

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peluit.cases import evidence
from peluit.cases.models import Attachment, Case
from peluit.evidence.uploads import EvidenceUploadHandler
from peluit.vault import evidence as vault_files
from tests.conftest import report_form_data, staff_key


def stored_names() -> set[str]:
    try:
        return set(default_storage.listdir("")[1])
    except FileNotFoundError:
        return set()


def test_a_file_too_large_to_clean_is_streamed_encrypted_and_reported(
    client, samples, settings, filed
):
    size = settings.PELUIT_CLEAN_LIMIT_BYTES * 2 + 12345
    data = bytes(range(256)) * (size // 256) + b"SALINAN-REKAMAN"
    video = SimpleUploadedFile("rekaman.mp4", data)

    response = client.post(
        reverse("reporter:report_new"),
        {**report_form_data(samples[1]), "evidence": [video]},
    )

    assert response.status_code == 200
    assert "rekaman.mp4" in response.content.decode()
    case = Case.objects.exclude(pk=filed.case.pk).get()
    attachment = case.attachments.get()
    with default_storage.open(attachment.storage_name) as handle:
        assert b"SALINAN-REKAMAN" not in handle.read()


def test_the_streamed_file_reads_back_exactly(client, samples, settings, hana):
    data = b"x" * (settings.PELUIT_CLEAN_LIMIT_BYTES + 1)

    client.post(
        reverse("reporter:report_new"),
        {
            **report_form_data(samples[1]),
            "evidence": [SimpleUploadedFile("a.bin", data)],
        },
    )

    case = Case.objects.get()
    key = staff_key(hana, case)
    attachment = case.attachments.get()
    details = evidence.details(attachment, key)
    assert b"".join(evidence.open_stream(attachment, key)) == data
    assert details.outcome == "too_large"
    assert details.sha256_received == hashlib.sha256(data).hexdigest()
    assert details.sha256_received == details.sha256_stored


def test_files_of_a_refused_form_are_deleted(client, samples):
    before = stored_names()

    response = client.post(
        reverse("reporter:report_new"),
        {
            **report_form_data(samples[0], what=""),
            "evidence": [SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff data")],
        },
    )

    assert response.status_code == 400
    assert stored_names() == before
    assert not Attachment.objects.exists()


def test_files_sent_after_the_follow_up_lapsed_are_deleted(client, db):
    before = stored_names()

    response = client.post(
        reverse("reporter:followup_case"),
        {"body": "x", "evidence": [SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")]},
    )

    assert response.status_code == 302
    assert stored_names() == before


def test_pages_that_take_no_evidence_store_no_files(client, hana):
    before = stored_names()

    client.post(
        reverse("staff:login"),
        {
            "username": "hana",
            "password": "x",
            "evidence": [SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")],
        },
    )

    assert stored_names() == before


def test_the_writer_holds_at_most_one_chunk_and_a_short_queue():
    writer = vault_files.Writer()
    for _ in range(40):
        writer.write(b"z" * 10_000)
        assert len(writer._encryptor._pending) <= vault_files.CHUNK_BYTES
        assert writer._queue.qsize() <= writer._QUEUE_DEPTH

    stored = writer.close()

    assert stored.size == 400_000
    assert b"".join(vault_files.read(stored.storage_name, stored.key)) == b"z" * 400_000


def test_files_past_the_limit_are_not_kept_while_the_form_says_why(
    client, samples, settings
):
    before = stored_names()
    files = [
        SimpleUploadedFile(f"foto{i}.jpg", b"\xff\xd8\xff data")
        for i in range(settings.PELUIT_MAX_FILES + 1)
    ]

    response = client.post(
        reverse("reporter:report_new"),
        {**report_form_data(samples[0]), "evidence": files},
    )

    assert response.status_code == 400
    assert str(settings.PELUIT_MAX_FILES) in response.content.decode()
    assert stored_names() == before


def test_the_handler_keeps_nothing_of_ignored_files(settings, rf):
    handler = EvidenceUploadHandler(rf.post("/"))
    for index in range(settings.PELUIT_MAX_FILES + 2):
        handler.new_file("evidence", f"f{index}.bin", "application/octet-stream", None)
        handler.receive_data_chunk(b"a" * 1000, 0)
        upload = handler.file_complete(1000)
    assert upload.stored is None
    assert handler.buffer is None


def test_files_under_other_field_names_are_not_kept(client, samples):
    before = stored_names()

    response = client.post(
        reverse("reporter:report_new"),
        {
            **report_form_data(samples[0]),
            "lampiran": [SimpleUploadedFile("x.pdf", b"%PDF-1.4 x")],
        },
    )

    assert response.status_code == 200  # filed, without the stray file
    assert stored_names() == before | set(
        Attachment.objects.values_list("storage_name", flat=True)
    )
    assert not Attachment.objects.exists()


def test_far_too_many_files_get_an_error_page_and_leave_nothing(
    client, samples, settings
):
    before = stored_names()
    files = [
        SimpleUploadedFile(f"f{i}.pdf", b"%PDF-1.4 x")
        for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 3)
    ]

    response = client.post(
        reverse("reporter:report_new"),
        {**report_form_data(samples[0]), "evidence": files},
    )

    assert response.status_code == 400
    assert stored_names() == before
