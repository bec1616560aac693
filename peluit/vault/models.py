"""Organisation-wide key material that the server may hold: public only."""

from django.db import models


class RecoveryKey(models.Model):
    public_key = models.BinaryField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    shares = models.PositiveSmallIntegerField()

    class Meta:
        get_latest_by = "created_at"

    @classmethod
    def current(cls) -> "RecoveryKey | None":
        return cls.objects.order_by("-created_at", "-id").first()
