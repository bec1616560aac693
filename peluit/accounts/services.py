"""Creating and activating staff accounts."""

from django.db import transaction
from django.utils import timezone

from peluit.accounts.models import Activation, RoleGrant, User, hash_token
from peluit.accounts.roles import Role
from peluit.audit import trail


def administrator_exists() -> bool:
    return RoleGrant.objects.filter(
        role=Role.ADMINISTRATOR, user__is_active=True
    ).exists()


def first_setup_link() -> str | None:
    """Returns a fresh setup token while no administrator exists."""
    if administrator_exists():
        return None
    Activation.objects.filter(user__isnull=True, used_at__isnull=True).delete()
    _, token = Activation.issue(None)
    return token


def find_activation(token: str) -> Activation | None:
    return Activation.objects.usable().filter(token_hash=hash_token(token)).first()


@transaction.atomic
def create_account(
    *, created_by: User, username: str, display_name: str, roles: list[str]
) -> tuple[User, str]:
    user = User.objects.create(
        username=username, display_name=display_name, is_active=False
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)

    _, token = Activation.issue(user)
    trail.record("account.create", actor_id=created_by.pk, target_id=user.pk)
    return user, token


@transaction.atomic
def activate(activation: Activation, *, password: str, username: str = "") -> User:
    activation = Activation.objects.select_for_update().get(pk=activation.pk)
    if activation.used_at is not None:
        raise Activation.DoesNotExist

    user = activation.user
    if user is None:
        user = User.objects.create(username=username)
        RoleGrant.objects.create(user=user, role=Role.ADMINISTRATOR)
    user.set_password(password)
    user.is_active = True
    user.save()

    activation.used_at = timezone.now()
    activation.save(update_fields=["used_at"])
    trail.record("account.activate", actor_id=user.pk, target_id=user.pk)
    return user


@transaction.atomic
def set_active(user: User, active: bool, *, changed_by: User) -> None:
    user.is_active = active
    user.save(update_fields=["is_active"])
    action = "account.reactivate" if active else "account.deactivate"
    trail.record(action, actor_id=changed_by.pk, target_id=user.pk)
