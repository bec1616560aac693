"""Evidence files, encrypted chunk by chunk on their way to storage.

Each file gets its own random key (kept, like the file name, inside the
sealed case content). The stream cipher authenticates every chunk and
marks the last one, so a truncated or reordered file fails to open
instead of yielding partial evidence. Files go through Django's storage
API, so the same code writes to a folder or to an object store.
"""

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from nacl import bindings as sodium
from nacl.utils import random

from peluit.vault.content import ContentUnavailable

CHUNK_BYTES = 64 * 1024
_KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES
_HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_SEALED_CHUNK_BYTES = CHUNK_BYTES + sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE


@dataclass(frozen=True)
class StoredFile:
    storage_name: str
    key: bytes
    size: int
    sha256: str


class Writer:
    """Encrypts plaintext pushed in pieces of any size straight into
    storage, holding at most one chunk in memory."""

    def __init__(self) -> None:
        self.key = random(_KEY_BYTES)
        self.name = default_storage.save(f"{random(16).hex()}.bin", ContentFile(b""))
        self._handle = default_storage.open(self.name, "wb")
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        self._handle.write(
            sodium.crypto_secretstream_xchacha20poly1305_init_push(
                self._state, self.key
            )
        )
        self._pending = bytearray()
        self._digest = hashlib.sha256()
        self._size = 0

    def write(self, data: bytes) -> None:
        self._digest.update(data)
        self._size += len(data)
        self._pending += data
        while len(self._pending) > CHUNK_BYTES:
            self._push(bytes(self._pending[:CHUNK_BYTES]), _MESSAGE)
            del self._pending[:CHUNK_BYTES]

    def close(self) -> StoredFile:
        # The last chunk (possibly empty) carries the final tag, so a
        # reader can tell a complete file from a cut one.
        self._push(bytes(self._pending), _FINAL)
        self._pending.clear()
        self._handle.flush()
        self._handle.close()
        if hasattr(default_storage, "sync"):
            default_storage.sync(self.name)
        return StoredFile(self.name, self.key, self._size, self._digest.hexdigest())

    def abort(self) -> None:
        self._pending.clear()
        self._handle.close()
        default_storage.delete(self.name)

    def _push(self, chunk: bytes, tag: int) -> None:
        self._handle.write(
            sodium.crypto_secretstream_xchacha20poly1305_push(
                self._state, chunk, tag=tag
            )
        )


def store(chunks: Iterable[bytes]) -> StoredFile:
    writer = Writer()
    try:
        for chunk in chunks:
            writer.write(chunk)
    except BaseException:
        writer.abort()
        raise
    return writer.close()


def read(storage_name: str, key: bytes) -> Iterator[bytes]:
    with default_storage.open(storage_name, "rb") as handle:
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        header = handle.read(_HEADER_BYTES)
        try:
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
        except Exception as error:
            raise ContentUnavailable from error

        while True:
            sealed = handle.read(_SEALED_CHUNK_BYTES)
            if not sealed:
                raise ContentUnavailable("evidence file is truncated")
            try:
                chunk, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
                    state, sealed
                )
            except Exception as error:
                raise ContentUnavailable from error
            yield chunk
            if tag == _FINAL:
                return


def delete(storage_name: str) -> None:
    default_storage.delete(storage_name)
