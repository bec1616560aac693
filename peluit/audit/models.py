"""The staff access trail: an append-only, hash-chained list of entries.

Entries reference staff and cases by primary key only (the trail lives in
another database, so there are no foreign keys) and carry no content.
"""

from django.db import models


class Entry(models.Model):
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    action = models.CharField(max_length=64)
    case_id = models.BigIntegerField(null=True, db_index=True)
    target_id = models.BigIntegerField(null=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "entries"


class ChainHead(models.Model):
    """One row holding the newest hash. Locking it serialises appends, so two
    processes can never both chain onto the same predecessor."""

    last_hash = models.CharField(max_length=64)
    length = models.BigIntegerField(default=0)
