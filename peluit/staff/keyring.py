"""A signed-in staff member's private key, across requests and workers.

At sign-in the private key is unlocked with the password and re-encrypted
under a fresh random key. The encrypted key goes into the server-side
session; the random key goes only into a cookie. Any worker serving the
session can rebuild the private key for the length of a request, nothing
writes it to disk in plain form, and a copy of the session store alone
opens nothing.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey
from nacl.secret import SecretBox
from nacl.utils import random

from peluit.accounts.models import User
from peluit.cases import keys as case_keys
from peluit.cases.models import Case
from peluit.vault import keypairs

if TYPE_CHECKING:
    from peluit.staff.access import StaffRequest

COOKIE = "peluit_staf_kunci"
_SESSION_FIELD = "peluit_keyring"


def unlock(
    request: HttpRequest, response: HttpResponse, user: User, password: str
) -> None:
    pair = user.locked_pair()
    if pair is None:
        return
    seat(request, response, keypairs.unlock(pair, password))


def seat(request: HttpRequest, response: HttpResponse, private: PrivateKey) -> None:
    wrapping_key = random(SecretBox.KEY_SIZE)
    sealed = SecretBox(wrapping_key).encrypt(bytes(private))
    request.session[_SESSION_FIELD] = bytes(sealed).hex()
    request._peluit_private_key = private  # type: ignore[attr-defined]
    response.set_cookie(
        COOKIE,
        wrapping_key.hex(),
        httponly=True,
        samesite="Strict",
        secure=settings.SECURE_COOKIES,
        path="/",
    )


def private_key(request: HttpRequest) -> PrivateKey | None:
    # Kept on the request (in memory, for its length only): an inbox page
    # opens fifty case keys and should unwrap the private key once.
    if not hasattr(request, "_peluit_private_key"):
        request._peluit_private_key = _unwrap(request)  # type: ignore[attr-defined]
    return request._peluit_private_key  # type: ignore[attr-defined]


def _unwrap(request: HttpRequest) -> PrivateKey | None:
    sealed = request.session.get(_SESSION_FIELD)
    wrapping_key = request.COOKIES.get(COOKIE)
    if not sealed or not wrapping_key:
        return None
    try:
        return PrivateKey(
            SecretBox(bytes.fromhex(wrapping_key)).decrypt(bytes.fromhex(sealed))
        )
    except (ValueError, CryptoError):
        return None


def case_key(request: "StaffRequest", case: Case) -> bytes:
    private = private_key(request)
    if private is None:
        raise case_keys.NoAccess
    return case_keys.open_for_staff(case, request.user, private)


def forget(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, path="/", samesite="Strict")
