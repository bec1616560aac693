"""Deletes encrypted evidence files that belong to no case.

An upload cut off by a dropped connection can leave ciphertext whose key
was never kept: nobody can read it, but it takes space. Files younger than
the grace period are left alone, as they may belong to a report being
filed right now.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from peluit.cases.models import Attachment


class Command(BaseCommand):
    help = "Delete stored evidence files that no case refers to."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-hours", type=int, default=24)

    def handle(self, *args, older_than_hours: int, **options):
        cutoff = timezone.now() - timedelta(hours=older_than_hours)
        try:
            _, names = default_storage.listdir("")
        except FileNotFoundError:
            names = []  # nothing was ever stored
        kept = set(Attachment.objects.values_list("storage_name", flat=True))

        removed = 0
        for name in names:
            if name in kept or default_storage.get_modified_time(name) > cutoff:
                continue
            default_storage.delete(name)
            removed += 1
        self.stdout.write(f"Removed {removed} orphaned evidence file(s).")
