"""Case statuses, the moves between them, and what a reporter reads."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "diterima", _("Received")
    VERIFICATION = "verifikasi", _("Verification")
    INVESTIGATION = "investigasi", _("Investigation")
    REFERRED = "dirujuk", _("Referred to another authority")
    PROVEN = "selesai-terbukti", _("Closed: proven")
    NOT_PROVEN = "selesai-tidak-terbukti", _("Closed: not proven")
    INSUFFICIENT = "selesai-tidak-cukup-bukti", _("Closed: not enough evidence")
    REJECTED = "ditolak-bukan-kewenangan", _("Rejected: outside our authority")


# Closing or rejecting a case takes a second person: a supervisor approves
# what a handler proposes, and nobody approves their own proposal.
FINAL = frozenset(
    {Status.PROVEN, Status.NOT_PROVEN, Status.INSUFFICIENT, Status.REJECTED}
)
_CLOSINGS = {Status.PROVEN, Status.NOT_PROVEN, Status.INSUFFICIENT}

NEXT: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.VERIFICATION, Status.REJECTED}),
    Status.VERIFICATION: frozenset({Status.INVESTIGATION, Status.REJECTED}),
    Status.INVESTIGATION: frozenset({Status.REFERRED, *_CLOSINGS}),
    Status.REFERRED: frozenset(_CLOSINGS),
    **{status: frozenset() for status in FINAL},
}


def needs_approval(status: str) -> bool:
    return status in FINAL


REPORTER_EXPLANATIONS = {
    Status.RECEIVED: _(
        "Your report has been received and is waiting to be read by a handler."
    ),
    Status.VERIFICATION: _(
        "A handler is checking whether the report is within the Inspectorate's "
        "authority and has enough information to act on."
    ),
    Status.INVESTIGATION: _("The report is being investigated."),
    Status.REFERRED: _(
        "The report has been passed to the authority responsible, such as the "
        "police, the prosecutor's office or the KPK, which continues the case."
    ),
    Status.PROVEN: _("The investigation is finished: the wrongdoing was proven."),
    Status.NOT_PROVEN: _(
        "The investigation is finished: the wrongdoing could not be proven."
    ),
    Status.INSUFFICIENT: _(
        "The investigation is finished: there was not enough evidence to act on."
    ),
    Status.REJECTED: _(
        "The report is outside the Inspectorate's authority, so it cannot be "
        "handled here. The explanation below says where to turn instead."
    ),
}
