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


def exif_with(artist: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = artist
    exif.get_ifd(0x8825)[2] = (6.0, 54.0, 52.0)
    return exif


def jpeg_with_comment_and_exif() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(
        buffer, "JPEG", exif=exif_with("Budi Santoso"), comment=b"Siti Rahmawati"
    )
    return buffer.getvalue()


def test_a_jpeg_comment_goes_too():
    cleaned = clean(jpeg_with_comment_and_exif())

    assert cleaned.outcome == Outcome.CLEANED
    assert b"Siti Rahmawati" not in cleaned.data
    assert b"Budi Santoso" not in cleaned.data


def test_a_multi_picture_phone_photo_is_cleaned():
    first, second = Image.new("RGB", (40, 30), "red"), Image.new("RGB", (40, 30), "red")
    buffer = io.BytesIO()
    first.save(
        buffer,
        "MPO",
        save_all=True,
        append_images=[second],
        exif=exif_with("Budi Santoso"),
    )

    cleaned = clean(buffer.getvalue())

    assert cleaned.outcome == Outcome.CLEANED
    assert b"Budi Santoso" not in cleaned.data
    assert Found.LOCATION in cleaned.removed


def office_file(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_pictures_people_and_comment_authors_inside_office_files_are_cleaned():
    document = office_file(
        {
            "word/media/image1.jpeg": jpeg_with_comment_and_exif(),
            "word/comments.xml": b"<w:comment w:author='Dewi Lestari' w:date='2026'/>",
            "word/people.xml": b'<w15:person w15:author="Andi"><w15:presenceInfo '
            b'w15:userId="andi.pratama@example.org"/></w15:person>',
            "xl/comments1.xml": b"<authors><author>Rina Wulandari</author></authors>",
            "ppt/commentAuthors.xml": b'<p:cmAuthor id="0" name="Agus Salim"/>',
            "word/_rels/settings.xml.rels": b'<Relationship Target="file:///C:\\Users'
            b'\\budi\\template.dotx"/>',
            "docProps/thumbnail.jpeg": jpeg_with_comment_and_exif(),
        }
    )

    cleaned = clean(document)

    inside = everything_inside(cleaned.data)
    for marker in (
        b"Dewi Lestari",
        b"andi.pratama",
        b"Rina Wulandari",
        b"Agus Salim",
        b"Budi Santoso",
        b"Siti Rahmawati",
        b"\\budi\\",
    ):
        assert marker not in inside, marker
    assert cleaned.outcome == Outcome.CLEANED


def test_a_document_that_unpacks_to_gigabytes_is_not_opened(monkeypatch):
    from peluit.evidence import cleaning

    monkeypatch.setattr(cleaning, "MAX_UNPACKED_BYTES", 1024 * 1024)
    bomb = office_file({"word/document.xml": b"0" * (4 * 1024 * 1024)})

    cleaned = clean(bomb)

    assert cleaned.outcome == Outcome.FAILED
    assert cleaned.data == bomb


def pdf_with_annotation_and_attachment(attach: bool) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    annotation = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=[0, 0, 10, 10],
        T=pikepdf.String("Rina Wulandari"),
        M=pikepdf.String("D:20260914"),
    )
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([annotation]))
    if attach:
        spec = pikepdf.AttachedFileSpec(pdf, b"lampiran", filename="a.txt")
        pdf.attachments["a.txt"] = spec
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_pdf_comment_authors_go_and_attached_files_are_flagged():
    plain = clean(pdf_with_annotation_and_attachment(attach=False))
    attached = clean(pdf_with_annotation_and_attachment(attach=True))

    assert b"Rina Wulandari" not in everything_inside(plain.data)
    assert plain.outcome == Outcome.CLEANED
    assert attached.outcome == Outcome.PARTIAL
