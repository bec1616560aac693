"""File storage that can promise the bytes are on disk."""

import os

from django.core.files.storage import FileSystemStorage


class DurableFileSystemStorage(FileSystemStorage):
    """FileSystemStorage with ``sync``: fsync a file and its folder.

    A receipt is shown only after the evidence it covers is durable; a
    plain write could still be sitting in the page cache at a power cut.
    Object stores are durable once a write returns and need no sync.
    """

    def sync(self, name: str) -> None:
        path = self.path(name)
        for target in (path, os.path.dirname(path)):
            descriptor = os.open(target, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
