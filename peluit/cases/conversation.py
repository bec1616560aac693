"""Messages between the reporter and staff, and staff-only notes."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from peluit.accounts.models import User
from peluit.cases import evidence, notices
from peluit.cases.content import open_text, seal_text
from peluit.cases.models import Case, Message
from peluit.deadlines.tracking import deadlines_for
from peluit.evidence import storing


@dataclass(frozen=True)
class ShownMessage:
    id: int
    at: datetime
    author: str
    staff_name: str
    body: str
    is_internal: bool
    attachments: list[evidence.AttachmentDetails]
    is_question: bool = False


def add_reporter_message(
    case: Case, key: bytes, body: str, uploads: Sequence[UploadedFile]
) -> Message:
    items = evidence.stored_from(uploads)
    try:
        with transaction.atomic():
            message = _create(case, key, body, Message.Author.REPORTER, None, False)
            evidence.attach(case, key, items, message=message, from_reporter=True)
            Case.objects.filter(pk=case.pk).update(
                unread_by_staff=True, updated_at=message.created_at
            )
            notices.reporter_wrote(case)
    except BaseException:
        storing.discard(items)
        raise
    return message


@transaction.atomic
def add_staff_message(
    case: Case,
    key: bytes,
    author: User,
    body: str,
    *,
    internal: bool,
    question: bool = False,
) -> Message:
    message = _create(case, key, body, Message.Author.STAFF, author, internal)
    if not internal:
        notices.news_for_reporter(case)
    if question and not internal:
        Message.objects.filter(pk=message.pk).update(is_question=True)
        message.is_question = True
    Case.objects.filter(pk=case.pk).update(updated_at=message.created_at)
    return message


def for_reporter(case: Case, key: bytes) -> list[ShownMessage]:
    """The conversation as the reporter sees it: no internal notes, and
    no staff names, which could expose handlers to pressure."""
    shown = _shown(case, key, case.messages.filter(is_internal=False))
    return [ShownMessage(**{**vars(message), "staff_name": ""}) for message in shown]


# Messages Peluit writes itself are stored as a key and shown in the
# reader's language.
SYSTEM_TEXTS = {
    "acknowledgement": gettext_lazy(
        "Thank you. Your report has been received and sealed so that only the "
        "handlers of your case can read it. A handler will read it and reply here "
        "by %(date)s at the latest. Come back with your receipt code to read "
        "replies and to answer questions. You can add evidence at any time."
    ),
    "identity_shared": gettext_lazy(
        "A handler asked to know who you are, and a supervisor agreed that it is "
        "needed for the investigation. Your name and contact will be shown to that "
        "handler in a few days. If this puts you at risk, write to us here now."
    ),
}


def tell_reporter(case: Case, key: bytes, text_key: str) -> Message:
    """A message from Peluit itself, shown in the reporter's language."""
    return _create(case, key, text_key, Message.Author.SYSTEM, None, False)


def acknowledge(case: Case, key: bytes) -> Message:
    """The automatic first answer, in the reporter's inbox at once: what
    happens next and by when. The human acknowledgement still follows."""
    return _create(case, key, "acknowledgement", Message.Author.SYSTEM, None, False)


def open_questions(case: Case) -> int:
    """Questions from handlers sent after the reporter last wrote."""
    last_answer = (
        case.messages.filter(author=Message.Author.REPORTER)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    questions = case.messages.filter(is_question=True, is_internal=False)
    if last_answer is not None:
        questions = questions.filter(created_at__gt=last_answer)
    return questions.count()


def mark_read_by_reporter(case: Case) -> None:
    case.messages.filter(read_by_reporter=False).exclude(
        author=Message.Author.REPORTER
    ).update(read_by_reporter=True)


def for_staff(case: Case, key: bytes) -> list[ShownMessage]:
    return _shown(case, key, case.messages.select_related("staff_author"))


def mark_read_by_staff(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(unread_by_staff=False)


def _create(
    case: Case,
    key: bytes,
    body: str,
    author: str,
    staff_author: User | None,
    internal: bool,
) -> Message:
    return Message.objects.create(
        case=case,
        created_at=timezone.now(),
        author=author,
        staff_author=staff_author,
        is_internal=internal,
        sealed_body=seal_text(key, body),
        read_by_reporter=author == Message.Author.REPORTER,
    )


def _shown(case: Case, key: bytes, messages) -> list[ShownMessage]:
    files_by_message: dict[int | None, list[evidence.AttachmentDetails]] = {}
    for attachment in case.attachments.filter(message__isnull=False):
        files_by_message.setdefault(attachment.message_id, []).append(
            evidence.details(attachment, key)
        )

    return [
        ShownMessage(
            id=message.pk,
            at=message.created_at,
            author=message.author,
            staff_name=str(message.staff_author) if message.staff_author else "",
            body=_body(message, key),
            is_internal=message.is_internal,
            attachments=files_by_message.get(message.pk, []),
            is_question=message.is_question,
        )
        for message in messages
    ]


def _body(message: Message, key: bytes) -> str:
    text = open_text(key, message.sealed_body)
    if message.author != Message.Author.SYSTEM:
        return text
    if text == "acknowledgement":
        # The promised date follows the acknowledgement deadline in force.
        due = acknowledgement_due(message.case)
        return str(SYSTEM_TEXTS[text]) % {"date": date_format(due, "DATE_FORMAT")}
    return str(SYSTEM_TEXTS.get(text, ""))


def acknowledgement_due(case: Case) -> date:
    for deadline in deadlines_for(case):
        if deadline.kind == "acknowledge":
            return deadline.due
    return timezone.localdate(case.created_at)
