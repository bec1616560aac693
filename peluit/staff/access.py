"""The one place that decides what a staff member may open.

Views fetch every case and attachment through these helpers, never by a
bare query, so that permission checks and the access trail cannot be
forgotten on a new page. Holding a role is not enough to read a case:
the person must also hold a sealed copy of its key.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from peluit.accounts.models import User
from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.audit import trail
from peluit.cases import keys as case_keys
from peluit.cases.models import Attachment, Case
from peluit.staff import keyring


class StaffRequest(HttpRequest):
    """A request that passed ``role_required``: its user is a signed-in
    staff member, never the anonymous user."""

    user: User


@dataclass(frozen=True)
class OpenCase:
    case: Case
    key: bytes


def role_required(*roles: Role) -> Callable:
    """Lets a view through for an active user holding any of ``roles``.
    Readers of content also need their unlocked key; without it (a lost
    cookie) they sign in again."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not any(user.has_role(role) for role in roles):
                trail.record("access.denied", actor_id=user.pk)
                raise PermissionDenied
            if set(roles) <= CONTENT_ROLES and keyring.private_key(request) is None:
                logout(request)
                return redirect_to_login(request.get_full_path())
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def case_for(
    request: StaffRequest, number: str, *, action: str = "case.view"
) -> OpenCase:
    """The case and its key, for someone allowed to read it; the access is
    recorded under ``action`` (view, reply, status change ...). Someone
    without a copy of the key learns nothing, not even that it exists."""
    opened = _open(request, number)
    trail.record(action, actor_id=request.user.pk, case_id=opened.case.pk)
    return opened


def attachment_for(request: StaffRequest, number: str, attachment_id: int):
    opened = _open(request, number)
    attachment = Attachment.objects.filter(pk=attachment_id, case=opened.case).first()
    if attachment is None:
        raise Http404
    trail.record(
        "attachment.download",
        actor_id=request.user.pk,
        case_id=opened.case.pk,
        target_id=attachment.pk,
    )
    return opened, attachment


def readable_cases(request: StaffRequest):
    return Case.objects.filter(
        access__user=request.user, access__sealed_key__isnull=False
    ).select_related("category")


def _open(request: StaffRequest, number: str) -> OpenCase:
    user = request.user
    if not user.reads_content:
        trail.record("case.denied", actor_id=user.pk)
        raise PermissionDenied

    case = Case.objects.select_related("category").filter(number=number).first()
    try:
        if case is None:
            raise case_keys.NoAccess
        key = keyring.case_key(request, case)
    except case_keys.NoAccess:
        trail.record("case.denied", actor_id=user.pk, case_id=case.pk if case else None)
        raise Http404 from None
    return OpenCase(case, key)
