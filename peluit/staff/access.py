"""The one place that decides what a staff member may open.

Views fetch every case and attachment through these helpers, never by a
bare query, so that permission checks and the access trail cannot be
forgotten on a new page.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.audit import trail
from peluit.cases.models import Attachment, Case


def role_required(*roles: Role) -> Callable:
    """Lets a view through for an active user holding any of ``roles``."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not any(request.user.has_role(role) for role in roles):
                trail.record("access.denied", actor_id=request.user.pk)
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def case_for(user: User, number: str, *, action: str = "case.view") -> Case:
    """The case, for someone allowed to read it; the access is recorded
    under ``action`` (view, reply, status change ...)."""
    case = _readable_case(user, number)
    trail.record(action, actor_id=user.pk, case_id=case.pk)
    return case


def attachment_for(user: User, number: str, attachment_id: int) -> Attachment:
    case = _readable_case(user, number)
    attachment = get_object_or_404(Attachment, pk=attachment_id, case=case)
    trail.record(
        "attachment.download",
        actor_id=user.pk,
        case_id=case.pk,
        target_id=attachment.pk,
    )
    return attachment


def _readable_case(user: User, number: str) -> Case:
    if not user.reads_content:
        trail.record("case.denied", actor_id=user.pk)
        raise PermissionDenied
    return get_object_or_404(Case.objects.select_related("category"), number=number)
