"""Deadlines per case, escalation of missed ones, and the oversight pages,
with time simulated by moving the filing date back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from peluit.accounts import services
from peluit.accounts.roles import Role
from peluit.cases import conversation
from peluit.cases.models import CaseAccess, Event
from peluit.deadlines import escalation
from peluit.deadlines.models import DeadlinePolicy, Escalation, Kind, Unit
from peluit.deadlines.tracking import deadlines_for
from peluit.routing.models import Alert
from tests.conftest import file_sample, make_staff, signed_in


def filed_days_ago(samples, days: int):
    filed = file_sample(samples[0])
    moment = timezone.now() - datetime.timedelta(days=days)
    filed.case.created_at = moment
    filed.case.save(update_fields=["created_at"])
    return filed


def by_kind(case):
    return {deadline.kind: deadline for deadline in deadlines_for(case)}


def test_default_deadlines_follow_common_practice(hana, samples):
    filed = file_sample(samples[0])
    filed.case.created_at = datetime.datetime(2026, 1, 31, 3, 0, tzinfo=datetime.UTC)
    filed.case.save()

    deadlines = by_kind(filed.case)

    assert deadlines[Kind.ACKNOWLEDGE].due == datetime.date(2026, 2, 7)
    assert deadlines[Kind.FIRST_FEEDBACK].due == datetime.date(2026, 3, 2)
    assert deadlines[Kind.OUTCOME].due == datetime.date(2026, 4, 30)  # months


def test_working_days_skip_weekends_and_public_holidays(hana, samples):
    DeadlinePolicy.objects.filter(kind=Kind.ACKNOWLEDGE).update(
        amount=5, unit=Unit.WORKING_DAYS
    )
    filed = file_sample(samples[0])
    # Friday 14 August 2026; Monday 17 August is Independence Day.
    filed.case.created_at = datetime.datetime(2026, 8, 14, 3, 0, tzinfo=datetime.UTC)
    filed.case.save()

    assert by_kind(filed.case)[Kind.ACKNOWLEDGE].due == datetime.date(2026, 8, 24)


def test_a_handler_reply_meets_the_acknowledgement_but_the_automatic_one_does_not(
    hana, samples
):
    filed = filed_days_ago(samples, 10)
    assert by_kind(filed.case)[Kind.ACKNOWLEDGE].overdue

    conversation.add_staff_message(
        filed.case, filed.key, hana, "Diterima.", internal=False
    )

    assert by_kind(filed.case)[Kind.ACKNOWLEDGE].met_at is not None


def test_a_missed_deadline_escalates_once_per_level(hana, samples):
    filed = filed_days_ago(samples, 10)

    first = escalation.check_all()
    again = escalation.check_all()

    assert first == 1 and again == 0
    assert Escalation.objects.get().level == 1
    assert filed.case.events.filter(kind=Event.Kind.ESCALATED).count() == 1
    assert not Alert.objects.filter(kind=Alert.Kind.OVERDUE).exists()


def test_a_week_later_it_reaches_the_administrators(hana, samples):
    filed_days_ago(samples, 16)

    escalation.check_all()

    assert set(Escalation.objects.values_list("level", flat=True)) == {1, 2}
    assert Alert.objects.filter(kind=Alert.Kind.OVERDUE).count() == 1


def test_the_state_survives_a_restart(hana, samples):
    """Nothing is kept in memory: a new process computes the same answer
    from the stored dates and escalations."""
    filed = filed_days_ago(samples, 10)
    escalation.check_all()

    assert escalation.level_of(filed.case) == 1
    assert escalation.check_all() == 0


@pytest.fixture
def sari(db):
    return make_staff("sari", Role.SUPERVISOR)


def test_supervisors_see_deadlines_and_handlers_do_not(hana, sari, samples):
    filed = filed_days_ago(samples, 10)

    page = signed_in(sari).get(reverse("staff:deadlines")).content.decode()

    assert filed.case.number in page and 'class="overdue"' in page
    assert signed_in(hana).get(reverse("staff:deadlines")).status_code == 403


def test_auditors_see_deadlines_without_content(hana, samples):
    filed = filed_days_ago(samples, 10)
    auditor = signed_in(make_staff("audit", Role.AUDITOR))

    page = auditor.get(reverse("staff:deadlines")).content.decode()

    assert filed.case.number in page
    assert samples[0]["title"] not in page


def test_a_case_nobody_active_can_open_is_shown_at_risk(adi, hana, sari, samples):
    filed = file_sample(samples[0])
    services.set_active(hana, False, changed_by=adi)
    services.set_active(sari, False, changed_by=adi)

    assert list(escalation.at_risk()) == [filed.case]


def test_a_supervisor_hands_a_leaving_handlers_cases_over(hana, sari, samples):
    filed = file_sample(samples[0])
    joko = make_staff("joko", Role.HANDLER)
    supervisor = signed_in(sari)
    supervisor.post(
        reverse("staff:case_assign", args=[filed.case.number]), {"person": hana.pk}
    )

    supervisor.post(
        reverse("staff:handover"), {"leaving": hana.pk, "successor": joko.pk}
    )

    filed.case.refresh_from_db()
    assert filed.case.assignee == joko
    assert CaseAccess.objects.filter(user=joko, case=filed.case).exists()
