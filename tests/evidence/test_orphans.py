import os
import time

from django.core.files.storage import default_storage
from django.core.management import call_command

from peluit.vault import evidence as vault_files


def test_only_old_files_of_no_case_are_purged(filed, capsys):
    old_orphan = vault_files.store([b"cut off"])
    new_orphan = vault_files.store([b"being filed"])
    day_ago = time.time() - 25 * 3600
    os.utime(default_storage.path(old_orphan.storage_name), (day_ago, day_ago))
    for attachment in filed.case.attachments.all():
        path = default_storage.path(attachment.storage_name)
        os.utime(path, (day_ago, day_ago))

    call_command("peluit_purge_orphans")

    assert not default_storage.exists(old_orphan.storage_name)
    assert default_storage.exists(new_orphan.storage_name)
    assert all(
        default_storage.exists(a.storage_name) for a in filed.case.attachments.all()
    )
    assert "Removed 1" in capsys.readouterr().out
