"""Filing a new report."""

import hashlib
import logging
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from peluit.cases import evidence, receipts
from peluit.cases.content import ReportContent, seal_report
from peluit.cases.models import Case, Category, Channel, Event
from peluit.cases.numbers import new_case_number
from peluit.vault import content as vault

log = logging.getLogger(__name__)


class AlreadySubmitted(Exception):
    """The same form was sent twice; the first one was filed."""


@dataclass(frozen=True)
class Filed:
    case: Case
    receipt: str


def file_report(
    *,
    report: ReportContent,
    category: Category,
    uploads: list[UploadedFile],
    nonce: str,
    channel: str = Channel.WEB,
) -> Filed:
    nonce_hash = hashlib.sha256(nonce.encode()).hexdigest()
    if Case.objects.filter(submission_nonce=nonce_hash).exists():
        raise AlreadySubmitted

    receipt = receipts.generate()
    derived = receipts.derive(receipt)
    key = vault.new_case_key()
    stored = evidence.store_uploads(uploads)

    try:
        case = _create_case(report, category, channel, key, derived, nonce_hash, stored)
    except IntegrityError:
        evidence.discard(stored)
        if Case.objects.filter(submission_nonce=nonce_hash).exists():
            raise AlreadySubmitted from None
        raise
    except BaseException:
        evidence.discard(stored)
        raise

    log.info("case %s filed", case.pk)
    return Filed(case=case, receipt=receipt)


@transaction.atomic
def _create_case(report, category, channel, key, derived, nonce_hash, stored) -> Case:
    now = timezone.now()
    case = Case.objects.create(
        number=new_case_number(),
        created_at=now,
        updated_at=now,
        category=category,
        channel=channel,
        is_anonymous=report.identity is None,
        receipt_lookup=derived.lookup,
        submission_nonce=nonce_hash,
        wrapped_key=vault.wrap_case_key(key),
        sealed_report=seal_report(key, report),
        unread_by_staff=True,
    )
    Event.objects.create(case=case, at=now, kind=Event.Kind.REGISTERED)
    evidence.attach(case, key, stored, message=None, from_reporter=True)
    return case


def find_by_receipt(raw: str) -> Case | None:
    """Looks a case up by receipt. Malformed input costs the same slow hash
    as a well-formed one, so timing does not tell the two apart."""
    receipt = receipts.normalize(raw)
    derived = receipts.derive(receipt or "0" * receipts.DIGITS)
    if receipt is None:
        return None
    return Case.objects.filter(receipt_lookup=derived.lookup).first()
