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
Image.MAX_IMAGE_PIXELS = 80_000_000


class Outcome(StrEnum):
    CLEANED = "cleaned"
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
    return Cleaned(cleaned, Outcome.CLEANED, sorted(set(removed)), kind)


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
        }
    )
    if text_keys:
        found.append(Found.TEXT)
    return found


def _reencode(data: bytes, format_name: str, **options) -> tuple[bytes, list[Found]]:
    with Image.open(io.BytesIO(data)) as image:
        if image.format != format_name:
            raise ValueError("not the format its first bytes claim")
        found = _image_findings(image)
        # Keep what the photo shows the right way up, then drop the tag.
        upright = ImageOps.exif_transpose(image)
        rotated = upright is not image
        keep = (
            {"icc_profile": image.info["icc_profile"]}
            if "icc_profile" in image.info
            else {}
        )
        output = io.BytesIO()
        if format_name == "JPEG" and not rotated:
            options = {"quality": "keep", **options}
        (upright or image).save(output, format=format_name, **keep, **options)
    return output.getvalue(), found


def _clean_jpeg(data: bytes):
    return _reencode(data, "JPEG", quality=95)


def _clean_png(data: bytes):
    return _reencode(data, "PNG", optimize=False)


def _clean_webp(data: bytes):
    return _reencode(data, "WEBP", lossless=True)


# PDF ---------------------------------------------------------------------


def _clean_pdf(data: bytes):
    found: list[Found] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/Info" in pdf.trailer:
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
        for holder in [pdf.Root, *pdf.pages]:
            for key in ("/Metadata", "/PieceInfo"):
                if key in holder:
                    found.append(Found.EMBEDDED_XMP)
                    del holder[key]
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True)
    return output.getvalue(), found


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
# Comment and tracked-change authors inside the document body.
_AUTHOR_ATTRIBUTES = re.compile(rb'\b(w:author|w:initials|author)="[^"]*"')
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
    def rewrite(name: str, content: bytes, found: list[Found]) -> bytes:
        if name in _OOXML_REPLACEMENTS:
            found.append(Found.DOCUMENT_PROPERTIES)
            if b"creator>" in content or b"lastModifiedBy>" in content:
                found.append(Found.AUTHOR)
            return _OOXML_REPLACEMENTS[name]
        if name.endswith(".xml") and _AUTHOR_ATTRIBUTES.search(content):
            found.append(Found.AUTHOR)
            return _AUTHOR_ATTRIBUTES.sub(rb'\1=""', content)
        return content

    return _rewrite_zip(data, rewrite)


def _clean_odf(data: bytes):
    def rewrite(name: str, content: bytes, found: list[Found]) -> bytes:
        if name == "meta.xml":
            found.append(Found.DOCUMENT_PROPERTIES)
            if b"dc:creator" in content or b"meta:initial-creator" in content:
                found.append(Found.AUTHOR)
            return _EMPTY_ODF_META
        if name.endswith(".xml") and b"dc:creator" in content:
            found.append(Found.AUTHOR)
            return re.sub(rb"<dc:creator>[^<]*</dc:creator>", b"", content)
        return content

    return _rewrite_zip(data, rewrite)


def _rewrite_zip(data: bytes, rewrite) -> tuple[bytes, list[Found]]:
    found: list[Found] = []
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w") as target,
    ):
        for entry in source.infolist():
            content = rewrite(entry.filename, source.read(entry), found)
            # Entry times are the author's local clock; they go too.
            clean_entry = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            clean_entry.compress_type = entry.compress_type
            clean_entry.external_attr = entry.external_attr
            target.writestr(clean_entry, content)
        if source.comment:
            found.append(Found.TEXT)
    return output.getvalue(), found
