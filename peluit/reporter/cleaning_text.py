"""What the reporter is told about each file's hidden details."""

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peluit.evidence.cleaning import Found, Outcome
from peluit.evidence.storing import StoredEvidence

FOUND_LABELS = {
    Found.CAMERA: gettext_lazy("camera make and model"),
    Found.LOCATION: gettext_lazy("location (GPS)"),
    Found.TIMESTAMPS: gettext_lazy("dates and times"),
    Found.AUTHOR: gettext_lazy("author names"),
    Found.SOFTWARE: gettext_lazy("software names"),
    Found.TEXT: gettext_lazy("hidden text notes"),
    Found.DOCUMENT_PROPERTIES: gettext_lazy("document properties"),
    Found.EMBEDDED_XMP: gettext_lazy("embedded XMP metadata"),
}


def describe(item: StoredEvidence) -> str:
    if item.outcome == Outcome.PARTIAL:
        return _(
            "“%(name)s”: partly cleaned. It contains parts, such as files "
            "attached inside it, that could not be cleaned."
        ) % {"name": item.name}
    if item.outcome == Outcome.CLEANED and item.removed:
        # Semicolons: several labels contain "and" themselves.
        removed = "; ".join(str(FOUND_LABELS[Found(code)]) for code in item.removed)
        return _("“%(name)s”: removed %(removed)s.") % {
            "name": item.name,
            "removed": removed,
        }
    if item.outcome == Outcome.CLEANED:
        return _("“%(name)s”: no hidden identifying details were found.") % {
            "name": item.name
        }
    return str(format_lazy("“{}”: {}", item.name, _UNCLEANED[Outcome(item.outcome)]))


_UNCLEANED = {
    Outcome.NOT_SUPPORTED: gettext_lazy(
        "this type of file cannot be cleaned, so it was stored as you sent it. "
        "Check that it contains nothing that identifies you."
    ),
    Outcome.TOO_LARGE: gettext_lazy(
        "too large to clean, so it was stored as you sent it."
    ),
    Outcome.FAILED: gettext_lazy(
        "could not be read for cleaning, so it was stored as you sent it."
    ),
}
