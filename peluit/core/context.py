"""Template context shared by the reporter's and the staff's pages."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request: HttpRequest) -> dict:
    """Links to the same page in each other language.

    Plain links, so the switch works with JavaScript off and stores
    nothing on the reporter's device.
    """
    current = get_language()
    path = request.get_full_path()
    alternates = [
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"language_alternates": alternates}
