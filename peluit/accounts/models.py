"""Staff accounts, their roles, and one-time activation links."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.vault.keypairs import LockedKeyPair

ACTIVATION_LIFETIME = timedelta(days=3)


class User(AbstractUser):
    """A staff member. Reporters never have an account."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    # The person's key pair: case keys are sealed to the public half; the
    # private half is stored only encrypted under their password.
    public_key = models.BinaryField(max_length=32, null=True)
    sealed_private_key = models.BinaryField(null=True)
    key_salt = models.BinaryField(max_length=16, null=True)

    def has_role(self, role: Role) -> bool:
        return self.is_active and role in self.role_set

    @property
    def role_set(self) -> frozenset[str]:
        """Roles in force: a role that reads reports counts only once a
        colleague who already reads them has confirmed it."""
        if not hasattr(self, "_role_cache"):
            self._role_cache = frozenset(
                RoleGrant.objects.in_force()
                .filter(user=self)
                .values_list("role", flat=True)
            )
        return self._role_cache

    def locked_pair(self) -> LockedKeyPair | None:
        if (
            self.public_key is None
            or self.sealed_private_key is None
            or self.key_salt is None
        ):
            return None
        return LockedKeyPair(
            bytes(self.public_key), bytes(self.sealed_private_key), bytes(self.key_salt)
        )

    def store_pair(self, pair: LockedKeyPair) -> None:
        self.public_key = pair.public_key
        self.sealed_private_key = pair.sealed_private_key
        self.key_salt = pair.salt

    @property
    def reads_content(self) -> bool:
        return self.is_active and bool(self.role_set & CONTENT_ROLES)

    def __str__(self) -> str:
        return self.display_name or self.username


class RoleGrantQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(
            models.Q(confirmed_at__isnull=False) | ~models.Q(role__in=CONTENT_ROLES)
        )

    def awaiting_confirmation(self):
        return self.filter(confirmed_at__isnull=True, role__in=CONTENT_ROLES)


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)
    # Roles that read reports need a second person: an administrator alone
    # could otherwise make an account for themselves and read every report.
    confirmed_at = models.DateTimeField(null=True)
    confirmed_by = models.ForeignKey(
        User, null=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = RoleGrantQuerySet.as_manager()

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
