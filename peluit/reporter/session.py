"""The reporter's short-lived sign-in after entering a receipt.

Reporters get no server-side session and no account: a single encrypted
cookie, scoped to the follow-up pages, names the case and when it was
opened. It is a browser-session cookie, so it is gone when the browser
closes, and it lapses on the server after a short idle time.
"""

import json
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from nacl.exceptions import CryptoError

from peluit.cases.models import Case
from peluit.vault import keys

COOKIE = "peluit_lapor"
_PURPOSE = b"peluit-reporter"


def sign_in(response: HttpResponse, case: Case) -> None:
    _write(response, {"case": case.pk, "at": int(time.time())})


def refresh(response: HttpResponse, case: Case) -> None:
    sign_in(response, case)


def current_case(request: HttpRequest) -> Case | None:
    token = request.COOKIES.get(COOKIE)
    if not token:
        return None

    try:
        data = json.loads(keys.box(_PURPOSE).decrypt(bytes.fromhex(token)))
    except (ValueError, CryptoError):
        return None

    if time.time() - data["at"] > settings.PELUIT_REPORTER_SESSION_SECONDS:
        return None
    return Case.objects.filter(pk=data["case"]).first()


def sign_out(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, path="/", samesite="Strict")


def _write(response: HttpResponse, data: dict) -> None:
    sealed = keys.box(_PURPOSE).encrypt(json.dumps(data).encode())
    response.set_cookie(
        COOKIE,
        bytes(sealed).hex(),
        httponly=True,
        samesite="Strict",
        secure=settings.SECURE_COOKIES,
        path="/",
    )
