"""A reporter's identity, kept apart from the rest of the case.

A reporter who gives their name and contact is protected from careless
disclosure: the identity is sealed under a key of its own, held by the
reporter, the recovery key and the supervisors of the team -- not by the
handlers. A handler who needs it asks with a written reason; a supervisor
other than the asker decides; the reporter is told in their inbox, and
only after a notice period does the identity show to the handler. Staff
can never turn an anonymous case into an identified one: nothing here
adds an identity after filing.
"""

import json
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from nacl.public import PrivateKey
from nacl.secret import SecretBox
from nacl.utils import random

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.cases import conversation
from peluit.cases import keys as case_keys
from peluit.cases.content import Identity, seal_text
from peluit.cases.models import Case, Event, IdentityAccess, IdentityRequest
from peluit.vault import keypairs
from peluit.vault.content import ContentUnavailable
from peluit.vault.models import RecoveryKey


class NotAllowed(Exception):
    pass


@dataclass(frozen=True)
class Sealed:
    identity: bytes
    reporter_copy: bytes
    recovery_copy: bytes | None
    custodians: list[tuple[User, bytes]]


def seal(identity: Identity, reporter_key: bytes, custodians: list[User]) -> Sealed:
    key = random(SecretBox.KEY_SIZE)
    recovery = RecoveryKey.current()
    return Sealed(
        identity=bytes(SecretBox(key).encrypt(json.dumps(asdict(identity)).encode())),
        reporter_copy=bytes(SecretBox(reporter_key).encrypt(key)),
        recovery_copy=keypairs.seal_to(recovery.public_key, key) if recovery else None,
        custodians=[
            (user, keypairs.seal_to(case_keys.public_key(user), key))
            for user in custodians
        ],
    )


def store(case: Case, sealed: Sealed) -> None:
    case.sealed_identity = sealed.identity
    case.reporter_sealed_identity_key = sealed.reporter_copy
    case.recovery_sealed_identity_key = sealed.recovery_copy
    case.save(
        update_fields=[
            "sealed_identity",
            "reporter_sealed_identity_key",
            "recovery_sealed_identity_key",
        ]
    )
    now = timezone.now()
    IdentityAccess.objects.bulk_create(
        IdentityAccess(case=case, user=user, sealed_key=copy, visible_from=now)
        for user, copy in sealed.custodians
    )


def custodians_among(readers: list[User]) -> list[User]:
    return [user for user in readers if user.has_role(Role.SUPERVISOR)]


def for_reporter(case: Case, reporter_key: bytes) -> Identity | None:
    if case.sealed_identity is None or case.reporter_sealed_identity_key is None:
        return None
    key = _open_box(reporter_key, case.reporter_sealed_identity_key)
    return _unseal(case, key)


def for_staff(case: Case, user: User, private: PrivateKey) -> Identity | None:
    access = _visible_copy(case, user)
    if access is None:
        return None
    try:
        return _unseal(case, keypairs.open_sealed(private, access.sealed_key))
    except ContentUnavailable:
        return None  # a copy sealed to a key pair this person no longer has


def pending_copy(case: Case, user: User) -> IdentityAccess | None:
    return IdentityAccess.objects.filter(
        case=case, user=user, visible_from__gt=timezone.now()
    ).first()


def open_request(case: Case) -> IdentityRequest | None:
    return case.identity_requests.filter(decided_at__isnull=True).first()


@transaction.atomic
def ask(case: Case, case_key: bytes, handler: User, reason: str) -> IdentityRequest:
    if case.sealed_identity is None or open_request(case) is not None:
        raise NotAllowed
    now = timezone.now()
    Event.objects.create(
        case=case, at=now, kind=Event.Kind.IDENTITY_REQUESTED, actor=handler
    )
    return IdentityRequest.objects.create(
        case=case,
        requested_by=handler,
        requested_at=now,
        sealed_reason=seal_text(case_key, reason),
    )


@transaction.atomic
def decide(
    request: IdentityRequest,
    case_key: bytes,
    supervisor: User,
    private: PrivateKey,
    *,
    approve: bool,
) -> None:
    request = IdentityRequest.objects.select_for_update().get(pk=request.pk)
    custody = IdentityAccess.objects.filter(case=request.case, user=supervisor).first()
    if (
        request.decided_at is not None
        or request.requested_by_id == supervisor.pk
        or custody is None
    ):
        raise NotAllowed

    now = timezone.now()
    request.decided_by, request.decided_at, request.approved = supervisor, now, approve
    request.save(update_fields=["decided_by", "decided_at", "approved"])
    kind = Event.Kind.IDENTITY_APPROVED if approve else Event.Kind.IDENTITY_REFUSED
    Event.objects.create(
        case=request.case,
        at=now,
        kind=kind,
        actor=supervisor,
        subject=request.requested_by,
    )
    if approve:
        key = keypairs.open_sealed(private, custody.sealed_key)
        _share(request, key, case_key, now)


def _share(request: IdentityRequest, key: bytes, case_key: bytes, now) -> None:
    # The reporter hears first; the handler sees the identity only once
    # the notice period has passed.
    conversation.tell_reporter(request.case, case_key, "identity_shared")
    notice = timedelta(days=settings.PELUIT_IDENTITY_NOTICE_DAYS)
    IdentityAccess.objects.update_or_create(
        case=request.case,
        user=request.requested_by,
        defaults={
            "sealed_key": keypairs.seal_to(
                case_keys.public_key(request.requested_by), key
            ),
            "visible_from": now + notice,
        },
    )


def _visible_copy(case: Case, user: User) -> IdentityAccess | None:
    return IdentityAccess.objects.filter(
        case=case, user=user, visible_from__lte=timezone.now()
    ).first()


def _open_box(key: bytes, sealed) -> bytes:
    try:
        return SecretBox(key).decrypt(bytes(sealed))
    except Exception as error:
        raise ContentUnavailable from error


def _unseal(case: Case, key: bytes) -> Identity:
    if case.sealed_identity is None:
        raise ContentUnavailable
    data = json.loads(_open_box(key, case.sealed_identity))
    return Identity(**data)


def regrant_custody(case: Case, supervisor: User, recovery_private: PrivateKey) -> bool:
    """With the recovery key, seals the identity key again to a supervisor
    who lost theirs with a forgotten password."""
    if case.recovery_sealed_identity_key is None or not supervisor.has_role(
        Role.SUPERVISOR
    ):
        return False
    key = keypairs.open_sealed(recovery_private, case.recovery_sealed_identity_key)
    IdentityAccess.objects.update_or_create(
        case=case,
        user=supervisor,
        defaults={
            "sealed_key": keypairs.seal_to(case_keys.public_key(supervisor), key),
            "visible_from": timezone.now(),
        },
    )
    return True
