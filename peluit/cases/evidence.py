"""Attaching evidence files to a case and reading them back."""

import base64
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from peluit.cases.models import Attachment, Case, Message
from peluit.vault import content as vault
from peluit.vault import evidence as files


@dataclass(frozen=True)
class AttachmentDetails:
    id: int
    name: str
    size: int
    sha256: str
    from_reporter: bool


def store_uploads(
    uploads: Iterable[UploadedFile],
) -> list[tuple[UploadedFile, files.StoredFile]]:
    """Encrypts uploads into storage before the case exists, so the
    database transaction that creates the case only adds rows."""
    stored = []
    try:
        for upload in uploads:
            stored.append((upload, files.store(upload.chunks())))
    except BaseException:
        discard(stored)
        raise
    return stored


def discard(stored: list[tuple[UploadedFile, files.StoredFile]]) -> None:
    for _, item in stored:
        files.delete(item.storage_name)


def attach(
    case: Case,
    key: bytes,
    stored: list[tuple[UploadedFile, files.StoredFile]],
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
            sealed_details=vault.seal(key, _details(upload, item)),
        )
        for upload, item in stored
    )


def details(attachment: Attachment, key: bytes) -> AttachmentDetails:
    data = vault.unseal(key, attachment.sealed_details)
    return AttachmentDetails(
        id=attachment.pk,
        name=data["name"],
        size=data["size"],
        sha256=data["sha256"],
        from_reporter=attachment.from_reporter,
    )


def open_stream(attachment: Attachment, key: bytes) -> Iterator[bytes]:
    data = vault.unseal(key, attachment.sealed_details)
    file_key = base64.b64decode(data["key"])
    return files.read(attachment.storage_name, file_key)


def _details(upload: UploadedFile, item: files.StoredFile) -> dict:
    return {
        "name": upload.name or "lampiran",
        "content_type": upload.content_type or "application/octet-stream",
        "size": item.size,
        "sha256": item.sha256,
        "key": base64.b64encode(item.key).decode(),
    }
