"""After cleaning, no sample evidence file still names its people, place,
camera or software."""

import io
import zipfile

import pikepdf
import pytest
from PIL import Image

from peluit.evidence.cleaning import Found, Outcome, clean
from tests.conftest import SAMPLES

IDENTIFYING = [
    b"Budi Santoso",
    b"Rina Wulandari",
    b"Andi Pratama",
    b"Dewi Lestari",
    b"Siti Rahmawati",
    b"Contoh Phone Co",
    b"CX-11",
    b"Contoh Screenshot Tool",
    b"Contoh Office",
    b"Contoh PDF",
]
SAMPLE_FILES = sorted(path.name for path in (SAMPLES / "evidence").iterdir())


def everything_inside(data: bytes) -> bytes:
    """The file's bytes plus, for containers, every decompressed part."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return data + b"".join(archive.read(name) for name in archive.namelist())
    if data.startswith(b"%PDF"):
        expanded = io.BytesIO()
        with pikepdf.open(io.BytesIO(data)) as pdf:
            pdf.save(expanded, qdf=True, compress_streams=False)
        return data + expanded.getvalue()
    return data


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_each_sample_carried_identifying_metadata_before(name):
    original = everything_inside((SAMPLES / "evidence" / name).read_bytes())

    assert any(marker in original for marker in IDENTIFYING)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_no_identifying_metadata_survives_cleaning(name):
    cleaned = clean((SAMPLES / "evidence" / name).read_bytes())

    assert cleaned.outcome == Outcome.CLEANED
    inside = everything_inside(cleaned.data)
    assert [marker for marker in IDENTIFYING if marker in inside] == []


def test_the_photo_loses_its_gps_position_and_keeps_its_picture():
    original = (SAMPLES / "evidence" / "foto_kwitansi.jpg").read_bytes()

    cleaned = clean(original)

    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert not image.getexif()
        assert image.size == (640, 480)
    assert {Found.LOCATION, Found.CAMERA, Found.AUTHOR} <= set(cleaned.removed)


def test_the_pdf_keeps_its_text_and_loses_its_author():
    original = (SAMPLES / "evidence" / "rab_proyek_jalan.pdf").read_bytes()

    cleaned = clean(original)

    with pikepdf.open(io.BytesIO(cleaned.data)) as pdf:
        assert "/Author" not in pdf.docinfo
        assert b"Jalan Melati" in pdf.pages[0].Contents.read_bytes()


def test_the_document_keeps_its_body():
    cleaned = clean((SAMPLES / "evidence" / "notulen_rapat.docx").read_bytes())

    with zipfile.ZipFile(io.BytesIO(cleaned.data)) as archive:
        assert archive.read("word/document.xml")
        assert all(
            info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist()
        )


def test_an_odf_document_loses_its_meta(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "meta.xml",
            '<office:document-meta xmlns:office="o" xmlns:dc="d"><office:meta>'
            "<dc:creator>Dewi Lestari</dc:creator>"
            "</office:meta></office:document-meta>",
        )
        archive.writestr(
            "content.xml", "<office:document-content>isi</office:document-content>"
        )

    cleaned = clean(buffer.getvalue())

    assert cleaned.outcome == Outcome.CLEANED
    assert b"Dewi Lestari" not in everything_inside(cleaned.data)
    assert Found.AUTHOR in cleaned.removed


def test_a_webp_picture_is_cleaned():
    image = Image.new("RGB", (20, 10), "red")
    exif = Image.Exif()
    exif[0x013B] = "Siti Rahmawati"
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", exif=exif)

    cleaned = clean(buffer.getvalue())

    assert cleaned.outcome == Outcome.CLEANED
    assert b"Siti Rahmawati" not in cleaned.data


@pytest.mark.parametrize(
    ("data", "outcome"),
    [
        (b"just some notes", Outcome.NOT_SUPPORTED),
        (b"\xff\xd8\xff\xe0 broken jpeg", Outcome.FAILED),
        (b"%PDF-1.4 broken", Outcome.FAILED),
        (b"PK\x03\x04 broken zip", Outcome.FAILED),
    ],
)
def test_files_that_cannot_be_cleaned_are_said_to_be_stored_as_sent(data, outcome):
    cleaned = clean(data)

    assert cleaned.outcome == outcome
    assert cleaned.data == data


def test_the_format_is_read_from_the_bytes_not_the_name():
    # A PNG named like a document is still cleaned as a PNG.
    png = (SAMPLES / "evidence" / "tangkapan_layar.png").read_bytes()

    assert clean(png).kind == "png"
