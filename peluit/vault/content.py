"""The boundary around report content.

Everything a reporter or a handler writes -- form answers, identity,
messages, notes, reasons, evidence file names and keys -- passes through
here and is stored only as ciphertext under a per-case key. Views and
services never see the storage form; swapping how case keys are wrapped
changes this module alone.
"""

import json
from typing import Any

from nacl.exceptions import CryptoError
from nacl.secret import SecretBox
from nacl.utils import random

from peluit.vault import keys

_CASE_KEY_WRAP = b"peluit-case-wrap"


class ContentUnavailable(Exception):
    """Ciphertext that this key cannot open: wrong key or tampered data."""


def new_case_key() -> bytes:
    return random(SecretBox.KEY_SIZE)


def wrap_case_key(case_key: bytes) -> bytes:
    return bytes(keys.box(_CASE_KEY_WRAP).encrypt(case_key))


def unwrap_case_key(wrapped: bytes) -> bytes:
    try:
        return keys.box(_CASE_KEY_WRAP).decrypt(bytes(wrapped))
    except CryptoError as error:
        raise ContentUnavailable from error


def seal(case_key: bytes, value: Any) -> bytes:
    plaintext = json.dumps(value, ensure_ascii=False).encode()
    return bytes(SecretBox(case_key).encrypt(plaintext))


def unseal(case_key: bytes, blob: bytes) -> Any:
    try:
        plaintext = SecretBox(case_key).decrypt(bytes(blob))
    except CryptoError as error:
        raise ContentUnavailable from error
    return json.loads(plaintext)
