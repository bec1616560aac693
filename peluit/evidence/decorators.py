"""Letting a view receive evidence files."""

from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from peluit.cases.models import Attachment
from peluit.evidence import storing
from peluit.evidence.uploads import EvidenceUploadHandler


def takes_evidence(view):
    """The upload handler must be set before anything reads the request
    body -- the CSRF check included -- so the check runs inside, once the
    handler is in place. Whatever the request stored that no case took
    (a refused form, a stray field, too many files) is deleted again."""

    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        handler = EvidenceUploadHandler(request)
        request.upload_handlers = [handler]
        try:
            return protected(request, *args, **kwargs)
        finally:
            storing.discard(_unattached(handler.stored))

    return wrapped


def _unattached(stored: list[storing.StoredEvidence]) -> list[storing.StoredEvidence]:
    kept = set(
        Attachment.objects.filter(
            storage_name__in=[item.storage_name for item in stored]
        ).values_list("storage_name", flat=True)
    )
    return [item for item in stored if item.storage_name not in kept]
