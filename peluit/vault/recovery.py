"""The organisation's recovery key.

Its private half never lives on the server. It is printed once as shares
that must all be brought together to use it (an n-of-n split: each share
alone is uniformly random and says nothing about the key), so no single
official can open cases with it alone.
"""

import hashlib
import secrets

from nacl.public import PrivateKey

from peluit.vault.content import ContentUnavailable

KEY_BYTES = 32
_CHECK_BYTES = 4


class BadShares(ContentUnavailable):
    """The shares do not form the recovery key that cases are sealed to."""


def split(private: PrivateKey, count: int) -> list[str]:
    if count < 2:
        raise ValueError("a recovery key needs at least two shares")
    secret = bytes(private)
    shares = [secrets.token_bytes(KEY_BYTES) for _ in range(count - 1)]
    last = secret
    for share in shares:
        last = _xor(last, share)
    return [
        _encode(index, count, share) for index, share in enumerate([*shares, last], 1)
    ]


def combine(encoded: list[str], expected_public_key: bytes) -> PrivateKey:
    shares = [_decode(text) for text in encoded]
    counts = {count for _, count, _ in shares}
    indexes = sorted(index for index, _, _ in shares)
    if len(counts) != 1 or indexes != list(range(1, counts.pop() + 1)):
        raise BadShares("every share, once each, is needed")

    secret = bytes(KEY_BYTES)
    for _, _, share in shares:
        secret = _xor(secret, share)
    private = PrivateKey(secret)
    if bytes(private.public_key) != bytes(expected_public_key):
        raise BadShares("these shares do not form the recovery key")
    return private


def _encode(index: int, count: int, share: bytes) -> str:
    body = bytes([index, count]) + share
    check = hashlib.sha256(body).digest()[:_CHECK_BYTES]
    return (body + check).hex()


def _decode(text: str) -> tuple[int, int, bytes]:
    try:
        raw = bytes.fromhex("".join(text.split()))
    except ValueError:
        raise BadShares("a share is not hexadecimal") from None
    body, check = raw[:-_CHECK_BYTES], raw[-_CHECK_BYTES:]
    if (
        len(body) != 2 + KEY_BYTES
        or hashlib.sha256(body).digest()[:_CHECK_BYTES] != check
    ):
        raise BadShares("a share was mistyped")
    return body[0], body[1], body[2:]


def _xor(first: bytes, second: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(first, second, strict=True))
