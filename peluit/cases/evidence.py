"""Attaching evidence files to a case and reading them back."""

import base64
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from peluit.cases.models import Attachment, Case, Message
from peluit.evidence import storing
from peluit.evidence.uploads import EvidenceUpload
from peluit.vault import content as vault
from peluit.vault import evidence as files


@dataclass(frozen=True)
class AttachmentDetails:
    id: int
    name: str
    size: int
    sha256_received: str
    sha256_stored: str
    outcome: str
    removed: list[str] = field(default_factory=list)
    from_reporter: bool = True


def stored_from(uploads: Iterable[UploadedFile]) -> list[storing.StoredEvidence]:
    """The stored form of each upload. Uploads through the evidence upload
    handler are already cleaned and encrypted; files read in memory (by
    the seed command or a hotline operator's tools) are stored here."""
    items: list[storing.StoredEvidence] = []
    try:
        for upload in uploads:
            if isinstance(upload, EvidenceUpload):
                if upload.stored is None:
                    raise ValueError("an upload the form should have refused")
                items.append(upload.stored)
            else:
                name = upload.name or "lampiran"
                content_type = upload.content_type or "application/octet-stream"
                items.append(storing.store_bytes(name, content_type, upload.read()))
    except BaseException:
        storing.discard(items)
        raise
    return items


def attach(
    case: Case,
    key: bytes,
    items: list[storing.StoredEvidence],
    *,
    message: Message | None,
    from_reporter: bool,
) -> None:
    now = timezone.now()
    Attachment.objects.bulk_create(
        Attachment(
            case=case,
            message=message,
            created_at=now,
            from_reporter=from_reporter,
            storage_name=item.storage_name,
            sealed_details=vault.seal(key, _sealed_details(item)),
        )
        for item in items
    )


def details(attachment: Attachment, key: bytes) -> AttachmentDetails:
    data = vault.unseal(key, attachment.sealed_details)
    return AttachmentDetails(
        id=attachment.pk,
        name=data["name"],
        size=data["size"],
        sha256_received=data["sha256_received"],
        sha256_stored=data["sha256_stored"],
        outcome=data["outcome"],
        removed=data["removed"],
        from_reporter=attachment.from_reporter,
    )


def open_stream(attachment: Attachment, key: bytes) -> Iterator[bytes]:
    data = vault.unseal(key, attachment.sealed_details)
    return files.read(attachment.storage_name, base64.b64decode(data["key"]))


def _sealed_details(item: storing.StoredEvidence) -> dict:
    return {**item.summary(), "key": base64.b64encode(item.key).decode()}
