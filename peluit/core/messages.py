"""Flash messages in a cookie that only the server can read.

Reporters have no server session, so one-off notices ("message sent",
which files were cleaned) travel in a cookie. Django signs that cookie but
leaves it readable; these may name a reporter's evidence files, so here it
is also encrypted, under a key derived from the server's vault secret.
"""

import base64

from django.contrib.messages.storage.cookie import CookieStorage
from nacl.exceptions import CryptoError

from peluit.vault import keys

_PURPOSE = b"peluit-messages"


class SealedCookieStorage(CookieStorage):
    def _encode_parts(self, messages, encode_empty=False):
        # Private in Django and missing from django-stubs.
        signed = super()._encode_parts(  # type: ignore[misc]
            messages, encode_empty=encode_empty
        )
        if signed is None:
            return None
        sealed = keys.box(_PURPOSE).encrypt(signed.encode())
        return base64.urlsafe_b64encode(bytes(sealed)).decode()

    def _decode(self, data):
        if not data:
            return None
        try:
            signed = keys.box(_PURPOSE).decrypt(base64.urlsafe_b64decode(data))
        except (ValueError, CryptoError):
            self.used = True  # unreadable: drop it, as Django does with bad ones
            return None
        return super()._decode(signed.decode())  # type: ignore[misc]
