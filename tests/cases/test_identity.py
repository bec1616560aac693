"""A reporter's identity is kept from handlers until a supervisor agrees,
and the reporter is told before anyone sees it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from peluit.accounts.roles import Role
from peluit.cases import identity, receipts
from peluit.cases.models import Event, IdentityAccess, Message
from tests.conftest import file_sample, make_staff, signed_in


@pytest.fixture
def sari(db):
    return make_staff("sari", Role.SUPERVISOR)


@pytest.fixture
def identified(hana, sari, samples):
    """Sample 2: Agus Salim gave his name and contact."""
    return file_sample(samples[2])


def case_page(client, case) -> str:
    return client.get(reverse("staff:case", args=[case.number])).content.decode()


def test_the_identity_is_not_in_the_report_and_hidden_from_handlers(identified, hana):
    page = case_page(signed_in(hana), identified.case)

    assert "Agus Salim" not in page
    assert "agus.salim@example.org" not in page
    assert b"Agus Salim" not in bytes(identified.case.sealed_report)
    assert not IdentityAccess.objects.filter(user=hana).exists()


def test_the_supervisor_holds_it_and_the_reporter_sees_their_own(identified, sari):
    assert "Agus Salim" in case_page(signed_in(sari), identified.case)

    reporter_key = receipts.derive(identified.receipt).key
    assert identity.for_reporter(identified.case, reporter_key).name == "Agus Salim"


def test_a_handler_asks_a_supervisor_approves_and_the_reporter_is_told_first(
    identified, hana, sari
):
    handler, supervisor = signed_in(hana), signed_in(sari)
    number = identified.case.number

    handler.post(
        reverse("staff:case_identity_request", args=[number]),
        {"reason": "Perlu konfirmasi langsung dengan saksi."},
    )
    assert "Perlu konfirmasi langsung" in case_page(supervisor, identified.case)
    own = handler.post(
        reverse("staff:case_identity_decide", args=[number]), {"approve": "1"}
    )
    supervisor.post(
        reverse("staff:case_identity_decide", args=[number]), {"approve": "1"}
    )

    assert own.status_code == 403
    told = identified.case.messages.filter(author=Message.Author.SYSTEM)
    assert told.count() == 2  # the acknowledgement, then the notice
    assert "Agus Salim" not in case_page(handler, identified.case)  # notice period
    IdentityAccess.objects.filter(user=hana).update(
        visible_from=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "Agus Salim" in case_page(handler, identified.case)
    assert identified.case.events.filter(kind=Event.Kind.IDENTITY_APPROVED).exists()


def test_a_refused_request_reveals_nothing(identified, hana, sari):
    number = identified.case.number
    signed_in(hana).post(
        reverse("staff:case_identity_request", args=[number]), {"reason": "Ingin tahu."}
    )

    signed_in(sari).post(
        reverse("staff:case_identity_decide", args=[number]), {"approve": "0"}
    )

    assert not IdentityAccess.objects.filter(user=hana).exists()
    assert identified.case.events.filter(kind=Event.Kind.IDENTITY_REFUSED).exists()


def test_an_anonymous_case_has_no_identity_to_ask_for(hana, samples):
    filed = file_sample(samples[0])

    response = signed_in(hana).post(
        reverse("staff:case_identity_request", args=[filed.case.number]),
        {"reason": "x"},
    )

    assert response.status_code == 403
    assert filed.case.sealed_identity is None
