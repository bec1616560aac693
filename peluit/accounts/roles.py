"""The roles a staff member can hold. A person may hold several."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    HANDLER = "handler", _("Handler")


# Roles whose holders may read report content. Administrators manage
# accounts and settings and are deliberately left out.
CONTENT_ROLES = frozenset({Role.HANDLER})
