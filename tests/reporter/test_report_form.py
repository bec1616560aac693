"""Filing a report through the form, as a reporter does."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peluit.cases.content import open_report
from peluit.cases.models import Attachment, Case
from tests.conftest import (
    identity_behind,
    report_behind,
    report_form_data,
    sample_upload,
)

RECEIPT_ON_PAGE = re.compile(r'id="receipt-code">(\d{4} \d{4} \d{4} \d{4})<')


def submit(client, data, files=()):
    return client.post(
        reverse("reporter:report_new"), {**data, "evidence": list(files)}
    )


def stored_files() -> set[str]:
    try:
        return set(default_storage.listdir("")[1])
    except FileNotFoundError:
        return set()


def test_the_form_offers_the_active_categories(client, db):
    response = client.get(reverse("reporter:report_new"))

    assert response.status_code == 200
    body = response.content.decode()
    for name in ("pungutan liar", "gratifikasi", "perjalanan dinas fiktif", "lainnya"):
        assert name in body
    assert 'name="nonce"' in body


@pytest.mark.parametrize("index", range(6))
def test_each_sample_report_is_filed_and_gets_a_receipt(client, samples, index):
    sample = samples[index]
    files = [sample_upload(name) for name in sample["evidence"]]

    response = submit(client, report_form_data(sample), files)

    assert response.status_code == 200
    assert RECEIPT_ON_PAGE.search(response.content.decode())
    case = Case.objects.get()
    report = report_behind(response)
    assert report.what == sample["what"]
    assert report.estimated_loss == sample["estimated_loss_idr"]
    assert case.is_anonymous == sample["anonymous"]
    assert report.identity is None  # sealed apart, see peluit.cases.identity
    if not sample["anonymous"]:
        assert identity_behind(response).name == sample["reporter"]["name"]
    assert case.attachments.count() == len(files)


def test_the_receipt_page_shows_nothing_else_that_identifies_the_report(
    client, samples
):
    response = submit(client, report_form_data(samples[0]))

    body = response.content.decode()
    case = Case.objects.get()
    assert case.number not in body
    assert samples[0]["title"] not in body
    assert response["Cache-Control"] == "no-store"


def test_the_report_is_stored_encrypted(client, samples):
    submit(
        client, report_form_data(samples[1]), [sample_upload("rab_proyek_jalan.pdf")]
    )

    case = Case.objects.get()
    assert samples[1]["what"].encode() not in bytes(case.sealed_report)
    assert b"Jalan Melati" not in bytes(case.sealed_report)
    stored = default_storage.open(Attachment.objects.get().storage_name).read()
    original = sample_upload("rab_proyek_jalan.pdf").read()
    assert original[:200] not in stored


def test_missing_required_fields_are_named_in_indonesian(client, samples):
    data = report_form_data(samples[0], what="", who="  ", where="", category="")

    response = submit(client, data)

    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("Bidang ini tidak boleh kosong") >= 4  # Django's own catalog
    assert Case.objects.count() == 0


def test_missing_fields_are_named_in_english_on_english_pages(client, samples):
    data = report_form_data(samples[0], what="")

    response = client.post("/en/report/", data)

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_an_oversized_file_is_refused_by_name_and_nothing_is_kept(
    client, samples, settings
):
    big = SimpleUploadedFile("rekaman.mp4", b"x" * (settings.PELUIT_MAX_FILE_BYTES + 1))
    before = stored_files()

    response = submit(client, report_form_data(samples[0]), [big])

    assert response.status_code == 400
    assert "rekaman.mp4" in response.content.decode()
    assert Case.objects.count() == 0
    assert stored_files() == before


def test_too_many_files_are_refused(client, samples, settings):
    files = [
        SimpleUploadedFile(f"foto{i}.jpg", b"data")
        for i in range(settings.PELUIT_MAX_FILES + 1)
    ]

    response = submit(client, report_form_data(samples[0]), files)

    assert response.status_code == 400
    assert f"{settings.PELUIT_MAX_FILES}" in response.content.decode()
    assert Case.objects.count() == 0


def test_an_empty_file_is_refused_by_name(client, samples):
    response = submit(
        client, report_form_data(samples[0]), [SimpleUploadedFile("kosong.pdf", b"")]
    )

    assert response.status_code == 400
    assert "kosong.pdf" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_confidential_report_needs_a_name_and_a_contact(client, samples):
    data = report_form_data(samples[0], identity_choice="confidential")

    response = submit(client, data)

    assert response.status_code == 400
    assert Case.objects.count() == 0


def test_an_anonymous_report_drops_any_identity_typed_before_switching(client, samples):
    data = report_form_data(
        samples[0], reporter_name="Budi", reporter_contact="0812000000"
    )

    response = submit(client, data)

    assert identity_behind(response) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2500000", 2500000),
        ("2.500.000", 2500000),
        ("Rp 2.500.000,-", 2500000),
        ("", None),
    ],
)
def test_the_loss_is_read_as_people_write_rupiah(client, samples, typed, stored):
    response = submit(client, report_form_data(samples[0], estimated_loss=typed))

    assert report_behind(response).estimated_loss == stored


def test_an_unreadable_loss_is_explained(client, samples):
    response = submit(client, report_form_data(samples[0], estimated_loss="dua juta"))

    assert response.status_code == 400
    assert "2.500.000" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_resubmitted_form_files_the_report_once(client, samples):
    data = report_form_data(samples[0])

    first = submit(client, data)
    second = submit(client, data)

    assert first.status_code == 200
    assert second.status_code == 409
    assert Case.objects.count() == 1
    assert not RECEIPT_ON_PAGE.search(second.content.decode())


def test_bad_input_leaves_earlier_reports_untouched(client, samples, filed):
    before = (filed.case.sealed_report, filed.case.attachments.count(), stored_files())

    submit(client, report_form_data(samples[0], what=""))
    submit(client, report_form_data(samples[0]), [SimpleUploadedFile("k.pdf", b"")])

    filed.case.refresh_from_db()
    after = (filed.case.sealed_report, filed.case.attachments.count(), stored_files())
    assert before == after
    assert open_report(filed.case, filed.key).what == samples[0]["what"]


UNUSUAL = "Kepala Dinas 王小明 menerima 💰💰 <script>alert('x')</script> & «hadiah» ١٢٣"


def test_non_latin_text_and_emoji_survive_in_every_field_and_are_escaped(
    client, samples, hana_client
):
    fields = ("title", "what", "who", "where", "when", "how_known")
    data = report_form_data(
        samples[0], **{field: f"{field}: {UNUSUAL}" for field in fields}
    )

    response = submit(client, data)

    case = Case.objects.get()
    report = report_behind(response)
    assert all(getattr(report, field) == f"{field}: {UNUSUAL}" for field in fields)
    page = hana_client.get(reverse("staff:case", args=[case.number])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "王小明 menerima 💰💰" in page
