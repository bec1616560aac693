"""Filing a new report."""

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from peluit.cases import conversation, evidence, identity, keys, notices, receipts
from peluit.cases.content import ReportContent, seal_report
from peluit.cases.models import Case, Category, Channel, Event
from peluit.cases.numbers import new_case_number
from peluit.evidence import storing
from peluit.notifications import outbox
from peluit.routing import decisions as routing
from peluit.routing.models import Alert, Concerns
from peluit.vault import content as vault

log = logging.getLogger(__name__)


class AlreadySubmitted(Exception):
    """The same form was sent twice; the first one was filed."""


@dataclass(frozen=True)
class Filed:
    case: Case
    receipt: str
    evidence: list[storing.StoredEvidence]


def file_report(
    *,
    report: ReportContent,
    category: Category,
    uploads: Sequence[UploadedFile],
    nonce: str,
    channel: str = Channel.WEB,
    concerns: str = Concerns.OTHER,
    news_email: str = "",
) -> Filed:
    nonce_hash = hashlib.sha256(nonce.encode()).hexdigest()
    items = evidence.stored_from(uploads)
    if Case.objects.filter(submission_nonce=nonce_hash).exists():
        storing.discard(items)
        raise AlreadySubmitted

    receipt = receipts.generate()
    derived = receipts.derive(receipt)
    key = vault.new_case_key()
    decision = routing.route(concerns)
    sealing = keys.seal_new_case(key, derived.key, decision.readers)
    metadata = _Metadata(category, channel, concerns, decision)
    sealed_identity = None
    if report.identity is not None:
        custodians = identity.custodians_among(decision.readers)
        sealed_identity = identity.seal(report.identity, derived.key, custodians)

    try:
        case = _create_case(
            report, metadata, key, derived, nonce_hash, sealing, items, sealed_identity
        )
        if news_email:
            outbox.remember_reporter_address(case, news_email)
    except IntegrityError:
        storing.discard(items)
        if Case.objects.filter(submission_nonce=nonce_hash).exists():
            raise AlreadySubmitted from None
        raise
    except BaseException:
        storing.discard(items)
        raise

    if decision.fell_back:
        # No case id or time beyond the log's own: a log line per filing
        # could be matched against network records.
        log.warning("a report was filed with no active handler to read it")
    return Filed(case=case, receipt=receipt, evidence=items)


@dataclass(frozen=True)
class _Metadata:
    category: Category
    channel: str
    concerns: str
    decision: routing.Decision


@transaction.atomic
def _create_case(
    report, metadata, key, derived, nonce_hash, sealing, items, sealed_identity
) -> Case:
    now = timezone.now()
    case = Case.objects.create(
        number=new_case_number(),
        created_at=now,
        updated_at=now,
        category=metadata.category,
        channel=metadata.channel,
        concerns=metadata.concerns,
        team=metadata.decision.team,
        is_anonymous=report.identity is None,
        receipt_lookup=derived.lookup,
        submission_nonce=nonce_hash,
        reporter_sealed_key=sealing.reporter,
        recovery_sealed_key=sealing.recovery,
        recovery_key=sealing.recovery_key,
        # The identity is sealed apart (peluit.cases.identity), never here.
        sealed_report=seal_report(key, replace(report, identity=None)),
        unread_by_staff=True,
    )
    keys.store_readers(case, sealing)
    if sealed_identity is not None:
        identity.store(case, sealed_identity)
    Event.objects.create(case=case, at=now, kind=Event.Kind.REGISTERED)
    Event.objects.create(case=case, at=now, kind=Event.Kind.ROUTED)
    evidence.attach(case, key, items, message=None, from_reporter=True)
    conversation.acknowledge(case, key)
    notices.new_case(case)
    if metadata.decision.fell_back:
        Alert.objects.create(kind=Alert.Kind.NO_READER, case_number=case.number)
    return case


@dataclass(frozen=True)
class Opened:
    case: Case
    reporter_key: bytes


def find_by_receipt(raw: str) -> Opened | None:
    """Looks a case up by receipt. Malformed input costs the same slow hash
    as a well-formed one, so timing does not tell the two apart."""
    receipt = receipts.normalize(raw)
    derived = receipts.derive(receipt or "0" * receipts.DIGITS)
    if receipt is None:
        return None
    case = Case.objects.filter(receipt_lookup=derived.lookup).first()
    return Opened(case, derived.key) if case else None
