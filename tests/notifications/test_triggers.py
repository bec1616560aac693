"""Which events queue a notice, and to whom."""

import datetime

from django.utils import timezone

from peluit.accounts.roles import Role
from peluit.cases import conversation, workflow
from peluit.cases.statuses import Status
from peluit.deadlines import escalation
from peluit.notifications.models import Kind, Notice
from peluit.routing.models import Team
from tests.conftest import file_sample, make_staff, staff_key


def with_address(user):
    user.email = f"{user.username}@inspektorat.example"
    user.save(update_fields=["email"])
    return user


def kinds_for(user) -> list[str]:
    return list(Notice.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_new_report_notifies_its_readers(hana, samples):
    with_address(hana)

    file_sample(samples[0])

    assert kinds_for(hana) == [Kind.NEW_CASE]


def test_a_reporter_message_notifies_the_handler(hana, samples):
    filed = file_sample(samples[0])
    with_address(hana)

    conversation.add_reporter_message(filed.case, filed.key, "Tambahan", [])

    assert kinds_for(hana) == [Kind.REPORTER_MESSAGE]


def test_a_proposed_closure_notifies_the_supervisors(hana, samples):
    sari = with_address(make_staff("sari", Role.SUPERVISOR))
    filed = file_sample(samples[0])
    Notice.objects.all().delete()
    key = staff_key(hana, filed.case)
    workflow.change_status(filed.case, key, hana, Status.VERIFICATION, "x")
    workflow.change_status(filed.case, key, hana, Status.INVESTIGATION, "x")

    workflow.propose_closure(filed.case, key, hana, Status.PROVEN, "Terbukti")

    assert kinds_for(sari) == [Kind.APPROVAL_WAITING]
    assert kinds_for(hana) == []


def test_a_missed_deadline_notifies_the_supervisors(hana, samples):
    sari = with_address(make_staff("sari", Role.SUPERVISOR))
    filed = file_sample(samples[0])
    Notice.objects.all().delete()
    filed.case.created_at = timezone.now() - datetime.timedelta(days=10)
    filed.case.save()

    escalation.check_all()

    assert kinds_for(sari) == [Kind.DEADLINE]


def test_the_notice_names_only_the_case_number(hana, samples):
    with_address(hana)

    filed = file_sample(samples[0])

    notice = Notice.objects.get()
    assert notice.case_number == filed.case.number
    # A notice has no field that could hold anything from the report.
    assert {field.name for field in Notice._meta.fields} == {
        "id",
        "recipient",
        "reporter_case",
        "kind",
        "case_number",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    }


def test_a_week_later_the_alternate_teams_supervisors_hear_of_it(hana, samples):
    outside = with_address(make_staff("ombud", Role.SUPERVISOR))
    outside.teams.set([Team.objects.get(is_alternate=True)])
    filed = file_sample(samples[0])
    filed.case.created_at = timezone.now() - datetime.timedelta(days=16)
    filed.case.save()

    escalation.check_all()

    assert Kind.DEADLINE in kinds_for(outside)
