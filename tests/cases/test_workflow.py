"""The case lifecycle: moves, four-eyes closure, referral, and who works
on a case."""

import datetime

import pytest
from django.urls import reverse

from peluit.accounts.roles import Role
from peluit.cases import aftercare, people, workflow
from peluit.cases.models import CaseAccess, Event, Referral
from peluit.cases.statuses import REPORTER_EXPLANATIONS, Status
from peluit.routing.models import Team
from tests.conftest import file_sample, make_staff, signed_in, staff_key


@pytest.fixture
def sari(db):
    """Sari supervises the Inspektorat team."""
    return make_staff("sari", Role.SUPERVISOR)


@pytest.fixture
def case_in_investigation(hana, sari, samples):
    filed = file_sample(samples[0])
    key = staff_key(hana, filed.case)
    workflow.change_status(filed.case, key, hana, Status.VERIFICATION, "Diperiksa")
    workflow.change_status(filed.case, key, hana, Status.INVESTIGATION, "Diselidiki")
    filed.case.refresh_from_db()
    return filed


def post_status(client, case, status, reason="Alasan", **extra):
    return client.post(
        reverse("staff:case_status", args=[case.number]),
        {"status": status, "reason": reason, **extra},
    )


def test_moves_follow_the_order_of_the_workflow(hana, samples):
    filed = file_sample(samples[0])
    key = staff_key(hana, filed.case)

    with pytest.raises(workflow.NotAllowed):
        workflow.change_status(filed.case, key, hana, Status.INVESTIGATION, "x")
    workflow.change_status(filed.case, key, hana, Status.VERIFICATION, "x")

    filed.case.refresh_from_db()
    assert filed.case.status == Status.VERIFICATION


def test_closing_needs_a_supervisor_other_than_the_proposer(
    case_in_investigation, hana, sari
):
    case = case_in_investigation.case
    handler = signed_in(hana)

    response = post_status(handler, case, Status.PROVEN, "Terbukti.")

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.INVESTIGATION  # only proposed
    own = handler.post(
        reverse("staff:case_decide", args=[case.number]), {"approve": "1"}
    )
    assert own.status_code == 403  # a handler cannot approve at all

    signed_in(sari).post(
        reverse("staff:case_decide", args=[case.number]), {"approve": "1"}
    )
    case.refresh_from_db()
    assert case.status == Status.PROVEN
    event = case.events.get(kind=Event.Kind.STATUS_CHANGED, to_status=Status.PROVEN)
    assert event.actor == sari


def test_a_supervisor_cannot_approve_their_own_proposal(case_in_investigation, sari):
    case = case_in_investigation.case
    client = signed_in(sari)
    post_status(client, case, Status.NOT_PROVEN)

    response = client.post(
        reverse("staff:case_decide", args=[case.number]), {"approve": "1"}
    )

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == Status.INVESTIGATION


def test_a_refused_closure_leaves_the_case_open(case_in_investigation, hana, sari):
    case = case_in_investigation.case
    post_status(signed_in(hana), case, Status.INSUFFICIENT)

    signed_in(sari).post(
        reverse("staff:case_decide", args=[case.number]), {"approve": "0"}
    )

    case.refresh_from_db()
    assert case.status == Status.INVESTIGATION
    assert case.events.filter(kind=Event.Kind.CLOSURE_REFUSED).exists()
    assert workflow.pending_proposal(case) is None


def test_a_referral_records_agency_date_and_reference(case_in_investigation, hana):
    case = case_in_investigation.case
    client = signed_in(hana)

    missing = post_status(client, case, Status.REFERRED)
    done = post_status(
        client,
        case,
        Status.REFERRED,
        agency="kpk",
        referred_on="2026-12-01",
        reference="R-123/KPK/2026",
    )

    assert missing.status_code == 400
    assert done.status_code == 302
    referral = Referral.objects.get(case=case)
    assert referral.agency == "kpk"
    assert referral.referred_on == datetime.date(2026, 12, 1)
    assert b"R-123/KPK/2026" not in bytes(referral.sealed_reference)
    key = staff_key(hana, case)
    assert workflow.referrals(case, key)[0]["reference"] == "R-123/KPK/2026"


@pytest.mark.parametrize("status", [s for s in Status])
def test_the_reporter_reads_an_explanation_for_every_status(
    client, hana, samples, status
):
    filed = file_sample(samples[0])
    filed.case.status = status
    filed.case.save()

    client.post(reverse("reporter:followup_login"), {"receipt": filed.receipt})
    page = client.get(reverse("reporter:followup_case")).content.decode()

    assert str(REPORTER_EXPLANATIONS[status]).replace("'", "&#x27;") in page


def test_legal_advisors_join_when_the_case_moves_to_investigation(hana, samples):
    advisor = make_staff("lia", Role.LEGAL_ADVISOR)
    filed = file_sample(samples[0])
    key = staff_key(hana, filed.case)
    assert not CaseAccess.objects.filter(user=advisor).exists()

    workflow.change_status(filed.case, key, hana, Status.VERIFICATION, "x")
    workflow.change_status(filed.case, key, hana, Status.INVESTIGATION, "y")

    assert CaseAccess.objects.filter(user=advisor, case=filed.case).exists()


def test_a_supervisor_assigns_a_handler_and_the_handler_filters_their_cases(
    hana, sari, samples
):
    filed = file_sample(samples[0])
    other = file_sample(samples[1], evidence=[])

    signed_in(sari).post(
        reverse("staff:case_assign", args=[filed.case.number]), {"person": hana.pk}
    )

    filed.case.refresh_from_db()
    assert filed.case.assignee == hana
    mine = signed_in(hana).get(reverse("staff:inbox"), {"mine": "on"}).content.decode()
    assert filed.case.number in mine and other.case.number not in mine


def test_a_handler_cannot_assign(hana, samples):
    filed = file_sample(samples[0])

    response = signed_in(hana).post(
        reverse("staff:case_assign", args=[filed.case.number]), {"person": hana.pk}
    )

    assert response.status_code == 403


def test_a_declared_conflict_removes_access_at_once_and_for_good(hana, samples):
    filed = file_sample(samples[0])
    client = signed_in(hana)
    key = staff_key(hana, filed.case)

    client.post(reverse("staff:case_conflict", args=[filed.case.number]))

    assert (
        client.get(reverse("staff:case", args=[filed.case.number])).status_code == 404
    )
    assert filed.case.number not in client.get(reverse("staff:inbox")).content.decode()
    with pytest.raises(people.NotAllowed):
        people.assign(filed.case, key, make_staff("s2", Role.SUPERVISOR), hana)


def test_a_supervisor_excludes_someone_who_then_sees_nothing(hana, sari, samples):
    filed = file_sample(samples[0])

    signed_in(sari).post(
        reverse("staff:case_exclude", args=[filed.case.number]), {"person": hana.pk}
    )

    assert not CaseAccess.objects.filter(user=hana, case=filed.case).exists()
    response = signed_in(hana).get(reverse("staff:case", args=[filed.case.number]))
    assert response.status_code == 404


def test_a_question_stays_highlighted_for_the_reporter_until_answered(
    client, hana, samples
):
    filed = file_sample(samples[0])
    signed_in(hana).post(
        reverse("staff:case_reply", args=[filed.case.number]),
        {"body": "Kapan uang diminta?", "question": "on"},
    )
    client.post(reverse("reporter:followup_login"), {"receipt": filed.receipt})

    before = client.get(reverse("reporter:followup_case")).content.decode()
    client.post(reverse("reporter:followup_case"), {"body": "Tanggal 14 September"})
    after = client.get(reverse("reporter:followup_case")).content.decode()

    assert 'role="alert"' in before
    assert 'role="alert"' not in after


def test_supervisors_of_the_team_receive_new_reports(sari, samples):
    filed = file_sample(samples[0])

    assert CaseAccess.objects.filter(user=sari, case=filed.case).exists()
    assert Team.objects.get(is_alternate=False).members.filter(pk=sari.pk).exists()


def test_retaliation_after_closure_flags_the_case_for_the_legal_advisor(
    client, hana, sari, samples
):
    advisor = make_staff("lia", Role.LEGAL_ADVISOR)
    filed = file_sample(samples[0])
    filed.case.status = Status.PROVEN
    filed.case.save()
    client.post(reverse("reporter:followup_login"), {"receipt": filed.receipt})

    client.post(
        reverse("reporter:followup_case"),
        {"body": "Saya dimutasi setelah melapor.", "retaliation": "on"},
    )

    filed.case.refresh_from_db()
    assert filed.case.retaliation_reported_at is not None
    legal = signed_in(advisor)
    page = legal.get(reverse("staff:case", args=[filed.case.number])).content.decode()
    assert "Saya dimutasi setelah melapor." in page
    legal.post(
        reverse("staff:case_protection", args=[filed.case.number]),
        {"agency": "LPSK", "referred_on": "2026-12-04", "reference": "LPSK/77"},
    )
    key = staff_key(hana, filed.case)
    assert aftercare.protection_referrals(filed.case, key)[0]["reference"] == "LPSK/77"


def test_a_year_after_closure_the_reporter_can_no_longer_write(client, hana, samples):
    filed = file_sample(samples[0])
    filed.case.status = Status.REJECTED
    filed.case.save()
    Event.objects.create(
        case=filed.case,
        at=filed.case.created_at - datetime.timedelta(days=400),
        kind=Event.Kind.STATUS_CHANGED,
        to_status=Status.REJECTED,
    )
    client.post(reverse("reporter:followup_login"), {"receipt": filed.receipt})

    response = client.post(reverse("reporter:followup_case"), {"body": "Halo?"})

    assert response.status_code == 400
    assert filed.case.messages.filter(author="reporter").count() == 0
