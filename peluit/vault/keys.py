"""Keys the server holds, derived from one master secret kept outside the
database (``PELUIT_VAULT_KEY``). Each purpose gets its own sub-key, so a
key leaked from one use cannot open another.
"""

from functools import cache

from django.conf import settings
from nacl.encoding import RawEncoder
from nacl.hash import blake2b
from nacl.secret import SecretBox


@cache
def _master() -> bytes:
    material = bytes.fromhex(settings.PELUIT_VAULT_KEY)
    if len(material) < 32:
        raise ValueError("PELUIT_VAULT_KEY must be at least 32 bytes of hex")
    return material


def subkey(purpose: bytes) -> bytes:
    return blake2b(
        b"",
        digest_size=SecretBox.KEY_SIZE,
        key=_master()[:64],
        person=purpose.ljust(16, b"\0")[:16],
        encoder=RawEncoder,
    )


def box(purpose: bytes) -> SecretBox:
    return SecretBox(subkey(purpose))
