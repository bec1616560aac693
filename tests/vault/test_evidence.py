"""Evidence files encrypted in chunks: round trips and tampering."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from peluit.vault import evidence
from peluit.vault.content import ContentUnavailable

SIZES = [
    0,
    1,
    evidence.CHUNK_BYTES - 1,
    evidence.CHUNK_BYTES,
    3 * evidence.CHUNK_BYTES + 7,
]


def pattern(size: int) -> bytes:
    return bytes((i * 7 + 3) % 251 for i in range(size))


@pytest.mark.parametrize("size", SIZES)
def test_a_file_reads_back_byte_for_byte(size):
    data = pattern(size)
    # Odd-sized input chunks, as an upload delivers them.
    stored = evidence.store(data[i : i + 1000] for i in range(0, max(size, 1), 1000))

    assert b"".join(evidence.read(stored.storage_name, stored.key)) == data
    assert stored.size == size


def test_the_stored_bytes_do_not_contain_the_plaintext():
    data = b"NIP 19800101 200501 1 001 " * 100

    stored = evidence.store([data])

    with default_storage.open(stored.storage_name) as handle:
        assert b"NIP 19800101" not in handle.read()


def test_a_flipped_byte_is_detected():
    stored = evidence.store([pattern(5000)])
    path = Path(default_storage.path(stored.storage_name))
    raw = bytearray(path.read_bytes())
    raw[100] ^= 1
    path.write_bytes(bytes(raw))

    with pytest.raises(ContentUnavailable):
        b"".join(evidence.read(stored.storage_name, stored.key))


def test_a_truncated_file_is_detected():
    stored = evidence.store([pattern(3 * evidence.CHUNK_BYTES)])
    path = Path(default_storage.path(stored.storage_name))
    path.write_bytes(path.read_bytes()[: evidence.CHUNK_BYTES + 100])

    with pytest.raises(ContentUnavailable):
        b"".join(evidence.read(stored.storage_name, stored.key))


def test_another_key_opens_nothing():
    stored = evidence.store([b"bukti"])

    with pytest.raises(ContentUnavailable):
        b"".join(evidence.read(stored.storage_name, b"\0" * 32))
