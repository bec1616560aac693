"""Absolute links that staff hand to each other."""

from django.conf import settings
from django.urls import reverse


def absolute_activation_url(token: str) -> str:
    # The configured site address, not the Host header: a link built from
    # a forged Host would send a new colleague's password to an attacker.
    return settings.SITE_URL + reverse("staff:activate", args=[token])
