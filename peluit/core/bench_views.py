"""An endpoint for the upload benchmark only: it reads an upload through
the same server and multipart parser as a report, and throws the bytes
away. Its speed is the ceiling of the HTTP path. Mounted only when
PELUIT_BENCH_ENDPOINTS is on; never in a normal configuration."""

from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


class _Discard(FileUploadHandler):
    chunk_size = 1024 * 1024

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        return None

    def file_complete(self, file_size):
        return None


@csrf_exempt
@require_POST
def discard(request: HttpRequest) -> JsonResponse:
    handler = _Discard(request)
    request.upload_handlers = [handler]
    request.POST  # noqa: B018 -- reading the body is the point
    return JsonResponse({"received": getattr(handler, "received", 0)})
