"""The roles a staff member can hold. A person may hold several."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    HANDLER = "handler", _("Handler")
    SUPERVISOR = "supervisor", _("Supervisor")
    LEGAL_ADVISOR = "legal_advisor", _("Legal advisor")
    AUDITOR = "auditor", _("Auditor")
    # Takes reports by phone, letter, e-mail or in person and types them in;
    # keeps no copy of the case key afterwards.
    HOTLINE = "hotline", _("Hotline operator")


# Roles whose holders may read the content of the cases they hold a key
# for. Administrators manage accounts and settings, and auditors read
# metadata and the access trail: both are deliberately left out.
CONTENT_ROLES = frozenset({Role.HANDLER, Role.SUPERVISOR, Role.LEGAL_ADVISOR})

# Roles a team's new reports are sealed to. Legal advisors read only the
# cases shared with them.
INTAKE_ROLES = frozenset({Role.HANDLER, Role.SUPERVISOR})
