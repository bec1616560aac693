"""An upload handler that keeps files in memory and bounds their size.

Django's default handler spills large uploads to a temporary file; a
reporter's evidence must never touch disk in plain form. A file that
grows past the limit is cut off as it streams in (the rest is read and
dropped) and marked, so the form can tell the reporter which file was
too large instead of failing the whole request.
"""

from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class BoundedMemoryUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = BytesIO()
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        if self.too_large:
            return None
        if self.buffer.tell() + len(raw_data) > settings.PELUIT_MAX_FILE_BYTES:
            self.too_large = True
            self.buffer = BytesIO()
            return None
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        self.buffer.seek(0)
        upload = InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.buffer.getbuffer().nbytes,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
        upload.too_large = self.too_large
        return upload
