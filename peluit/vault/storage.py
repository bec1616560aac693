"""File storage that has the bytes on disk before it returns."""

import os

from django.core.files.storage import FileSystemStorage


class DurableFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that fsyncs each file and its folder.

    A receipt is shown only after the evidence it covers is durable; a
    plain save could still be sitting in the page cache at a power cut.
    """

    def _save(self, name, content):
        name = super()._save(name, content)
        path = self.path(name)

        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

        folder = os.open(os.path.dirname(path), os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return name
