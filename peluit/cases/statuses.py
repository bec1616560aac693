"""Case statuses, with what a reporter reads about each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "diterima", _("Received")
    VERIFICATION = "verifikasi", _("Verification")
    INVESTIGATION = "investigasi", _("Investigation")
    DONE = "selesai", _("Closed")


REPORTER_EXPLANATIONS = {
    Status.RECEIVED: _(
        "Your report has been received and is waiting to be read by a handler."
    ),
    Status.VERIFICATION: _(
        "A handler is checking whether the report is within the Inspectorate's "
        "authority and has enough information to act on."
    ),
    Status.INVESTIGATION: _("The report is being investigated."),
    Status.DONE: _("Handling of this report has finished."),
}
