"""Cases stay within their team, and nobody reaches reading through the
back door of deactivations -- findings of an attack on the first version."""

import pytest
from django.urls import reverse

from peluit.accounts import services
from peluit.accounts.models import RoleGrant, User
from peluit.accounts.roles import Role
from peluit.cases import workflow
from peluit.cases.models import CaseAccess
from peluit.cases.statuses import Status
from peluit.deadlines.models import DeadlinePolicy
from peluit.routing.models import Concerns, Rule, Team
from tests.conftest import (
    file_sample,
    make_staff,
    report_form_data,
    signed_in,
    staff_key,
)


@pytest.fixture
def alternate_people(db):
    team = Team.objects.get(is_alternate=True)
    people = {}
    for name, role in (("altsup", Role.SUPERVISOR), ("alth", Role.HANDLER)):
        person = make_staff(name, role)
        person.teams.set([team])
        people[name] = person
    return people


def file_about_the_inspectorate(client, samples):
    client.post(
        reverse("reporter:report_new"),
        report_form_data(samples[0], concerns=Concerns.INSPECTORATE),
    )
    return CaseAccess.objects.first().case


def test_an_inspectorate_case_cannot_be_shared_with_an_inspektorat_advisor(
    client, samples, alternate_people
):
    advisor = make_staff("legal1", Role.LEGAL_ADVISOR)  # in the Inspektorat team
    case = file_about_the_inspectorate(client, samples)

    response = signed_in(alternate_people["alth"]).post(
        reverse("staff:case_share", args=[case.number]), {"person": advisor.pk}
    )

    assert response.status_code == 400
    assert not CaseAccess.objects.filter(user=advisor).exists()


def test_handover_never_moves_a_case_out_of_its_team(client, samples, alternate_people):
    h1 = make_staff("h1", Role.HANDLER)  # Inspektorat
    case = file_about_the_inspectorate(client, samples)

    signed_in(alternate_people["altsup"]).post(
        reverse("staff:handover"),
        {"leaving": alternate_people["alth"].pk, "successor": h1.pk},
    )

    assert not CaseAccess.objects.filter(user=h1, case=case).exists()


def test_after_every_reader_is_deactivated_a_new_account_is_no_reader(
    adi, hana, samples, client
):
    client.post(reverse("reporter:report_new"), report_form_data(samples[0]))
    services.set_active(hana, False, changed_by=adi)
    services.set_active(hana, True, changed_by=adi)

    evil, _ = services.create_account(
        created_by=adi, username="evil", display_name="", roles=[Role.HANDLER]
    )

    assert not RoleGrant.objects.get(user=evil).confirmed_at


def test_the_inspectorate_rule_cannot_point_at_the_inspektorat(adi_client):
    main = Team.objects.get(name="Inspektorat")

    adi_client.post(
        reverse("staff:rule_save", args=["inspectorate"]),
        {"inspectorate-team": main.pk, "inspectorate-legal_advisors_join_at": ""},
    )

    assert Rule.objects.get(concerns="inspectorate").team.is_alternate


def test_nobody_sits_in_both_kinds_of_team(adi_client, hana):
    alternate = Team.objects.get(is_alternate=True)

    adi_client.post(
        reverse("staff:team_members", args=[alternate.pk]),
        {f"team{alternate.pk}-members": [hana.pk]},
    )

    assert not User.objects.get(pk=hana.pk).teams.filter(is_alternate=True).exists()


def test_an_absurd_deadline_is_refused(adi_client):
    adi_client.post(
        reverse("staff:policy_save", args=["acknowledge"]),
        {"acknowledge-amount": 1000000000000, "acknowledge-unit": "working_days"},
    )

    assert DeadlinePolicy.objects.get(kind="acknowledge").amount == 7


def test_a_legal_advisor_advises_but_does_not_move_the_case(hana, samples):
    advisor = make_staff("lia", Role.LEGAL_ADVISOR)
    filed = file_sample(samples[0])
    key = staff_key(hana, filed.case)
    workflow.change_status(filed.case, key, hana, Status.VERIFICATION, "x")
    workflow.change_status(filed.case, key, hana, Status.INVESTIGATION, "x")
    client = signed_in(advisor)

    moved = client.post(
        reverse("staff:case_status", args=[filed.case.number]),
        {"status": "dirujuk", "reason": "x"},
    )
    replied = client.post(
        reverse("staff:case_reply", args=[filed.case.number]), {"body": "x"}
    )

    assert moved.status_code == replied.status_code == 403
    assert (
        client.get(reverse("staff:case", args=[filed.case.number])).status_code == 200
    )
