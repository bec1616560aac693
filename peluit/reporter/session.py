"""The reporter's short-lived sign-in after entering a receipt.

Reporters get no server-side session and no account: a single cookie,
sealed with a server key, carries the case and the key derived from the
receipt, which opens the reporter's copy of the case key. Neither half is
enough alone: the cookie needs the server's key, and the database needs
the receipt. It is a browser-session cookie, so it is gone when the
browser closes, and it lapses on the server after a short idle time.
"""

import json
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from nacl.exceptions import CryptoError

from peluit.cases import keys as case_keys
from peluit.cases.models import Case
from peluit.vault import keys
from peluit.vault.content import ContentUnavailable

COOKIE = "peluit_lapor"
_PURPOSE = b"peluit-reporter"


@dataclass(frozen=True)
class ReporterSession:
    case: Case
    case_key: bytes
    reporter_key: bytes


def sign_in(response: HttpResponse, case: Case, reporter_key: bytes) -> None:
    payload = {"case": case.pk, "key": reporter_key.hex(), "at": int(time.time())}
    sealed = keys.box(_PURPOSE).encrypt(json.dumps(payload).encode())
    response.set_cookie(
        COOKIE,
        bytes(sealed).hex(),
        httponly=True,
        samesite="Strict",
        secure=settings.SECURE_COOKIES,
        path="/",
    )


def refresh(response: HttpResponse, current: ReporterSession) -> None:
    sign_in(response, current.case, current.reporter_key)


def current(request: HttpRequest) -> ReporterSession | None:
    token = request.COOKIES.get(COOKIE)
    if not token:
        return None

    try:
        data = json.loads(keys.box(_PURPOSE).decrypt(bytes.fromhex(token)))
    except (ValueError, CryptoError):
        return None
    if time.time() - data["at"] > settings.PELUIT_REPORTER_SESSION_SECONDS:
        return None

    case = Case.objects.filter(pk=data["case"]).select_related("category").first()
    if case is None:
        return None
    reporter_key = bytes.fromhex(data["key"])
    try:
        case_key = case_keys.open_for_reporter(case, reporter_key)
    except ContentUnavailable:
        return None
    return ReporterSession(case, case_key, reporter_key)


def sign_out(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, path="/", samesite="Strict")
