"""Receipt codes: the reporter's only way back to a report.

A receipt is 16 random decimal digits (about 53 bits). It is never
stored; Argon2id with a server-side pepper turns it into a lookup value
(stored) and, from the same run, key material for the reporter's copy of
the case key. Without the pepper, a stolen database gives an attacker
nothing to test guesses against.
"""

import re
import secrets
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings
from nacl.encoding import RawEncoder
from nacl.hash import blake2b

DIGITS = 16
_SEPARATORS = re.compile(r"[\s\-.]")


@dataclass(frozen=True)
class Derived:
    lookup: bytes
    key: bytes


def generate() -> str:
    return f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"


def normalize(raw: str) -> str | None:
    """Accepts the receipt as people copy or type it: with spaces, dashes
    or dots between the groups. Returns None for anything else."""
    digits = _SEPARATORS.sub("", raw or "")
    if len(digits) != DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def derive(receipt: str) -> Derived:
    material = hash_secret_raw(
        secret=receipt.encode(),
        salt=_salt(),
        hash_len=64,
        type=Type.ID,
        **settings.PELUIT_RECEIPT_ARGON2,
    )
    return Derived(lookup=material[:32], key=material[32:])


def _salt() -> bytes:
    # One salt for the whole site, derived from the pepper: a per-case
    # salt would force a slow hash against every case at each login.
    return blake2b(
        settings.PELUIT_RECEIPT_PEPPER.encode(),
        digest_size=16,
        person=b"peluit-receipt",
        encoder=RawEncoder,
    )
