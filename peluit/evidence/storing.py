"""Evidence on its way in: cleaned if it fits in memory, then encrypted.

The result carries two SHA-256 digests for chain of custody: of the file
exactly as the reporter sent it, and of the version that was stored
(after cleaning). Both end up inside the sealed case content.
"""

import hashlib
from dataclasses import asdict, dataclass, field

from django.conf import settings

from peluit.evidence.cleaning import Cleaned, Outcome, clean, uncleaned
from peluit.vault import evidence as vault_files


@dataclass(frozen=True)
class StoredEvidence:
    name: str
    content_type: str
    storage_name: str
    key: bytes
    size: int
    sha256_received: str
    sha256_stored: str
    outcome: str
    removed: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        """What may be shown about the file: no key, no storage name."""
        data = asdict(self)
        del data["key"], data["storage_name"]
        return data


def store_bytes(name: str, content_type: str, data: bytes) -> StoredEvidence:
    """Cleans and stores a file that is already in memory."""
    if len(data) > settings.PELUIT_CLEAN_LIMIT_BYTES:
        cleaned = uncleaned(data, Outcome.TOO_LARGE)
    else:
        cleaned = clean(data)
    return _store_cleaned(name, content_type, hashlib.sha256(data).hexdigest(), cleaned)


def from_stream(
    name: str, content_type: str, stored: vault_files.StoredFile
) -> StoredEvidence:
    """Describes a file too large to clean, encrypted as it streamed in:
    what was received is what was stored."""
    return StoredEvidence(
        name=name,
        content_type=content_type,
        storage_name=stored.storage_name,
        key=stored.key,
        size=stored.size,
        sha256_received=stored.sha256,
        sha256_stored=stored.sha256,
        outcome=Outcome.TOO_LARGE,
    )


def discard(items: list[StoredEvidence]) -> None:
    for item in items:
        vault_files.delete(item.storage_name)


def _store_cleaned(
    name: str, content_type: str, received_digest: str, cleaned: Cleaned
) -> StoredEvidence:
    stored = vault_files.store([cleaned.data])
    return StoredEvidence(
        name=name or "lampiran",
        content_type=content_type or "application/octet-stream",
        storage_name=stored.storage_name,
        key=stored.key,
        size=stored.size,
        sha256_received=received_digest,
        sha256_stored=stored.sha256,
        outcome=cleaned.outcome,
        removed=[str(kind) for kind in cleaned.removed],
    )
