"""The access trail detects edits, deletions and truncation."""

import hashlib
import json
import threading

import pytest
from django.db import connections

from peluit.audit import trail
from peluit.audit.models import ChainHead, Entry


def record_three():
    for action in ("case.view", "attachment.download", "case.reply"):
        trail.record(action, actor_id=7, case_id=3)


def test_an_untouched_chain_verifies(db):
    record_three()

    assert trail.verify() is None
    assert Entry.objects.count() == 3


def test_an_edited_entry_is_found(db):
    record_three()
    Entry.objects.filter(action="attachment.download").update(actor_id=8)

    broken = trail.verify()

    assert broken is not None
    assert broken.entry_id == Entry.objects.get(action="attachment.download").pk


def test_a_deleted_entry_is_found(db):
    record_three()
    Entry.objects.filter(action="attachment.download").delete()

    assert trail.verify() is not None


def test_a_deleted_last_entry_is_found(db):
    record_three()
    Entry.objects.filter(action="case.reply").delete()

    assert trail.verify() is not None


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_keep_one_unbroken_chain():
    """Several workers record at once; each entry must chain onto exactly
    one predecessor, or verification would fail."""
    failures = []

    def append(worker: int) -> None:
        try:
            for _ in range(15):
                trail.record("case.view", actor_id=worker, case_id=1)
        except Exception as error:  # reported below, not swallowed
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert Entry.objects.count() == 60
    assert trail.verify() is None


def test_a_rewritten_chain_without_the_key_is_found(db):
    """An attacker who can write to the trail's database deletes an entry
    and recomputes every hash with plain SHA-256: verification still fails."""
    record_three()
    Entry.objects.filter(action="attachment.download").delete()
    previous = trail.GENESIS
    for entry in Entry.objects.order_by("id"):
        fields = [
            entry.at.isoformat(),
            entry.actor_id,
            entry.action,
            entry.case_id,
            entry.target_id,
            previous,
        ]
        entry.previous_hash = previous
        entry.entry_hash = hashlib.sha256(
            json.dumps(fields, separators=(",", ":")).encode()
        ).hexdigest()
        entry.save()
        previous = entry.entry_hash
    ChainHead.objects.update(last_hash=previous, length=2)

    assert trail.verify() is not None
