"""Creating and activating staff accounts."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from peluit.accounts.models import Activation, RoleGrant, User, hash_token
from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.audit import trail
from peluit.cases import keys as case_keys
from peluit.cases.models import Case
from peluit.routing.models import Team
from peluit.vault import keypairs


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
    *,
    created_by: User,
    username: str,
    display_name: str,
    roles: list[str],
    teams: Iterable[Team] = (),
    email: str = "",
) -> tuple[User, str]:
    user = User.objects.create(
        username=username, display_name=display_name, email=email, is_active=False
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    # The very first reader of reports has nobody to confirm them.
    # Only on a new, empty installation: once anyone has ever held a role
    # that reads reports, or a report exists, a colleague -- or the recovery
    # key holders together -- must vouch, even if every reader has since
    # been deactivated.
    first_reader = (
        not RoleGrant.objects.filter(role__in=CONTENT_ROLES).exists()
        and not Case.objects.exists()
    )
    RoleGrant.objects.bulk_create(
        RoleGrant(
            user=user,
            role=role,
            confirmed_at=timezone.now()
            if first_reader or role not in CONTENT_ROLES
            else None,
        )
        for role in roles
    )

    user.teams.set(teams)
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
        RoleGrant.objects.create(
            user=user, role=Role.ADMINISTRATOR, confirmed_at=timezone.now()
        )
    if user.public_key is not None:
        # A new key pair replaces one whose password was lost: the old
        # copies of case keys are useless now and wait for the recovery key.
        case_keys.mark_lost(user)
    user.store_pair(keypairs.new_locked_pair(password))
    user.set_password(password)
    user.is_active = True
    user.save()

    activation.used_at = timezone.now()
    activation.save(update_fields=["used_at"])
    trail.record("account.activate", actor_id=user.pk, target_id=user.pk)
    return user


@transaction.atomic
def change_password(user: User, *, old_password: str, new_password: str) -> None:
    """Re-locks the same private key under the new password, so every case
    the person could read stays readable."""
    pair = user.locked_pair()
    if pair is not None:
        private = keypairs.unlock(pair, old_password)
        user.store_pair(keypairs.lock(private, new_password))
    user.set_password(new_password)
    user.save()
    trail.record("account.password", actor_id=user.pk, target_id=user.pk)


@transaction.atomic
def new_activation(user: User, *, issued_by: User) -> str:
    """A fresh link for someone who lost their password. Their sign-in and
    their key stop working until they use it."""
    Activation.objects.filter(user=user, used_at__isnull=True).delete()
    user.set_unusable_password()
    user.is_active = False
    user.save(update_fields=["password", "is_active"])
    # Whoever opens the link gets a new key pair; whether that is really
    # the colleague must be vouched for again, or an administrator could
    # issue a link, use it himself and read every new report.
    unconfirm_reading(user)
    _, token = Activation.issue(user)
    trail.record("account.reset", actor_id=issued_by.pk, target_id=user.pk)
    return token


def unconfirm_reading(user: User) -> None:
    RoleGrant.objects.filter(user=user, role__in=CONTENT_ROLES).update(
        confirmed_at=None, confirmed_by=None
    )


@transaction.atomic
def confirm_by_recovery(user: User) -> None:
    """The recovery key holders, together, vouch for a reader when no
    colleague can (the only handler lost their password)."""
    RoleGrant.objects.filter(
        user=user, role__in=CONTENT_ROLES, confirmed_at__isnull=True
    ).update(confirmed_at=timezone.now())
    trail.record("role.confirm.recovery", actor_id=None, target_id=user.pk)


@transaction.atomic
def update_account(
    user: User,
    *,
    changed_by: User,
    display_name: str,
    email: str,
    roles: list[str],
    teams: Iterable[Team],
) -> None:
    """Changes roles and teams. A role that reads reports, newly given,
    waits for a colleague's confirmation like any new reader; copies of
    cases outside the person's teams, or all copies when they no longer
    read reports, are removed at once."""
    user.display_name, user.email = display_name, email
    user.save(update_fields=["display_name", "email"])

    wanted = set(roles)
    user.grants.exclude(role__in=wanted).delete()
    held = set(user.grants.values_list("role", flat=True))
    RoleGrant.objects.bulk_create(
        RoleGrant(
            user=user,
            role=role,
            confirmed_at=None if role in CONTENT_ROLES else timezone.now(),
        )
        for role in wanted - held
    )
    user.teams.set(teams)

    if not wanted & CONTENT_ROLES:
        case_keys.revoke_everything(user)
    else:
        case_keys.revoke_outside_teams(user)
    trail.record("account.update", actor_id=changed_by.pk, target_id=user.pk)


class NotAllowedToConfirm(Exception):
    pass


def pending_confirmations():
    return RoleGrant.objects.awaiting_confirmation().filter(user__is_active=True)


@transaction.atomic
def confirm_role(grant: RoleGrant, *, confirmed_by: User) -> None:
    """A colleague who already reads reports vouches for a new reader."""
    if grant.user_id == confirmed_by.pk or not confirmed_by.reads_content:
        raise NotAllowedToConfirm
    grant.confirmed_at = timezone.now()
    grant.confirmed_by = confirmed_by
    grant.save(update_fields=["confirmed_at", "confirmed_by"])
    trail.record("role.confirm", actor_id=confirmed_by.pk, target_id=grant.user_id)


@transaction.atomic
def set_active(user: User, active: bool, *, changed_by: User) -> None:
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        # Revoking access removes the person's sealed copies of case keys,
        # and any activation link still waiting to be used.
        case_keys.revoke_everything(user)
        Activation.objects.filter(user=user, used_at__isnull=True).delete()
    else:
        # Coming back as a reader needs a colleague's word again.
        unconfirm_reading(user)
    action = "account.reactivate" if active else "account.deactivate"
    trail.record(action, actor_id=changed_by.pk, target_id=user.pk)
