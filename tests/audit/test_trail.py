"""The access trail detects edits, deletions and truncation."""

from peluit.audit import trail
from peluit.audit.models import Entry


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
