"""Handlers vouching for new colleagues before those can read reports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peluit.accounts import services
from peluit.accounts.roles import CONTENT_ROLES
from peluit.staff.access import StaffRequest, role_required


@require_POST
@role_required(*CONTENT_ROLES)
def confirm_role(request: StaffRequest, grant_id: int) -> HttpResponse:
    grant = get_object_or_404(services.pending_confirmations(), pk=grant_id)
    try:
        services.confirm_role(grant, confirmed_by=request.user)
    except services.NotAllowedToConfirm:
        raise PermissionDenied from None

    messages.success(request, _("Confirmed. New reports will be sealed to them too."))
    return redirect("staff:inbox")
