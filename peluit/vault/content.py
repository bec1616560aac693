"""The boundary around report content.

Everything a reporter or a handler writes -- form answers, identity,
messages, notes, reasons, evidence file names and keys -- passes through
here and is stored only as ciphertext under a per-case key. Views and
services never see the storage form; swapping how case keys are wrapped
changes this module alone. Who holds copies of a case key is decided in
``peluit.cases.keys``.
"""

import json
from typing import Any

from nacl.exceptions import CryptoError
from nacl.secret import SecretBox
from nacl.utils import random


class ContentUnavailable(Exception):
    """Ciphertext that this key cannot open: wrong key or tampered data."""


def new_case_key() -> bytes:
    return random(SecretBox.KEY_SIZE)


def seal(case_key: bytes, value: Any) -> bytes:
    plaintext = json.dumps(value, ensure_ascii=False).encode()
    return bytes(SecretBox(case_key).encrypt(plaintext))


def unseal(case_key: bytes, blob: bytes) -> Any:
    try:
        plaintext = SecretBox(case_key).decrypt(bytes(blob))
    except CryptoError as error:
        raise ContentUnavailable from error
    return json.loads(plaintext)
