"""Administrators configure teams, routing and deadlines; it takes effect
for the next report."""

from django.urls import reverse

from peluit.accounts.roles import Role
from peluit.audit.models import Entry
from peluit.cases.models import CaseAccess
from peluit.deadlines.models import DeadlinePolicy, ExtraHoliday
from peluit.routing.models import Rule, Team
from tests.conftest import file_sample, make_staff


def test_a_new_team_takes_reports_after_the_rule_points_to_it(adi_client, samples):
    adi_client.post(reverse("staff:team_create"), {"name": "Tim Khusus"})
    team = Team.objects.get(name="Tim Khusus")
    budi = make_staff("budi", Role.HANDLER)
    budi.teams.clear()

    adi_client.post(
        reverse("staff:team_members", args=[team.pk]),
        {f"team{team.pk}-members": [budi.pk]},
    )
    adi_client.post(
        reverse("staff:rule_save", args=["other"]),
        {"other-team": team.pk, "other-legal_advisors_join_at": ""},
    )
    filed = file_sample(samples[0])

    assert Rule.objects.get(concerns="other").team == team
    assert list(
        CaseAccess.objects.filter(case=filed.case).values_list("user", flat=True)
    ) == [budi.pk]
    assert Entry.objects.filter(action="routing.rule").exists()


def test_deadlines_and_days_off_are_edited(adi_client):
    adi_client.post(
        reverse("staff:policy_save", args=["acknowledge"]),
        {"acknowledge-amount": 5, "acknowledge-unit": "working_days"},
    )
    adi_client.post(
        reverse("staff:holiday_add"),
        {
            "date": "2026-12-24",
            "name_id": "Cuti bersama Natal",
            "name_en": "Christmas leave",
        },
    )

    policy = DeadlinePolicy.objects.get(kind="acknowledge")
    assert (policy.amount, policy.unit) == (5, "working_days")
    assert ExtraHoliday.objects.get().name_en == "Christmas leave"
    page = adi_client.get(reverse("staff:handling_settings")).content.decode()
    assert "Cuti bersama Natal" in page


def test_a_bad_deadline_is_refused(adi_client):
    adi_client.post(
        reverse("staff:policy_save", args=["acknowledge"]),
        {"acknowledge-amount": "tujuh", "acknowledge-unit": "working_days"},
    )

    assert DeadlinePolicy.objects.get(kind="acknowledge").amount == 7


def test_someone_taken_out_of_a_team_loses_its_cases(adi_client, hana, samples):
    filed = file_sample(samples[0])
    main = Team.objects.get(name="Inspektorat")

    adi_client.post(reverse("staff:team_members", args=[main.pk]), {})

    assert not CaseAccess.objects.filter(user=hana, case=filed.case).exists()
