"""Template context shared by the reporter's and the staff's pages."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.translation import get_language, override


def languages(request: HttpRequest) -> dict:
    """Links to the same page in each other language.

    Plain links, so the switch works with JavaScript off and stores
    nothing on the reporter's device. Built from the resolved path only:
    the raw path could smuggle in another host ("//elsewhere/").
    """
    current = get_language()
    path = "/" + request.path.lstrip("/")
    try:
        resolve(path)
    except Resolver404:
        path = reverse("reporter:home")

    query = request.GET.urlencode()
    alternates = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        with override(current):
            url = translate_url(path, code)
        alternates.append(
            {"code": code, "name": name, "url": url + (f"?{query}" if query else "")}
        )
    return {"language_alternates": alternates}
