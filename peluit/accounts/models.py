"""Staff accounts, their roles, and one-time activation links."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peluit.accounts.roles import CONTENT_ROLES, Role

ACTIVATION_LIFETIME = timedelta(days=3)


class User(AbstractUser):
    """A staff member. Reporters never have an account."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)

    def has_role(self, role: Role) -> bool:
        return self.is_active and role in self.role_set

    @property
    def role_set(self) -> frozenset[str]:
        if not hasattr(self, "_role_cache"):
            self._role_cache = frozenset(self.grants.values_list("role", flat=True))
        return self._role_cache

    @property
    def reads_content(self) -> bool:
        return self.is_active and bool(self.role_set & CONTENT_ROLES)

    def __str__(self) -> str:
        return self.display_name or self.username


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role")
        ]


class ActivationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class Activation(models.Model):
    """A one-time link that lets a person set their own password.

    ``user`` is empty for the very first administrator, who chooses a
    username too. Only a hash of the token is stored.
    """

    user = models.ForeignKey(User, null=True, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True)

    objects = ActivationQuerySet.as_manager()

    @classmethod
    def issue(cls, user: User | None) -> tuple["Activation", str]:
        token = secrets.token_urlsafe(32)
        activation = cls.objects.create(
            user=user,
            token_hash=hash_token(token),
            expires_at=timezone.now() + ACTIVATION_LIFETIME,
        )
        return activation, token


def hash_token(token: str) -> str:
    # The token is 256 random bits, so a fast hash is enough: there is
    # nothing to brute-force, only a database leak to make useless.
    return hashlib.sha256(token.encode()).hexdigest()
