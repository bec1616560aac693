"""Request filters that protect reporters before any view runs."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# Headers that identify a client or its network path. Removed from every
# request, staff included, so no log line, error report or model save can
# ever record them by accident.
_IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_VIA",
    "HTTP_X_CLIENT_IP",
    "HTTP_X_CLUSTER_CLIENT_IP",
    "HTTP_CLIENT_IP",
    "REMOTE_PORT",
)

_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

Handler = Callable[[HttpRequest], HttpResponse]


def forget_client(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        for key in _IDENTIFYING_META:
            request.META.pop(key, None)
        # A referrer from another site says where the visitor came from;
        # our own pages' referrer is kept, as the HTTPS CSRF check needs it.
        referrer = request.META.get("HTTP_REFERER", "")
        if not referrer.startswith(settings.SITE_URL + "/"):
            request.META.pop("HTTP_REFERER", None)
        request.META.pop("gunicorn.socket", None)
        return get_response(request)

    return middleware


def security_headers(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
        ):
            # Django answers a wrong method with an empty page.
            allowed = response.headers.get("Allow", "")
            response = render(request, "405.html", status=405)
            response["Allow"] = allowed
        response.headers.setdefault("Content-Security-Policy", _CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "interest-cohort=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        # Pages may show a receipt or a report; none of them belongs in a
        # shared computer's browser cache.
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    return middleware
