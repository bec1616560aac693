"""Recording and verifying the access trail.

Each entry's keyed hash covers its fields and the previous entry's hash,
so deleting, reordering or editing any entry breaks every hash after it,
and without the key (``PELUIT_AUDIT_KEY``) nobody can forge a new chain.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from peluit.audit.models import ChainHead, Entry

GENESIS = "0" * 64
_DB = "audit"


@dataclass(frozen=True)
class Broken:
    entry_id: int
    reason: str


def record(
    action: str,
    *,
    actor_id: int | None,
    case_id: int | None = None,
    target_id: int | None = None,
) -> Entry:
    with transaction.atomic(using=_DB):
        head = _locked_head()
        entry = Entry(
            at=timezone.now(),
            actor_id=actor_id,
            action=action,
            case_id=case_id,
            target_id=target_id,
            previous_hash=head.last_hash,
        )
        entry.entry_hash = _hash_of(entry)
        entry.save(using=_DB)

        head.last_hash = entry.entry_hash
        head.length += 1
        head.save(using=_DB)
    return entry


def verify() -> Broken | None:
    """Walks the whole chain; returns the first broken link, or None."""
    previous = GENESIS
    count = 0
    for entry in Entry.objects.using(_DB).order_by("id").iterator():
        if entry.previous_hash != previous:
            return Broken(entry.id, "previous hash does not match")
        if _hash_of(entry) != entry.entry_hash:
            return Broken(entry.id, "entry was altered")
        previous = entry.entry_hash
        count += 1

    head = ChainHead.objects.using(_DB).filter(pk=1).first()
    if head and (head.last_hash != previous or head.length != count):
        return Broken(0, "entries were removed from the end")
    return None


def _locked_head() -> ChainHead:
    head = ChainHead.objects.using(_DB).select_for_update().filter(pk=1).first()
    if head is None:
        head, _ = ChainHead.objects.using(_DB).get_or_create(
            pk=1, defaults={"last_hash": GENESIS}
        )
        head = ChainHead.objects.using(_DB).select_for_update().get(pk=1)
    return head


def _hash_of(entry: Entry) -> str:
    """A keyed hash (HMAC-SHA-256): someone who can write to the trail's
    database cannot recompute the chain after editing it without the key,
    which lives outside both databases."""
    fields = [
        entry.at.isoformat(),
        entry.actor_id,
        entry.action,
        entry.case_id,
        entry.target_id,
        entry.previous_hash,
    ]
    canonical = json.dumps(fields, separators=(",", ":")).encode()
    key = bytes.fromhex(settings.PELUIT_AUDIT_KEY)
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()
