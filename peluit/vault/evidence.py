"""Evidence files, encrypted chunk by chunk on their way to storage.

Each file gets its own random key (kept, like the file name, inside the
sealed case content). The stream cipher authenticates every chunk and
marks the last one, so a truncated or reordered file fails to open
instead of yielding partial evidence. Files go through Django's storage
API, so the same code writes to a folder or to an object store.
"""

import hashlib
import os
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from nacl import bindings as sodium
from nacl.utils import random

from peluit.vault.content import ContentUnavailable

CHUNK_BYTES = 64 * 1024
_SYNC_EVERY_BYTES = 32 * 1024 * 1024
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
    storage, with memory bounded by a short queue.

    Hashing, encryption and writing run on a helper thread so that they
    overlap with the request thread parsing the upload: libsodium, hashlib
    and file writes all release the GIL, so on two cores the two halves
    really run at once.
    """

    _QUEUE_DEPTH = 8
    _PIECE_BYTES = 1024 * 1024
    _END = object()

    def __init__(self) -> None:
        self._encryptor = _Encryptor()
        self.name, self.key = self._encryptor.name, self._encryptor.key
        # Hashed here, on the request thread, to spread the work over both
        # threads; the digest is of the plaintext as it arrives.
        self._digest = hashlib.sha256()
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=self._QUEUE_DEPTH)
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def write(self, data: bytes | memoryview) -> None:
        self._raise_failure()
        self._digest.update(data)
        self._size += len(data)
        if isinstance(data, bytes) and len(data) <= self._PIECE_BYTES:
            self._queue.put(data)
            return
        view = memoryview(data)
        for start in range(0, len(view), self._PIECE_BYTES):
            self._queue.put(bytes(view[start : start + self._PIECE_BYTES]))

    def close(self) -> StoredFile:
        self._finish()
        self._raise_failure()
        self._encryptor.close()
        return StoredFile(self.name, self.key, self._size, self._digest.hexdigest())

    def abort(self) -> None:
        self._finish()
        self._encryptor.abort()

    def _finish(self) -> None:
        self._queue.put(self._END)
        self._thread.join()

    def _drain(self) -> None:
        while (item := self._queue.get()) is not self._END:
            if self._failure is not None:
                continue  # keep draining so the request thread never blocks
            try:
                self._encryptor.write(item)
            except BaseException as error:  # handed to the request thread
                self._failure = error

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure


class _Encryptor:
    """The single-threaded core: secretstream chunks written to storage."""

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
        self._unsynced = 0

    def write(self, data: bytes) -> None:
        # A full chunk is pushed only once more data follows, because the
        # last chunk of the file must carry the final tag.
        view = memoryview(data)
        if self._pending:
            room = CHUNK_BYTES - len(self._pending)
            self._pending += view[:room]
            view = view[room:]
            if not view:
                return
            self._push(bytes(self._pending), _MESSAGE)
            self._pending.clear()

        while len(view) > CHUNK_BYTES:
            self._push(bytes(view[:CHUNK_BYTES]), _MESSAGE)
            view = view[CHUNK_BYTES:]
        self._pending += view

    def close(self) -> None:
        # The last chunk (possibly empty) carries the final tag, so a
        # reader can tell a complete file from a cut one.
        self._push(bytes(self._pending), _FINAL)
        self._pending.clear()
        self._handle.flush()
        self._handle.close()
        if hasattr(default_storage, "sync"):
            default_storage.sync(self.name)

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
        self._unsynced += len(chunk)
        if self._unsynced >= _SYNC_EVERY_BYTES:
            self._sync_so_far()

    def _sync_so_far(self) -> None:
        """Sends what is written so far to the disk while the upload goes
        on, so that the final sync before the receipt is short instead of
        waiting for the whole file at once."""
        self._unsynced = 0
        fileno = getattr(self._handle, "fileno", None)
        if fileno is None:
            return  # an object store: durable once the write completes
        self._handle.flush()
        os.fdatasync(fileno())


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
