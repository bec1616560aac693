"""Who holds a copy of each case key, and how each copy is opened.

Every copy is sealed for one reader: the reporter (a key derived from
the receipt), each staff member with access (their public key) and the
organisation's recovery key (its public key). The server holds no key
that opens a case by itself.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey
from nacl.secret import SecretBox

from peluit.accounts.models import User
from peluit.cases.models import Case, CaseAccess, Exclusion, IdentityAccess
from peluit.vault import keypairs
from peluit.vault.content import ContentUnavailable
from peluit.vault.models import RecoveryKey


class NoAccess(Exception):
    """This person holds no usable copy of the case key."""


@dataclass(frozen=True)
class Sealing:
    reporter: bytes
    recovery: bytes | None
    recovery_key: RecoveryKey | None
    readers: list[tuple[User, bytes]]


def seal_new_case(case_key: bytes, reporter_key: bytes, readers: list[User]) -> Sealing:
    """Seals a new case for the readers routing chose, using public keys
    only: filing never needs a private key online."""
    recovery = RecoveryKey.current()
    return Sealing(
        reporter=seal_for_reporter(case_key, reporter_key),
        recovery=keypairs.seal_to(recovery.public_key, case_key) if recovery else None,
        recovery_key=recovery,
        readers=[
            (user, keypairs.seal_to(public_key(user), case_key)) for user in readers
        ],
    )


def store_readers(case: Case, sealing: Sealing) -> None:
    now = timezone.now()
    CaseAccess.objects.bulk_create(
        CaseAccess(case=case, user=user, sealed_key=sealed, granted_at=now)
        for user, sealed in sealing.readers
    )


def seal_for_reporter(case_key: bytes, reporter_key: bytes) -> bytes:
    return bytes(SecretBox(reporter_key).encrypt(case_key))


def open_for_reporter(case: Case, reporter_key: bytes) -> bytes:
    try:
        return SecretBox(reporter_key).decrypt(bytes(case.reporter_sealed_key))
    except CryptoError as error:
        raise ContentUnavailable from error


def open_for_staff(case: Case, user: User, private: PrivateKey) -> bytes:
    access = CaseAccess.objects.filter(case=case, user=user).first()
    if access is None or access.sealed_key is None:
        raise NoAccess
    return keypairs.open_sealed(private, access.sealed_key)


def has_access(case: Case, user: User) -> bool:
    return CaseAccess.objects.filter(
        case=case, user=user, sealed_key__isnull=False
    ).exists()


def public_key(user: User) -> bytes:
    if user.public_key is None:
        raise NoAccess  # an account that was never activated
    return bytes(user.public_key)


def grant(case: Case, case_key: bytes, user: User) -> None:
    if (
        user.public_key is None
        or Exclusion.objects.filter(case=case, user=user).exists()
    ):
        raise NoAccess
    CaseAccess.objects.update_or_create(
        case=case,
        user=user,
        defaults={
            "sealed_key": keypairs.seal_to(public_key(user), case_key),
            "granted_at": timezone.now(),
        },
    )


def revoke(case: Case, user: User) -> None:
    CaseAccess.objects.filter(case=case, user=user).delete()


@transaction.atomic
def revoke_everything(user: User) -> int:
    IdentityAccess.objects.filter(user=user).delete()
    deleted, _ = CaseAccess.objects.filter(user=user).delete()
    return deleted


def revoke_outside_teams(user: User) -> None:
    """Copies of cases outside the person's teams go: a case stays within
    its team even when people move."""
    teams = user.teams.all()
    CaseAccess.objects.filter(user=user).exclude(case__team__in=teams).delete()
    IdentityAccess.objects.filter(user=user).exclude(case__team__in=teams).delete()


def mark_lost(user: User) -> None:
    """A new key pair makes the old copies useless; keep the rows so the
    recovery key holders know which cases to grant again."""
    CaseAccess.objects.filter(user=user).update(sealed_key=None)
    IdentityAccess.objects.filter(user=user).delete()


def add_missing_recovery_copy(case: Case, case_key: bytes) -> None:
    """Cases filed before the recovery key existed get their copy the next
    time someone with access opens them."""
    recovery = RecoveryKey.current()
    if recovery is None or case.recovery_key_id == recovery.pk:
        return
    case.recovery_sealed_key = keypairs.seal_to(recovery.public_key, case_key)
    case.recovery_key = recovery
    case.save(update_fields=["recovery_sealed_key", "recovery_key"])


def open_with_recovery(case: Case, private: PrivateKey) -> bytes:
    if case.recovery_sealed_key is None:
        raise NoAccess
    return keypairs.open_sealed(private, case.recovery_sealed_key)
