"""Evidence files, encrypted chunk by chunk on their way to storage.

Each file gets its own random key (kept, like the file name, inside the
sealed case content). The stream cipher authenticates every chunk and
marks the last one, so a truncated or reordered file fails to open
instead of yielding partial evidence.
"""

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.files.base import File
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


def store(chunks: Iterable[bytes]) -> StoredFile:
    key = random(_KEY_BYTES)
    digest = hashlib.sha256()
    counter = {"size": 0}

    def measured() -> Iterator[bytes]:
        for chunk in _rechunk(chunks):
            digest.update(chunk)
            counter["size"] += len(chunk)
            yield chunk

    name = default_storage.save(
        f"{random(16).hex()}.bin", _EncryptingFile(key, measured())
    )
    return StoredFile(name, key, counter["size"], digest.hexdigest())


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


def _rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Yields plaintext in fixed-size chunks so that ciphertext chunks have
    a fixed size too and can be read back without a length prefix."""
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        while len(pending) >= CHUNK_BYTES:
            yield bytes(pending[:CHUNK_BYTES])
            del pending[:CHUNK_BYTES]
    yield bytes(pending)


class _EncryptingFile(File):
    """A file whose chunks are the encrypted stream of the given plaintext.

    Storage backends pull ``chunks()``; nothing is buffered beyond one
    chunk, and the plaintext never reaches the storage layer.
    """

    def __init__(self, key: bytes, plaintext: Iterator[bytes]) -> None:
        super().__init__(None, name="evidence.bin")
        self._key = key
        self._plaintext = plaintext

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        yield sodium.crypto_secretstream_xchacha20poly1305_init_push(state, self._key)

        previous = next(self._plaintext, b"")
        for current in self._plaintext:
            yield sodium.crypto_secretstream_xchacha20poly1305_push(
                state, previous, tag=_MESSAGE
            )
            previous = current
        yield sodium.crypto_secretstream_xchacha20poly1305_push(
            state, previous, tag=_FINAL
        )

    def multiple_chunks(self, chunk_size: int | None = None) -> bool:
        return True
