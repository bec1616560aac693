"""The upload handler for evidence: nothing plain ever reaches disk.

Django's default handlers spill large uploads to a temporary file. This
one keeps a file in memory while it is small enough to clean, and once it
grows past that, encrypts it into storage as it streams in, so memory
stays flat whatever the file size. A file over the upload limit is cut
off, its partial ciphertext deleted, and it is marked so that the form
can name it to the reporter instead of failing the whole request.
"""

from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from peluit.evidence import storing
from peluit.vault import evidence as vault_files


class EvidenceUpload(UploadedFile):
    """An upload that is already cleaned and encrypted in storage."""

    def __init__(self, name, content_type, size, stored, too_large=False):
        # An empty stand-in file: Django closes every upload after the
        # request, and the content itself is already in storage.
        super().__init__(
            file=BytesIO(), name=name, content_type=content_type, size=size
        )
        self.stored: storing.StoredEvidence | None = stored
        self.too_large = too_large


class EvidenceUploadHandler(FileUploadHandler):
    chunk_size = 1024 * 1024

    def __init__(self, request=None):
        super().__init__(request)
        self.files_seen = 0
        # Everything this request put in storage, whatever its field name,
        # so that what no case takes can be deleted afterwards.
        self.stored: list[storing.StoredEvidence] = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer: BytesIO | None = BytesIO()
        self.writer: vault_files.Writer | None = None
        self.received = 0
        self.too_large = False
        # Files past the form's limit are read and dropped, never kept:
        # the form still counts them and says how many are allowed.
        self.files_seen += 1
        self.ignored = self.files_seen > settings.PELUIT_MAX_FILES

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.too_large or self.ignored:
            return None
        if self.received > settings.PELUIT_MAX_FILE_BYTES:
            self._give_up()
            return None

        if (
            self.buffer is not None
            and self.received <= settings.PELUIT_CLEAN_LIMIT_BYTES
        ):
            self.buffer.write(raw_data)
        else:
            self._stream(raw_data)
        return None

    def file_complete(self, file_size):
        name = self.file_name or "lampiran"
        content_type = self.content_type or "application/octet-stream"
        buffered, self.buffer = self.buffer, None
        if self.too_large or self.ignored:
            return EvidenceUpload(
                name, content_type, self.received, None, self.too_large
            )

        if self.writer is not None:
            stored = storing.from_stream(name, content_type, self.writer.close())
        else:
            data = buffered.getvalue() if buffered is not None else b""
            stored = storing.store_bytes(name, content_type, data)
        self.stored.append(stored)
        return EvidenceUpload(name, content_type, stored.size, stored)

    def upload_interrupted(self):
        writer = getattr(self, "writer", None)
        if writer is not None:
            writer.abort()

    def _stream(self, raw_data: bytes) -> None:
        if self.writer is None:
            self.writer = vault_files.Writer()
            if self.buffer is not None:
                with self.buffer.getbuffer() as buffered:
                    self.writer.write(buffered)
                self.buffer = None
        self.writer.write(raw_data)

    def _give_up(self) -> None:
        self.too_large = True
        self.buffer = None
        if self.writer is not None:
            self.writer.abort()
            self.writer = None


class RefuseFilesHandler(FileUploadHandler):
    """The default for every view that does not take evidence: files in
    a request are skipped unread, so they can neither fill memory nor
    leave anything behind."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None
