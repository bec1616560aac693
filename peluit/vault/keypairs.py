"""Key pairs for staff and for the organisation's recovery key.

A case key is sealed (libsodium sealed box, X25519) to the public key of
each person who may read the case, so a new report can be sealed to its
handlers while no private key is anywhere near the server. A staff
member's private key is stored only encrypted under a key derived from
their password with Argon2id.
"""

from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox
from nacl.utils import random

from peluit.vault.content import ContentUnavailable

SALT_BYTES = 16


@dataclass(frozen=True)
class LockedKeyPair:
    """What is stored for a person: the public key, and the private key
    encrypted under their password."""

    public_key: bytes
    sealed_private_key: bytes
    salt: bytes


def new_locked_pair(password: str) -> LockedKeyPair:
    private = PrivateKey.generate()
    return lock(private, password)


def lock(private: PrivateKey, password: str) -> LockedKeyPair:
    salt = random(SALT_BYTES)
    box = SecretBox(_password_key(password, salt))
    return LockedKeyPair(
        public_key=bytes(private.public_key),
        sealed_private_key=bytes(box.encrypt(bytes(private))),
        salt=salt,
    )


def unlock(pair: LockedKeyPair, password: str) -> PrivateKey:
    box = SecretBox(_password_key(password, pair.salt))
    try:
        return PrivateKey(box.decrypt(bytes(pair.sealed_private_key)))
    except CryptoError as error:
        raise ContentUnavailable from error


def seal_to(public_key: bytes, secret: bytes) -> bytes:
    return bytes(SealedBox(PublicKey(bytes(public_key))).encrypt(secret))


def open_sealed(private: PrivateKey, sealed: bytes) -> bytes:
    try:
        return SealedBox(private).decrypt(bytes(sealed))
    except CryptoError as error:
        raise ContentUnavailable from error


def _password_key(password: str, salt: bytes) -> bytes:
    return hash_secret_raw(
        secret=password.encode(),
        salt=bytes(salt),
        hash_len=SecretBox.KEY_SIZE,
        type=Type.ID,
        **settings.PELUIT_STAFF_KEY_ARGON2,
    )
