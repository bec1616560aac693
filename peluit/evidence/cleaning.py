"""Removing identifying metadata from evidence files, in memory.

Photos carry the camera, the time and often a GPS position; documents
carry their author's name and organisation. Investigators need the
content, not these, and a reporter can be found through them. Every
cleaner works on bytes in memory (Pillow, pikepdf, zipfile), so nothing
plain is written to disk on the way.

The format is told from the file's first bytes, never from its name.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from enum import StrEnum

import pikepdf
from PIL import Image, ImageOps

# Images larger than this are refused by Pillow as possible decompression
# bombs; they are stored uncleaned instead (with a warning to the reporter).
Image.MAX_IMAGE_PIXELS = 50_000_000

# A document whose parts unpack to more than this is not opened (a "zip
# bomb" would otherwise take the server's memory); it is stored as sent.
MAX_UNPACKED_BYTES = 128 * 1024 * 1024


class Outcome(StrEnum):
    CLEANED = "cleaned"
    # Cleaned as far as possible, but parts that could not be cleaned (files
    # attached inside a PDF, say) were kept: the reporter is told.
    PARTIAL = "partial"
    NOT_SUPPORTED = "not_supported"
    TOO_LARGE = "too_large"
    FAILED = "failed"


class Found(StrEnum):
    """Kinds of metadata found and removed, named for the reporter."""

    CAMERA = "camera"
    LOCATION = "location"
    TIMESTAMPS = "timestamps"
    AUTHOR = "author"
    SOFTWARE = "software"
    TEXT = "text"
    DOCUMENT_PROPERTIES = "document_properties"
    EMBEDDED_XMP = "xmp"


@dataclass(frozen=True)
class Cleaned:
    data: bytes
    outcome: Outcome
    removed: list[Found] = field(default_factory=list)
    kind: str = ""


def clean(data: bytes) -> Cleaned:
    try:
        cleaner = _cleaner_for(data)
    except zipfile.BadZipFile:
        return Cleaned(data, Outcome.FAILED, kind="zip")
    if cleaner is None:
        return Cleaned(data, Outcome.NOT_SUPPORTED)

    kind, function = cleaner
    try:
        cleaned, removed = function(data)
    except Exception:  # any parser failure: stored as sent, and said so
        return Cleaned(data, Outcome.FAILED, kind=kind)
    outcome = Outcome.PARTIAL if _KEPT in removed else Outcome.CLEANED
    found = sorted({kind for kind in removed if kind != _KEPT})
    return Cleaned(cleaned, outcome, found, kind)


# Put among the findings by a cleaner that had to keep a part it could not
# clean; turns the outcome into PARTIAL.
_KEPT = "kept-uncleaned-part"


def uncleaned(data: bytes, outcome: Outcome) -> Cleaned:
    return Cleaned(data, outcome)


def _cleaner_for(data: bytes):
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg", _clean_jpeg
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", _clean_png
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp", _clean_webp
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf", _clean_pdf
    if data.startswith(b"PK\x03\x04"):
        return _office_cleaner(data)
    return None


# Images ------------------------------------------------------------------

_EXIF_GPS_IFD = 0x8825
_EXIF_TAGS = {
    0x010F: Found.CAMERA,  # Make
    0x0110: Found.CAMERA,  # Model
    0xA431: Found.CAMERA,  # BodySerialNumber
    0x0131: Found.SOFTWARE,  # Software
    0x0132: Found.TIMESTAMPS,  # DateTime
    0x013B: Found.AUTHOR,  # Artist
    0x8298: Found.AUTHOR,  # Copyright
    0x010E: Found.TEXT,  # ImageDescription
}


# PNG text chunks and similar named entries.
_TEXT_KEYS = {
    "Author": Found.AUTHOR,
    "Copyright": Found.AUTHOR,
    "Software": Found.SOFTWARE,
    "Creation Time": Found.TIMESTAMPS,
    "Comment": Found.TEXT,
    "Description": Found.TEXT,
}


def _image_findings(image: Image.Image) -> list[Found]:
    found = []
    exif = image.getexif()
    for tag, kind in _EXIF_TAGS.items():
        if tag in exif:
            found.append(kind)
    if exif.get_ifd(_EXIF_GPS_IFD):
        found.append(Found.LOCATION)
    if exif and not found:
        found.append(Found.TIMESTAMPS)
    if "xmp" in image.info or "XML:com.adobe.xmp" in image.info:
        found.append(Found.EMBEDDED_XMP)
    for key, kind in _TEXT_KEYS.items():
        if key in image.info:
            found.append(kind)
    if "comment" in image.info:
        found.append(Found.TEXT)
    text_keys = (
        set(image.info)
        - set(_TEXT_KEYS)
        - {
            "dpi",
            "gamma",
            "icc_profile",
            "transparency",
            "exif",
            "xmp",
            "XML:com.adobe.xmp",
            "jfif",
            "jfif_version",
            "jfif_unit",
            "jfif_density",
            "progressive",
            "progression",
            "adobe",
            "adobe_transform",
            "loop",
            "duration",
            "background",
            "srgb",
            "aspect",
            "chromaticity",
            "lossless",
            "interlace",
            "comment",
            "mp",
            "mpoffset",
        }
    )
    if text_keys:
        found.append(Found.TEXT)
    return found


# Phones save multi-picture JPEGs (MPO); the first picture is the photo.
_OPENED_AS = {"JPEG": {"JPEG", "MPO"}, "PNG": {"PNG"}, "WEBP": {"WEBP"}}


def _reencode(data: bytes, format_name: str, **options) -> tuple[bytes, list[Found]]:
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in _OPENED_AS[format_name]:
            raise ValueError("not the format its first bytes claim")
        found = _image_findings(image)
        # Keep what the photo shows the right way up, then drop the tag.
        upright = ImageOps.exif_transpose(image)
        target = upright if upright is not None else image
        icc = image.info.get("icc_profile")
        # Pillow writes back comments, EXIF and XMP it read unless told
        # otherwise: nothing of the original's info goes along.
        target.info = {}
        if format_name == "JPEG" and target is image:
            options = {**options, "quality": "keep"}
        if icc:
            options["icc_profile"] = icc
        output = io.BytesIO()
        target.save(output, format=format_name, **options)
    return output.getvalue(), found


def _clean_jpeg(data: bytes):
    return _reencode(data, "JPEG", quality=95)


def _clean_png(data: bytes):
    return _reencode(data, "PNG", optimize=False)


def _clean_webp(data: bytes):
    return _reencode(data, "WEBP", lossless=True)


# PDF ---------------------------------------------------------------------


def _clean_pdf(data: bytes):
    found: list = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _drop_document_info(pdf, found)
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                _clean_pdf_object(obj, found)
        # Annotations written inline in a page are not objects of their own.
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                if isinstance(annotation, pikepdf.Dictionary):
                    _clean_pdf_object(annotation, found)
        if "/Names" in pdf.Root and "/EmbeddedFiles" in pdf.Root.Names:
            found.append(_KEPT)  # attached files are evidence; not opened here
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True)
    return output.getvalue(), found


def _drop_document_info(pdf, found: list) -> None:
    if "/Info" not in pdf.trailer:
        return
    info = pdf.trailer.Info
    for key, kind in (
        ("/Author", Found.AUTHOR),
        ("/Creator", Found.SOFTWARE),
        ("/Producer", Found.SOFTWARE),
        ("/CreationDate", Found.TIMESTAMPS),
        ("/ModDate", Found.TIMESTAMPS),
    ):
        if key in info:
            found.append(kind)
    found.append(Found.DOCUMENT_PROPERTIES)
    del pdf.trailer["/Info"]


# Annotation entries that name or date their author (comments, highlights).
_ANNOTATION_KEYS = {"/T": Found.AUTHOR, "/M": Found.TIMESTAMPS}


def _clean_pdf_object(obj, found: list) -> None:
    for key in ("/Metadata", "/PieceInfo"):
        if key in obj:
            found.append(Found.EMBEDDED_XMP)
            del obj[key]
    if obj.get("/Type") == "/Annot" or ("/Subtype" in obj and "/Rect" in obj):
        for key, kind in _ANNOTATION_KEYS.items():
            if key in obj:
                found.append(kind)
                del obj[key]
        if obj.get("/Subtype") == "/FileAttachment":
            found.append(_KEPT)
    if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == "/DCTDecode":
        raw = obj.read_raw_bytes()
        stripped = strip_jpeg_segments(raw)
        if stripped != raw:
            found.append(Found.CAMERA)
            obj.write(stripped, filter=pikepdf.Name.DCTDecode)


# JPEG segments that carry metadata rather than picture: APP1 (EXIF, XMP),
# APP12, APP13 (Photoshop/IPTC) and COM (comments).
_METADATA_MARKERS = {0xE1, 0xEC, 0xED, 0xFE}


def strip_jpeg_segments(data: bytes) -> bytes:
    """Removes metadata segments from a JPEG without re-encoding it, for
    pictures inside PDF files. Anything it does not understand is left."""
    if not data.startswith(b"\xff\xd8"):
        return data
    output, position = bytearray(b"\xff\xd8"), 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is picture data
            break
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        segment = data[position : position + 2 + length]
        if marker not in _METADATA_MARKERS:
            output += segment
        position += 2 + length
    return bytes(output + data[position:])


# Office documents (OOXML and ODF) ------------------------------------------

_EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
_EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>'
)
_EMPTY_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'custom-properties"/>'
)
_EMPTY_ODF_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
    b'office:1.0" office:version="1.2"><office:meta/></office:document-meta>'
)
_OOXML_REPLACEMENTS = {
    "docProps/core.xml": _EMPTY_CORE,
    "docProps/app.xml": _EMPTY_APP,
    "docProps/custom.xml": _EMPTY_CUSTOM,
}
# Who wrote, commented, changed or owns what, inside the document body:
# comment and tracked-change authors and their dates, co-authors' account
# ids, spreadsheet comment authors, presentation comment authors.
_XML_ATTRIBUTES = re.compile(
    rb"\b(w:author|w:initials|w:date|w15:author|w15:userId|w15:providerId"
    rb"|userId|providerId|displayName|initials|meta:printer-name)=(\"[^\"]*\"|'[^']*')"
)
_XML_ELEMENTS = re.compile(
    rb"<(author|dc:creator|cp:lastModifiedBy|meta:initial-creator"
    rb"|meta:creator-initials)>[^<]*</\1>"
)
_PRESENTATION_AUTHOR = re.compile(rb"(<p:cmAuthor\b[^>]*?\bname=)(\"[^\"]*\"|'[^']*')")
_DOCUMENT_VARIABLE = re.compile(rb"(<w:docVar\b[^>]*?\bw:val=)(\"[^\"]*\"|'[^']*')")
# Relationship targets on the author's own disk, e.g. an attached template
# under C:\\Users\\<name>.
_LOCAL_TARGET = re.compile(rb"\bTarget=(\"file:[^\"]*\"|'file:[^']*')")
_PRINTER_SETTING = re.compile(
    rb'(<config:config-item config:name="Printer[^"]*"[^>]*>)'
    rb"[^<]*(</config:config-item>)"
)
_THUMBNAILS = ("docProps/thumbnail.", "Thumbnails/thumbnail.")
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _office_cleaner(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "[Content_Types].xml" in names:
            return "ooxml", _clean_ooxml
        if "mimetype" in names and archive.read("mimetype").startswith(
            b"application/vnd.oasis.opendocument"
        ):
            return "odf", _clean_odf
    return None


def _clean_ooxml(data: bytes):
    def rewrite(name: str, content: bytes, found: list) -> bytes:
        if name in _OOXML_REPLACEMENTS:
            found.append(Found.DOCUMENT_PROPERTIES)
            if b"creator>" in content or b"lastModifiedBy>" in content:
                found.append(Found.AUTHOR)
            return _OOXML_REPLACEMENTS[name]
        return _clean_part(name, content, found)

    return _rewrite_zip(data, rewrite)


def _clean_odf(data: bytes):
    def rewrite(name: str, content: bytes, found: list) -> bytes:
        if name == "meta.xml":
            found.append(Found.DOCUMENT_PROPERTIES)
            if b"dc:creator" in content or b"meta:initial-creator" in content:
                found.append(Found.AUTHOR)
            return _EMPTY_ODF_META
        return _clean_part(name, content, found)

    return _rewrite_zip(data, rewrite)


def _clean_part(name: str, content: bytes, found: list) -> bytes:
    """One part of an office document: its XML scrubbed of people, its
    pictures cleaned like any photo, its preview thumbnail blanked."""
    if name.startswith(_THUMBNAILS):
        found.append(Found.TEXT)
        return _blank_like(content)
    if name.endswith((".xml", ".rels")):
        return _scrub_xml(content, found)
    inner = _cleaner_for(content)
    if inner is not None and inner[0] in {"jpeg", "png", "webp"}:
        try:
            cleaned, removed = inner[1](content)
        except Exception:  # an unreadable picture is kept, and said so
            found.append(_KEPT)
            return content
        found.extend(removed)
        return cleaned
    return content


def _scrub_xml(content: bytes, found: list) -> bytes:
    scrubbed = _XML_ATTRIBUTES.sub(rb'\1=""', content)
    scrubbed = _XML_ELEMENTS.sub(rb"<\1></\1>", scrubbed)
    scrubbed = _PRESENTATION_AUTHOR.sub(rb'\1""', scrubbed)
    scrubbed = _DOCUMENT_VARIABLE.sub(rb'\1""', scrubbed)
    scrubbed = _LOCAL_TARGET.sub(b'Target="file:///"', scrubbed)
    scrubbed = _PRINTER_SETTING.sub(rb"\1\2", scrubbed)
    if scrubbed != content:
        found.append(Found.AUTHOR)
    return scrubbed


def _blank_like(picture: bytes) -> bytes:
    """A one-pixel stand-in for a document's preview picture, which shows
    its first page -- sometimes with names on it."""
    kind = _cleaner_for(picture)
    format_name = {"png": "PNG", "webp": "WEBP"}.get(kind[0] if kind else "", "JPEG")
    output = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(output, format=format_name)
    return output.getvalue()


def _read_bounded(
    source: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: list
) -> bytes:
    # The sizes in a zip's directory can lie: read no more than what is
    # left of the budget for the whole document.
    with source.open(entry) as stream:
        content = stream.read(budget[0] + 1)
    budget[0] -= len(content)
    if budget[0] < 0:
        raise ValueError("the document unpacks to more than the cleaning limit")
    return content


def _rewrite_zip(data: bytes, rewrite) -> tuple[bytes, list]:
    found: list = []
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w") as target,
    ):
        entries = source.infolist()
        if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
            raise ValueError("unpacks to more than the cleaning limit")
        budget = [MAX_UNPACKED_BYTES]
        for entry in entries:
            part = _read_bounded(source, entry, budget)
            content = rewrite(entry.filename, part, found)
            # Entry times are the author's local clock; they go too.
            clean_entry = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            clean_entry.compress_type = entry.compress_type
            clean_entry.external_attr = entry.external_attr
            target.writestr(clean_entry, content)
        if source.comment:
            found.append(Found.TEXT)
    return output.getvalue(), found
